import pytest

from server.settings import Settings, SettingsError


def test_with_no_settings_it_runs_on_sqlite_in_the_data_folder():
    settings = Settings.from_env({})
    assert settings.mode == "demo"
    assert settings.db_url == "sqlite://data/alongside.sqlite3"


def test_every_setting_comes_from_an_alongside_variable(tmp_path):
    settings = Settings.from_env(
        {
            "ALONGSIDE_MODE": "production",
            "ALONGSIDE_DATA_DIR": str(tmp_path),
            "ALONGSIDE_DATABASE_URL": "postgres://db/alongside",
            "ALONGSIDE_SECRET_KEY": "s" * 40,
            "ALONGSIDE_PORT": "9000",
            "ALONGSIDE_SESSION_IDLE_MINUTES": "15",
            "ALONGSIDE_INVITATION_HOURS": "24",
            "ALONGSIDE_MAX_BODY_BYTES": "1000",
            "ALONGSIDE_PUBLIC_URL": "https://alongside.example/",
            "SECRET_KEY": "ignored",
        }
    )
    assert (settings.port, settings.session_idle_minutes, settings.invitation_hours) == (
        9000,
        15,
        24,
    )
    assert settings.max_body_bytes == 1000
    assert settings.base_url == "https://alongside.example"
    assert settings.ready() is settings


def test_production_refuses_to_start_without_a_real_secret(tmp_path):
    for secret in ("", "short"):
        settings = Settings(mode="production", secret_key=secret, database_url="postgres://x/y")
        with pytest.raises(SettingsError, match="SECRET_KEY"):
            settings.ready()


def test_demo_mode_generates_a_secret_once_and_keeps_it(tmp_path):
    first = Settings(data_dir=tmp_path / "data").ready()
    second = Settings(data_dir=tmp_path / "data").ready()
    assert len(first.secret_key) >= 32
    assert first.secret_key == second.secret_key
    assert (tmp_path / "data" / "secret-key").stat().st_mode & 0o077 == 0


def test_nonsense_settings_are_refused_with_the_name_to_fix():
    with pytest.raises(SettingsError, match="ALONGSIDE_MODE"):
        Settings.from_env({"ALONGSIDE_MODE": "staging"})
    with pytest.raises(SettingsError, match="not a number"):
        Settings.from_env({"ALONGSIDE_PORT": "eighty"})


def test_more_push_services_can_be_allowed_by_origin():
    settings = Settings.from_env(
        {"ALONGSIDE_PUSH_SERVICES": " https://push.example.org/ , http://127.0.0.1:8123,"}
    )
    assert settings.push_services == ("https://push.example.org", "http://127.0.0.1:8123")
    assert Settings.from_env({}).push_services == ()


def test_a_push_service_that_is_not_an_origin_is_refused_with_the_name_to_fix():
    for value in (
        "push.example.org",
        "https://push.example.org/path",
        "ftp://push.example.org",
        "https://user@push.example.org",
        "https://push.example.org:99999",
    ):
        with pytest.raises(SettingsError, match="ALONGSIDE_PUSH_SERVICES"):
            Settings.from_env({"ALONGSIDE_PUSH_SERVICES": value})


def test_the_retention_schedule_and_records_managers_come_from_settings():
    default = Settings.from_env({})
    assert (default.retention_closed_years, default.retention_technical_days) == (7, 30)
    assert default.retention_audit_years == 7 and default.records_managers == ()
    chosen = Settings.from_env(
        {
            "ALONGSIDE_RETENTION_CLOSED_YEARS": "10",
            "ALONGSIDE_RETENTION_TECHNICAL_DAYS": "14",
            "ALONGSIDE_RETENTION_AUDIT_YEARS": "12",
            "ALONGSIDE_RECORDS_MANAGERS": " Dpo@Council.example , ",
        }
    )
    assert (chosen.retention_closed_years, chosen.retention_technical_days) == (10, 14)
    assert chosen.retention_audit_years == 12
    assert chosen.records_managers == ("dpo@council.example",)


def test_a_retention_period_of_nothing_is_refused_rather_than_deleting_everything():
    for name in ("RETENTION_CLOSED_YEARS", "RETENTION_TECHNICAL_DAYS", "RETENTION_AUDIT_YEARS"):
        with pytest.raises(SettingsError, match=f"ALONGSIDE_{name}"):
            Settings.from_env({f"ALONGSIDE_{name}": "0"})


def test_each_web_process_keeps_a_pool_of_postgresql_connections_of_the_size_set():
    default = Settings.from_env({"ALONGSIDE_DATABASE_URL": "postgres://db/alongside"})
    assert default.db_url == "postgres://db/alongside?maxsize=5"
    chosen = Settings.from_env(
        {
            "ALONGSIDE_DATABASE_URL": "postgres://db/alongside?ssl=require",
            "ALONGSIDE_DATABASE_POOL": "8",
        }
    )
    assert chosen.db_url == "postgres://db/alongside?ssl=require&maxsize=8"
    in_the_url = Settings.from_env({"ALONGSIDE_DATABASE_URL": "postgres://db/alongside?maxsize=3"})
    assert in_the_url.db_url == "postgres://db/alongside?maxsize=3"
    sqlite = Settings.from_env({"ALONGSIDE_DATABASE_URL": "sqlite://other.sqlite3"})
    assert sqlite.db_url == "sqlite://other.sqlite3"


def test_the_mail_server_is_read_from_the_environment():
    settings = Settings.from_env(
        {
            "ALONGSIDE_SMTP_HOST": "smtp.council.example",
            "ALONGSIDE_SMTP_PORT": "2525",
            "ALONGSIDE_SMTP_USER": "alongside",
            "ALONGSIDE_SMTP_PASSWORD": "secret",
            "ALONGSIDE_SMTP_FROM": "Alongside <alongside@council.example>",
            "ALONGSIDE_SMTP_STARTTLS": "false",
        }
    )
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_user) == (
        "smtp.council.example",
        2525,
        "alongside",
    )
    assert settings.smtp_password == "secret"
    assert settings.smtp_from == "Alongside <alongside@council.example>"
    assert settings.smtp_starttls is False
    assert Settings.from_env({}).smtp_starttls is True
