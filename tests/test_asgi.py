import gc

from server.asgi import app_from_env


def test_what_the_server_process_made_at_start_is_not_walked_by_each_collection(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("ALONGSIDE_DATA_DIR", str(tmp_path))
    gc.unfreeze()
    try:
        app_from_env()
        # The app's modules, routes and catalogs: walking them took about 80 ms.
        assert gc.get_freeze_count() > 50_000
    finally:
        gc.unfreeze()
