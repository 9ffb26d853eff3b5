"""The cache of computed figures on a real Redis server (CACHE_URL / REDIS_URL), as an
installation with several app servers runs it: shared by every app server, never stale, and a
rolled-back transaction's value never read."""

import pytest
import redis
from django.core.cache.backends.redis import RedisCache
from django.db import transaction

from formatie.models import Bezetting
from kosten.gegevens import _calculate, load_formatie, load_kostenverdeling
from partijen.models import Samenwerkingsverband
from regiekamer.dataversie import cache_key, versie
from tests.formatie.grid import bezetting_url, cell, grid_data

pytestmark = pytest.mark.django_db

URL = "/samenwerkingsverbanden/MLW/kosten/"


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def fresh(sv):
    return _calculate(sv, load_formatie(sv))


def test_the_cost_page_is_served_from_redis_and_changes_with_the_grid(
    demo, redis_cache, regie_client
):
    server = redis.Redis.from_url(redis_cache.url)
    first = regie_client.get(URL).context["kv"]
    assert server.keys("*rk:kostenverdeling*")  # stored in Redis, not in the process
    assert regie_client.get(URL).context["kv"] == first

    grid = regie_client.get(bezetting_url())
    data = grid_data(grid) | {cell(grid, "Beleid Wmo", "Fase 3"): "2,5", "plausibel_bevestigd": "1"}
    regie_client.post(bezetting_url(), data)
    after = regie_client.get(URL).context["kv"]
    assert after != first
    assert after == fresh(mlw())


def test_another_app_server_reads_what_one_stored(demo, redis_cache):
    sv = mlw()
    kv = load_kostenverdeling(sv)
    other = RedisCache(redis_cache.url, {})  # a second app server's own connection
    key = cache_key("kostenverdeling", sv.pk, versie(sv.pk), ())
    assert other.get(key) == kv


def test_a_value_cached_in_a_rolled_back_transaction_is_never_read(demo, redis_cache):
    sv = mlw()
    before = load_kostenverdeling(sv)
    bezetting = Bezetting.objects.filter(rol__samenwerkingsverband=sv, fte__gt=0).first()
    with pytest.raises(RuntimeError), transaction.atomic():
        bezetting.fte += 3
        bezetting.save()
        inside = load_kostenverdeling(sv)  # cached in Redis under the transaction's token
        assert inside.totaal > before.totaal
        raise RuntimeError
    assert load_kostenverdeling(sv) == before == fresh(sv)

    bezetting.refresh_from_db()
    bezetting.fte += 1  # another change: a new token, never the rolled-back one
    bezetting.save()
    assert load_kostenverdeling(sv) == fresh(sv) != before
