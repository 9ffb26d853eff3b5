"""Officials who save at the same moment: one thread each (PostgreSQL row-locking tests)."""

import threading
from collections.abc import Callable

from django.db import connection


def simultaneously(official: Callable[[str, threading.Barrier], None], names="AB", timeout=30):
    """Run ``official(name, barrier)`` in a thread per name, each on its own connection.

    The officials meet at ``barrier`` to act at the same moment; an error in one aborts the
    barrier (so the others stop waiting) and fails the test in the main thread.
    """
    barrier = threading.Barrier(len(names), timeout=timeout)
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            official(name, barrier)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
