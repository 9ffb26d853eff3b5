"""An outer transaction for data that several tests share (the demo, a generated data set, a
world built once per file): opened once, each test in a savepoint inside it (pytest-django's own
atomic), and rolled back after the last of them, so the database is as it was before."""

from contextlib import contextmanager

from django.db import transaction


def begin():
    """Open the shared transaction; returns it for ``roll_back``."""
    atomic = transaction.atomic()
    # As Django's TestCase marks its own: a durable atomic block inside it is allowed.
    atomic._from_testcase = True
    atomic.__enter__()
    return atomic


def roll_back(atomic) -> None:
    transaction.set_rollback(True)
    atomic.__exit__(None, None, None)


@contextmanager
def shared_transaction(blocker):
    """The shared transaction around a ``with`` block, the database unblocked within it."""
    with blocker.unblock():
        atomic = begin()
        try:
            yield
        finally:
            roll_back(atomic)
