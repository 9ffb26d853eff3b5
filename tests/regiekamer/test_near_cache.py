"""This process's own copy of cached values (``regiekamer.dataversie.near``): read before the
shared cache, every read a copy of its own (as from the shared cache), a value too large for it
left to the shared cache alone, and its size bounded (the least recently used leave first)."""

import pickle

import pytest

from regiekamer import dataversie
from tests.partijen.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


class Counting:
    """A computation that counts how often it ran."""

    def __init__(self, value):
        self.value, self.runs = value, 0

    def __call__(self):
        self.runs += 1
        return self.value


class Watched:
    """The shared cache, with its reads counted (``refuse``: a read fails the test)."""

    def __init__(self, cache, refuse=False):
        self.cache, self.refuse, self.reads = cache, refuse, 0

    def get(self, *args, **kwargs):
        if self.refuse:
            pytest.fail("De gedeelde cache werd gelezen.")
        self.reads += 1
        return self.cache.get(*args, **kwargs)

    def set(self, *args, **kwargs):
        return self.cache.set(*args, **kwargs)


@pytest.fixture
def sv():
    return SamenwerkingsverbandFactory(afkorting="NC", naam="Regio dichtbij")


def size(value) -> int:
    return len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def test_every_read_is_a_copy_of_its_own(sv, monkeypatch):
    compute = Counting({"kosten": [1, 2, 3], "naam": "Regio dichtbij"})
    first = dataversie.cached(sv.pk, "proef-dichtbij", compute)  # computed and kept
    first["kosten"].append(4)  # the caller changes what it got: what was kept stays
    first["naam"] = "veranderd"
    # The next read comes from this process, without asking the shared cache.
    monkeypatch.setattr(dataversie, "cache", Watched(dataversie.cache, refuse=True))
    second = dataversie.cached(sv.pk, "proef-dichtbij", compute)
    assert second == {"kosten": [1, 2, 3], "naam": "Regio dichtbij"}
    second["kosten"].clear()
    assert dataversie.cached(sv.pk, "proef-dichtbij", compute)["kosten"] == [1, 2, 3]
    assert compute.runs == 1


def test_a_value_read_from_the_shared_cache_is_kept_as_a_copy(sv):
    compute = Counting({"rijen": ["a", "b"]})
    dataversie.cached(sv.pk, "proef-gedeeld", compute)
    dataversie.near.clear()  # as another process, which has only the shared cache
    read = dataversie.cached(sv.pk, "proef-gedeeld", compute)
    read["rijen"].append("c")
    assert dataversie.cached(sv.pk, "proef-gedeeld", compute) == {"rijen": ["a", "b"]}
    assert compute.runs == 1


def test_a_change_of_the_data_is_seen_through_the_near_cache(sv):
    assert dataversie.cached(sv.pk, "proef-versie", Counting("oud")) == "oud"
    assert dataversie.cached(sv.pk, "proef-versie", Counting("nieuw")) == "oud"
    dataversie.changed([sv.pk])
    assert dataversie.cached(sv.pk, "proef-versie", Counting("nieuw")) == "nieuw"


def test_a_value_too_large_is_returned_but_not_kept_nearby(sv, settings, monkeypatch):
    settings.LOCAL_CACHE_BYTES = 8_000
    large = "x" * 2_000  # more than an eighth of what the process keeps
    assert size(large) > settings.LOCAL_CACHE_BYTES // 8
    compute = Counting(large)
    assert dataversie.cached(sv.pk, "proef-groot", compute) == large
    assert dataversie.near.entries == {} and dataversie.near.size == 0
    # The shared cache has it: read from there, not computed again.
    shared = Watched(dataversie.cache)
    monkeypatch.setattr(dataversie, "cache", shared)
    assert dataversie.cached(sv.pk, "proef-groot", compute) == large
    assert compute.runs == 1 and shared.reads == 1
    assert dataversie.near.entries == {}
    # A small one is kept.
    assert dataversie.cached(sv.pk, "proef-klein", Counting("klein")) == "klein"
    assert len(dataversie.near.entries) == 1


def test_the_size_is_bounded_and_the_least_recently_used_leave_first(settings):
    settings.LOCAL_CACHE_BYTES = 10_000
    near = dataversie.near
    value = "y" * 1_000  # about a tenth of the limit, below an eighth
    each = size(value)
    assert each <= settings.LOCAL_CACHE_BYTES // 8
    fits = settings.LOCAL_CACHE_BYTES // each
    for i in range(fits):
        near.set(f"sleutel-{i}", value)
    assert len(near.entries) == fits and near.size == fits * each
    assert near.get("sleutel-0") == value  # read: now the most recently used
    for i in range(fits, fits + 3):
        near.set(f"sleutel-{i}", value)
        assert near.size <= settings.LOCAL_CACHE_BYTES
    assert near.size == sum(len(data) for data in near.entries.values())
    assert near.get("sleutel-0") == value  # kept: read since
    missing = [key for key in ("sleutel-1", "sleutel-2", "sleutel-3") if key not in near.entries]
    assert missing == ["sleutel-1", "sleutel-2", "sleutel-3"]  # the oldest unread ones left
    assert near.get("sleutel-1") is dataversie._MISSING
    assert near.get(f"sleutel-{fits + 2}") == value  # the newest is there
    # Storing a key again replaces its bytes (not counted twice).
    before = near.size
    near.set("sleutel-0", value)
    assert near.size == before
    near.clear()
    assert near.size == 0 and not near.entries


def test_a_copy_lives_no_longer_than_its_timeout(monkeypatch):
    near = dataversie.near
    now = [1000.0]
    monkeypatch.setattr(dataversie.time, "monotonic", lambda: now[0])
    near.set("kort", "waarde", 60)
    assert near.get("kort") == "waarde"
    now[0] += 61
    assert near.get("kort") is dataversie._MISSING
    assert near.size == 0 and "kort" not in near.expires
