"""The data version of a samenwerkingsverband and the cache keyed on it (regiekamer/dataversie.py):
every write moves the version of the samenwerkingsverband it belongs to (a shared row: of all),
in the same transaction; a rolled-back write leaves no trace; cached figures are those a fresh
calculation gives."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from formatie.models import Bezetting, Rol
from kosten.gegevens import _calculate, load_formatie, load_kostenverdeling
from kosten.verdeling import KostenFout
from partijen.models import Domein, Gemeente, Samenwerkingsverband
from regiekamer import dataversie
from regiekamer.dataversie import cached, changed, versie
from tests.formatie.grid import bezetting_url, cell, grid_data
from tests.partijen.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


def sv(code):
    return Samenwerkingsverband.objects.get(afkorting=code)


def test_a_write_moves_the_version_of_its_own_samenwerkingsverband_only(demo):
    mlw, g12 = sv("MLW"), SamenwerkingsverbandFactory()
    before_mlw, before_g12 = versie(mlw.pk), versie(g12.pk)
    rol = Rol.objects.filter(samenwerkingsverband=mlw).first()
    rol.opmerking = "bijgewerkt"
    rol.save()
    assert versie(mlw.pk) != before_mlw
    assert versie(g12.pk) == before_g12


def test_a_row_two_levels_down_moves_its_samenwerkingsverband(demo):
    mlw = sv("MLW")
    before = versie(mlw.pk)
    bezetting = Bezetting.objects.filter(rol__samenwerkingsverband=mlw).first()
    bezetting.fte += 1
    bezetting.save()
    assert versie(mlw.pk) != before


def test_a_delete_and_a_membership_move_the_version(demo):
    mlw = sv("MLW")
    before = versie(mlw.pk)
    Bezetting.objects.filter(rol__samenwerkingsverband=mlw).first().delete()
    after_delete = versie(mlw.pk)
    assert after_delete != before
    mlw.gemeenten.add(Gemeente.objects.create(naam="Roermond"))
    assert versie(mlw.pk) != after_delete


def test_a_shared_row_moves_every_version(demo):
    mlw, g12 = sv("MLW"), SamenwerkingsverbandFactory()
    before = versie(mlw.pk), versie(g12.pk)
    Domein.objects.create(naam="Participatiewet (nieuw)")
    after = versie(mlw.pk), versie(g12.pk)
    assert after[0] != before[0] and after[1] != before[1]


def test_a_gemeente_moves_every_samenwerkingsverband_it_takes_part_in(demo):
    mlw, g12 = sv("MLW"), SamenwerkingsverbandFactory()
    before = versie(mlw.pk), versie(g12.pk)
    weert = mlw.gemeenten.get(naam="Weert")
    weert.contactpersoon = "J. Jansen"
    weert.save()
    assert versie(mlw.pk) != before[0]
    assert versie(g12.pk) == before[1]  # Weert is no party to the other one


def test_a_rolled_back_write_leaves_the_version_and_its_token_never_returns(demo):
    mlw = sv("MLW")
    before = versie(mlw.pk)
    rol = Rol.objects.filter(samenwerkingsverband=mlw).first()
    with pytest.raises(RuntimeError), transaction.atomic():
        rol.opmerking = "wordt teruggedraaid"
        rol.save()
        inside = versie(mlw.pk)
        assert inside != before
        raise RuntimeError
    assert versie(mlw.pk) == before
    rol.refresh_from_db()
    rol.opmerking = "echt"
    rol.save()
    assert versie(mlw.pk) not in (before, inside)  # random, not the next number


def test_a_login_moves_nothing(demo, regie_user, client):
    mlw = sv("MLW")
    before = versie(mlw.pk)
    client.force_login(regie_user)  # saves last_login only
    assert versie(mlw.pk) == before


def test_the_cost_table_comes_from_the_cache_until_a_write(demo):
    mlw = sv("MLW")
    changed([mlw.pk])
    fresh = load_kostenverdeling(mlw)
    with CaptureQueriesContext(connection) as queries:
        again = load_kostenverdeling(mlw)
    assert len(queries) == 2  # the version and the cache: not the ~10 of the calculation
    assert again == fresh

    bezetting = Bezetting.objects.filter(rol__samenwerkingsverband=mlw, fte__gt=0).first()
    bezetting.fte += 1
    bezetting.save()
    after = load_kostenverdeling(mlw)
    assert after.totaal > fresh.totaal
    assert after == _calculate(mlw, load_formatie(mlw))


def test_the_grid_changes_the_cost_page_at_once(demo, regie_client):
    """As a user: the kostenverdeling, the grid changes one cell, the kostenverdeling again."""
    url = "/samenwerkingsverbanden/MLW/kosten/"
    before = regie_client.get(url).context["kv"]
    grid = regie_client.get(bezetting_url())
    data = grid_data(grid) | {cell(grid, "Beleid Wmo", "Fase 3"): "2,5", "plausibel_bevestigd": "1"}
    assert regie_client.post(bezetting_url(), data, follow=True).status_code == 200
    after = regie_client.get(url).context["kv"]
    mlw = sv("MLW")
    assert after != before
    assert after == _calculate(mlw, load_formatie(mlw))


def test_a_formation_that_cannot_be_costed_is_refused_from_the_cache_too(demo):
    mlw = sv("MLW")
    rol = Rol.objects.get(samenwerkingsverband=mlw, naam="Beleid Wmo")
    rol.schaal = 17  # no salarisschaal 17 is recorded
    rol.save()
    with pytest.raises(KostenFout) as first:
        load_kostenverdeling(mlw)
    with pytest.raises(KostenFout) as second:
        load_kostenverdeling(mlw)
    assert str(second.value) == str(first.value)
    assert [o.tekst for o in second.value.ontbrekend] == [o.tekst for o in first.value.ontbrekend]
    assert second.value.ontbrekend


def test_a_cache_that_does_not_answer_costs_speed_not_figures(demo, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    mlw = sv("MLW")
    assert load_kostenverdeling(mlw) == _calculate(mlw, load_formatie(mlw))
    assert "De cache antwoordt niet" in caplog.text


def test_a_new_release_keys_anew(demo, settings, monkeypatch):
    calls = []
    settings.CACHE_CODE_VERSION = "release-1"
    dataversie.code_version.cache_clear()
    cached(1, "test", lambda: calls.append(1) or 1)
    cached(1, "test", lambda: calls.append(1) or 1)
    settings.CACHE_CODE_VERSION = "release-2"
    dataversie.code_version.cache_clear()
    cached(1, "test", lambda: calls.append(1) or 1)
    assert len(calls) == 2
    dataversie.code_version.cache_clear()


def test_the_code_version_follows_the_files(settings):
    settings.CACHE_CODE_VERSION = ""
    dataversie.code_version.cache_clear()
    first = dataversie.code_version()
    assert len(first) == 16 and first == dataversie.code_version()
    dataversie.code_version.cache_clear()


def test_every_model_users_edit_is_tracked():
    from django.apps import apps

    from regiekamer.declarations import is_history_model, regiekamer_app

    edited = [
        m
        for m in apps.get_models()
        if regiekamer_app(m._meta.app_config)
        and not is_history_model(m)
        and m._meta.label != "regiekamer.Dataversie"
    ]
    assert edited and all(dataversie.tracked(m) for m in edited)
    assert not dataversie.tracked(apps.get_model("regiekamer", "Dataversie"))
    assert not dataversie.tracked(Rol.history.model)
