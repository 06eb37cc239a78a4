from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class InvitationMade(BaseModel):
    """Shown once to the practitioner, to pass on to the family member."""

    code: str
    link: str
    expires_at: datetime
