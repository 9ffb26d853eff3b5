"""The embedded SQLite default holds out under several writers at once (a small office).

Runs in a subprocess on its own SQLite file, whatever database the test suite itself uses.
"""

import textwrap

from tests.scripts import run_script

WRITERS = 8
SAVES = 25

SCRIPT = textwrap.dedent(
    f"""
    import threading

    import django
    from django.core.management import call_command

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.db import connection, connections, transaction
    from django.db.models import F

    from axes.models import AccessAttempt, AccessLog

    # The tables straight from the models, as the test database's (test_migrations.py
    # applies the migrations).
    settings.MIGRATION_MODULES = {{app.label: None for app in apps.get_app_configs()}}
    call_command("migrate", run_syncdb=True, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        print("journal_mode", cursor.fetchone()[0])
    counter = AccessAttempt.objects.create(
        username="teller", ip_address="127.0.0.1", user_agent="t", http_accept="",
        path_info="", get_data="", post_data="", failures_since_start=0,
    )
    errors = []

    def writer(number):
        try:
            for step in range({SAVES}):
                with transaction.atomic():
                    # Read, then write what was read plus one: a lost update shows in the total.
                    row = AccessAttempt.objects.get(pk=counter.pk)
                    row.failures_since_start = row.failures_since_start + 1
                    row.save(update_fields=["failures_since_start"])
                    AccessLog.objects.create(
                        username=f"schrijver-{{number}}", ip_address="127.0.0.1",
                        user_agent=str(step), http_accept="", path_info="",
                    )
        except Exception as error:  # reported to the test, which fails on it
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range({WRITERS})]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("errors", errors)
    print("counter", AccessAttempt.objects.get(pk=counter.pk).failures_since_start)
    print("rows", AccessLog.objects.count())
    """
)


def test_concurrent_writers_on_sqlite_lose_nothing_and_never_see_a_lock(tmp_path):
    database = tmp_path / "kantoor.sqlite3"
    result = run_script(SCRIPT, f"sqlite:///{database}")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "database is locked" not in output
    assert "journal_mode wal" in output
    assert "errors []" in output
    assert f"counter {WRITERS * SAVES}" in output
    assert f"rows {WRITERS * SAVES}" in output
    assert database.exists()
