"""Each organisation's identity provider comes from ALONGSIDE_OIDC_<KEY>_*
settings; its client secret never shows in a repr (and so in no log)."""

import pytest

from server.settings import Settings, SettingsError

SCHOOL = {
    "ALONGSIDE_OIDC_SCHOOL_ISSUER": "https://login.example/school",
    "ALONGSIDE_OIDC_SCHOOL_CLIENT_ID": "alongside",
    "ALONGSIDE_OIDC_SCHOOL_CLIENT_SECRET": "very-secret-value",
    "ALONGSIDE_OIDC_SCHOOL_NAME": "Greenfield School",
}


def test_a_provider_is_named_by_its_key_and_discovered_from_its_issuer():
    (school,) = Settings.from_env(SCHOOL).identity_providers
    assert (school.key, school.name, school.client_id) == (
        "school",
        "Greenfield School",
        "alongside",
    )
    assert school.discovery == "https://login.example/school/.well-known/openid-configuration"


def test_the_client_secret_is_never_in_a_repr():
    settings = Settings.from_env(SCHOOL)
    assert "very-secret-value" not in repr(settings)
    assert "very-secret-value" not in repr(settings.identity_providers)


def test_a_provider_without_its_client_secret_is_refused_at_start_up():
    incomplete = {k: v for k, v in SCHOOL.items() if not k.endswith("CLIENT_SECRET")}
    with pytest.raises(SettingsError, match="ALONGSIDE_OIDC_SCHOOL_CLIENT_SECRET"):
        Settings.from_env(incomplete)
