"""Query budgets: a page costs as many queries at 30 rows as at 10 (issue 8).

Each app's ``test_query_budget.py`` has a table of pages, each with a builder that adds rows
``start`` to ``stop`` (bulk_create, varied in what the page joins or prefetches). A test adds 10
rows, counts the queries of a GET, adds rows up to 30, counts again and requires the same
number, and checks that the page really shows the rows.

A query per row shows as 20 more queries at 30 rows. 1.000 rows found no more than that and
made these tests cost 90 s instead of 20: a per-row query injected into the formsets' view, into
``Rol.__str__`` or into the ``get_absolute_url`` of Opdracht and Vergadering failed the same
pages at 30 rows as at 1.000.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regiekamer.dataversie import changed

SMALL, LARGE = 10, 30


@dataclass
class Measurement:
    url: str
    page: str
    queries: list[str]

    @property
    def count(self) -> int:
        return len(self.queries)


def measure(client, url: str) -> Measurement:
    """GET ``url`` and record the SQL it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url}: status {response.status_code}"
    return Measurement(
        url, response.content.decode(), [query["sql"] for query in captured.captured_queries]
    )


def count_queries(client, url: str) -> int:
    return measure(client, url).count


def _shape(sql: str) -> str:
    """The query without its literal values, so that the same query for another row matches."""
    sql = re.sub(r'"s\d+_x\d+"', '"savepoint"', sql)
    sql = re.sub(r"'[^']*'|\b\d+(\.\d+)?\b", "?", sql)
    return re.sub(r"\?(, \?)+", "?, ...", sql)


def difference(small: Measurement, large: Measurement) -> str:
    """The queries one run did and the other did not (by shape), for the failure message."""
    more = Counter(map(_shape, large.queries)) - Counter(map(_shape, small.queries))
    fewer = Counter(map(_shape, small.queries)) - Counter(map(_shape, large.queries))
    lines = [f"{n}x {sql}" for sql, n in more.most_common()]
    lines += [f"only with fewer rows, {n}x {sql}" for sql, n in fewer.most_common()]
    return "\n".join(lines)


@dataclass
class Page:
    """A page under a query budget.

    ``url(world)`` gives its address; ``add(world, start, stop)`` adds the rows numbered
    ``start`` to ``stop``; ``shows(world, stop)`` is a text the page shows only once row
    ``stop - 1`` is on it (a name, or the paginator's total).
    """

    name: str
    url: Callable
    add: Callable
    shows: Callable

    def __str__(self):
        return self.name


def assert_flat(client, page: Page, world) -> None:
    """The page's queries are as many at LARGE rows as at SMALL rows: computed afresh (the
    figures' cache empty for the samenwerkingsverband, ``regiekamer.dataversie``) and from the
    cache."""
    url = page.url(world)
    page.add(world, 0, SMALL)
    changed(None)  # the rows came in bulk, without the signals a page's write sends
    # Warm up: process-wide caches (content types, templates) are filled on the first request.
    client.get(url)
    changed(None)
    small = measure(client, url)
    small_cached = measure(client, url)
    assert page.shows(world, SMALL) in small.page, f"{page}: {SMALL} rows not shown"

    page.add(world, SMALL, LARGE)
    changed(None)
    large = measure(client, url)
    large_cached = measure(client, url)
    assert page.shows(world, LARGE) in large.page, f"{page}: {LARGE} rows not shown"
    assert large.count == small.count, (
        f"{page}: {small.count} queries at {SMALL} rows, {large.count} at {LARGE} rows:\n"
        + difference(small, large)
    )
    assert large_cached.count == small_cached.count, (
        f"{page}, from the cache: {small_cached.count} queries at {SMALL} rows, "
        f"{large_cached.count} at {LARGE} rows:\n" + difference(small_cached, large_cached)
    )


def sv_page(namespace: str, name: str, *args: Callable) -> Callable:
    """The address of page ``namespace:name`` of the test samenwerkingsverband "Q"; each of
    ``args`` takes a further key from the world."""
    return lambda world: reverse(f"{namespace}:{name}", args=["Q", *(a(world) for a in args)])


def changelist(app_label: str, model: str) -> Callable:
    """The address of the admin's list of ``app_label.model``."""
    return lambda world: reverse(f"admin:{app_label}_{model}_changelist")


def of(items, i):
    """Row ``i``'s pick from ``items``: consecutive rows point to different ones."""
    return items[i % len(items)]


def total(count: int) -> str:
    """What a list page says above its table: '1000 resultaten'."""
    return f"{count} resultaten"


def grant(user, samenwerkingsverbanden) -> None:
    """Let ``user`` take part in bulk-created samenwerkingsverbanden (no post_save signal)."""
    from partijen.models import Toegang

    toegang, _ = Toegang.objects.get_or_create(gebruiker=user)
    through = Toegang.samenwerkingsverbanden.through
    through.objects.bulk_create(
        through(toegang=toegang, samenwerkingsverband=sv) for sv in samenwerkingsverbanden
    )


def fast_hasher(settings) -> None:
    """The suite's users get a password; the default hasher would add 0.4 s to every test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
