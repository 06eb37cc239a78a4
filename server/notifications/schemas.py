from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


BASE64URL = r"^[A-Za-z0-9_-]+={0,2}$"


class SubscriptionKeys(Strict):
    p256dh: str = Field(min_length=20, max_length=200, pattern=BASE64URL)
    auth: str = Field(min_length=8, max_length=100, pattern=BASE64URL)


class SubscriptionNew(Strict):
    """What the browser's PushManager.subscribe() gives (its toJSON())."""

    # No control characters: PostgreSQL refuses NUL in text (a server error).
    endpoint: str = Field(min_length=10, max_length=1000, pattern=r"^https?://[^\x00-\x1f\x7f]+$")
    expirationTime: int | None = None  # noqa: N815 - the browser's own name
    keys: SubscriptionKeys


class SubscriptionGone(Strict):
    endpoint: str = Field(min_length=10, max_length=1000, pattern=r"^https?://[^\x00-\x1f\x7f]+$")


class PushKey(BaseModel):
    public_key: str
