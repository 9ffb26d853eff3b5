"""The embedded SQLite default holds out under several writers at once (a small office).

Runs in a subprocess on its own SQLite file, whatever database the test suite itself uses.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WRITERS = 8
SAVES = 25

SCRIPT = textwrap.dedent(
    f"""
    import threading

    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection, connections, transaction
    from django.db.models import F

    from axes.models import AccessAttempt, AccessLog

    call_command("migrate", verbosity=0)
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
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "regiekamer.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "Rk7#pQ2vX9!mZ4&tL8@wN3$yB6^cH1*dF5(gJ0)sE-sqlite-test-key",
        "ALLOWED_HOSTS": "localhost",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "database is locked" not in output
    assert "journal_mode wal" in output
    assert "errors []" in output
    assert f"counter {WRITERS * SAVES}" in output
    assert f"rows {WRITERS * SAVES}" in output
    assert database.exists()
