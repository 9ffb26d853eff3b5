"""Attacks on the caches (regiekamer.dataversie, {% versiecache %}, the admin's cached
lists) and on the access memo (regiekamer.access.load). Each test fails when the attack works."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from formatie.models import Rol
from partijen.models import Gemeente, Samenwerkingsverband, Toegang
from regiekamer import access
from regiekamer.dataversie import token_placeholder
from regiekamer.roles import BEHEERDER, REGIEGROEP, STUURGROEP
from tests.conftest import logged_in, make_user
from tests.fuzz import page_data
from tests.partijen.factories import SamenwerkingsverbandFactory
from tests.regiekamer.test_aanvallen_20 import admin_data

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def pages(afk, gemeente_pk):
    return [
        f"/samenwerkingsverbanden/{afk}/dashboard/",
        reverse("kosten:kostenverdeling", args=[afk]),
        reverse("kosten:nacalculatie", args=[afk]),
        reverse("formatie:bezetting", args=[afk]),
        reverse("governance:besluit-list", args=[afk]),
        reverse("begroting:overzicht", args=[afk]),
        f"/gemeenten/{gemeente_pk}/",
    ]


@pytest.fixture
def world(demo, django_user_model):
    weert = Gemeente.objects.get(naam="Weert")
    zw = SamenwerkingsverbandFactory(afkorting="ZW", naam="Zuid-West Proef", gemeenten=[weert])
    Rol.objects.create(samenwerkingsverband=zw, naam="Alleen-in-ZW-rol")
    a = make_user(django_user_model, "aa-mlw", REGIEGROEP)
    access.grant(a, mlw())
    b = make_user(django_user_model, "bb-zw", REGIEGROEP)
    access.grant(b, zw)
    s = make_user(django_user_model, "ss-mlw", STUURGROEP)
    access.grant(s, mlw())
    two = make_user(django_user_model, "twee-plekken", REGIEGROEP)
    access.grant(two, mlw())
    Toegang.objects.get(gebruiker=two).stuurgroep_samenwerkingsverbanden.add(zw)
    access.forget(two)
    return {"weert": weert, "zw": zw, "a": a, "b": b, "s": s, "two": two}


def body(response) -> str:
    """The page's HTML; nothing for a download (a PDF, a workbook)."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return ""
    return response.content.decode()


def own_tokens(client, html) -> bool:
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    return all(_unmask_cipher_token(t) == secret for t in TOKEN.findall(html))


# -- 1. another samenwerkingsverband / a reader after an editor -----------------------------


def test_attack1_b_and_stuurgroep_never_get_as_cached_pages(world):
    a, b, s = logged_in(world["a"]), logged_in(world["b"]), logged_in(world["s"])
    mlw_naam = mlw().naam
    for url in pages("MLW", world["weert"].pk):
        for _ in range(2):
            assert a.get(url).status_code == 200, url
        if "/gemeenten/" in url:
            # Weert's page for B: only ZW's bill, never MLW's (A's cached part).
            seen = body(b.get(url))
            assert mlw_naam not in seen, url
            assert "Zuid-West Proef" in seen
        else:
            assert b.get(url).status_code == 404, url
        stuur = body(s.get(url))
        assert "TOTAL_FORMS" not in stuur, url
        assert "Nieuwe verdeelsleutel" not in stuur, url
        assert "/budgetten/" not in stuur, url
        assert "Nieuw begrotingsjaar" not in stuur, url
        assert "/bewerken/" not in stuur or "/gemeenten/" in url, url
    # B's own ZW pages after A's: nothing of MLW.
    for url in pages("ZW", world["weert"].pk)[:-1]:
        seen = body(b.get(url))
        assert mlw_naam not in seen, url


def test_attack1_admin_list_of_a_is_not_shown_to_b(world, admin_for_every_role):
    a, b = logged_in(world["a"]), logged_in(world["b"])
    url = "/admin/formatie/rol/"
    mlw_rol = Rol.objects.filter(samenwerkingsverband=mlw()).first().naam
    for _ in range(2):
        assert mlw_rol in body(a.get(url))
    for _ in range(2):
        seen = body(b.get(url))
        assert "Alleen-in-ZW-rol" in seen
        assert mlw_rol not in seen


# -- 2. two places ----------------------------------------------------------------------------


def test_attack2_two_places_edit_rights_stay_with_their_place(world):
    two = logged_in(world["two"])
    kv_mlw = body(two.get(reverse("kosten:kostenverdeling", args=["MLW"])))
    assert "/budgetten/" in kv_mlw
    grid_mlw = body(two.get(reverse("formatie:bezetting", args=["MLW"])))
    assert "TOTAL_FORMS" in grid_mlw
    kv_zw = body(two.get(reverse("kosten:kostenverdeling", args=["ZW"])))
    grid_zw = body(two.get(reverse("formatie:bezetting", args=["ZW"])))
    assert "/budgetten/" not in kv_zw
    assert "TOTAL_FORMS" not in grid_zw
    assert "Alleen-in-ZW-rol" in grid_zw and "Alleen-in-ZW-rol" not in grid_mlw


def test_attack2_two_places_no_edit_link_that_answers_403(world):
    """A user who is regiegroep in MLW and only stuurgroep in ZW is shown, on ZW's
    kostenverdeling and bezetting pages, no edit button or link that answers 403 (the pages
    asked the role's model permission, in any place; now ``access.PlacePerms``). MLW's parts
    are cached first, so a part cached for the other place cannot hide it."""
    two = logged_in(world["two"])
    for afk in ("MLW", "ZW"):  # MLW's parts cached first
        two.get(reverse("kosten:kostenverdeling", args=[afk]))
        two.get(reverse("formatie:bezetting", args=[afk]))
    refused = []
    for page in (
        reverse("kosten:kostenverdeling", args=["ZW"]),
        reverse("formatie:bezetting", args=["ZW"]),
    ):
        links = set(re.findall(r'href="(/samenwerkingsverbanden/ZW/[^"?#]*)"', body(two.get(page))))
        for link in sorted(links):
            if two.get(link).status_code == 403:
                refused.append((page, link))
    assert not refused, "geweigerd: " + " ; ".join(link for _, link in refused)


def test_two_places_every_page_of_the_reading_place_offers_only_what_is_allowed(
    world, django_user_model
):
    """The other way round, over every kind of page of MLW (the demo's full record): regiegroep
    in ZW, only stuurgroep in MLW. Every link to MLW on MLW's pages, one step deep, opens (a
    stuurgroep may still record a besluit: that link opens too); none answers 403."""
    user = make_user(django_user_model, "regie-zw-stuur-mlw", REGIEGROEP)
    access.grant(user, world["zw"])
    Toegang.objects.get(gebruiker=user).stuurgroep_samenwerkingsverbanden.add(mlw())
    access.forget(user)
    client = logged_in(user)
    start = [
        "/samenwerkingsverbanden/MLW/",
        "/samenwerkingsverbanden/MLW/dashboard/",
        reverse("kosten:kostenverdeling", args=["MLW"]),
        reverse("formatie:bezetting", args=["MLW"]),
        reverse("governance:besluit-list", args=["MLW"]),
        reverse("governance:gremium-list", args=["MLW"]),
        reverse("governance:vergadering-list", args=["MLW"]),
        reverse("governance:actiepunt-list", args=["MLW"]),
        reverse("programma:plan-list", args=["MLW"]),
        reverse("programma:rapportage-list", args=["MLW"]),
        reverse("brieven:brief-list", args=["MLW"]),
    ]
    seen, refused, pages_opened = set(), [], 0
    for page in start:
        response = client.get(page)
        assert response.status_code == 200, page
        for link in sorted(
            set(re.findall(r'href="(/samenwerkingsverbanden/MLW/[^"?#]*)"', body(response)))
        ):
            if link in seen:
                continue
            seen.add(link)
            answer = client.get(link)
            pages_opened += 1
            if answer.status_code == 403:
                refused.append(f"{page} -> {link}")
            for deeper in set(
                re.findall(r'href="(/samenwerkingsverbanden/MLW/[^"?#]*)"', body(answer))
            ):
                if deeper not in seen and answer.status_code == 200:
                    seen.add(deeper)
                    pages_opened += 1
                    if client.get(deeper).status_code == 403:
                        refused.append(f"{link} -> {deeper}")
    assert not refused, "geweigerd: " + " ; ".join(refused)
    assert pages_opened > 40  # the crawl reached the gremia, vergaderingen, plannen, ...


# -- 3. revocation ---------------------------------------------------------------------------

DASH = "/samenwerkingsverbanden/MLW/dashboard/"


def _warm(client):
    for url in (DASH, reverse("formatie:bezetting", args=["MLW"])):
        for _ in range(2):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "how",
    ["toegang_delete", "toegang_qs_delete", "sv_clear", "user_inactive", "user_delete_group"],
)
def test_attack3_revoked_place_is_refused_at_once(world, how):
    user = world["a"]
    client = logged_in(user)
    _warm(client)
    toegang = Toegang.objects.get(gebruiker=user)
    if how == "toegang_delete":
        toegang.delete()
    elif how == "toegang_qs_delete":
        Toegang.objects.filter(gebruiker=user).delete()
    elif how == "sv_clear":
        toegang.samenwerkingsverbanden.clear()
    elif how == "user_inactive":
        user.is_active = False
        user.save()
    elif how == "user_delete_group":
        Group.objects.get(name=REGIEGROEP).user_set.remove(user)
        Toegang.objects.filter(gebruiker=user).delete()
    response = client.get(DASH)
    assert response.status_code in (302, 403, 404), how


@pytest.mark.parametrize("how", ["groups_remove", "groups_clear", "perm_remove", "perm_qs_set"])
def test_attack3_revoked_right_is_gone_at_once(world, how):
    user = world["a"]
    client = logged_in(user)
    _warm(client)
    grid = reverse("formatie:bezetting", args=["MLW"])
    assert "TOTAL_FORMS" in body(client.get(grid))
    regiegroep = Group.objects.get(name=REGIEGROEP)
    change = Permission.objects.get(codename="change_bezetting")
    if how == "groups_remove":
        user.groups.remove(regiegroep)
    elif how == "groups_clear":
        user.groups.clear()
    elif how == "perm_remove":
        change.group_set.remove(regiegroep)
    elif how == "perm_qs_set":
        regiegroep.permissions.set(regiegroep.permissions.exclude(pk=change.pk))
    assert "TOTAL_FORMS" not in body(client.get(grid)), how
    # and a forged post is refused
    assert client.post(grid, {}).status_code == 403, how


def test_attack3_beheerder_demoted_loses_the_cached_admin_list(world, beheer_user):
    client = logged_in(beheer_user)
    for _ in range(2):
        assert client.get("/admin/formatie/rol/").status_code == 200
    beheer_user.groups.remove(Group.objects.get(name=BEHEERDER))
    response = client.get("/admin/formatie/rol/")
    assert response.status_code in (302, 403), response.status_code
    assert "Alleen-in-ZW-rol" not in body(response)


def test_attack3_stuurgroep_place_taken_away(world):
    two = logged_in(world["two"])
    for _ in range(2):
        assert two.get("/samenwerkingsverbanden/ZW/dashboard/").status_code == 200
    Toegang.objects.get(gebruiker=world["two"]).stuurgroep_samenwerkingsverbanden.remove(
        world["zw"]
    )
    assert two.get("/samenwerkingsverbanden/ZW/dashboard/").status_code == 404


# -- 4. CSRF ------------------------------------------------------------------------------------


def test_attack4_no_placeholder_and_own_tokens_everywhere(world, beheer_user, django_user_model):
    placeholder = token_placeholder()
    second = make_user(django_user_model, "beheer-twee", BEHEERDER)
    clients = [logged_in(beheer_user), logged_in(second), logged_in(beheer_user)]  # 2 sessions
    urls = [*pages("MLW", world["weert"].pk), "/admin/formatie/rol/", "/admin/partijen/gemeente/"]
    for url in urls:
        for client in clients:
            for _ in range(2):
                html = body(client.get(url))
                assert placeholder not in html, url
                assert own_tokens(client, html), url


def test_attack4_a_form_of_a_cached_admin_list_posts_with_its_token(world, beheer_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(beheer_user)
    url = "/admin/formatie/rol/"
    client.get(url)
    html = body(client.get(url))  # from the cache
    token = TOKEN.search(html)[1]
    rol = Rol.objects.get(naam="Alleen-in-ZW-rol")
    response = client.post(
        url,
        {
            "csrfmiddlewaretoken": token,
            "action": "delete_selected",
            "_selected_action": [rol.pk],
            "index": 0,
        },
    )
    assert response.status_code == 200  # the confirmation page, not a CSRF 403
    assert "Alleen-in-ZW-rol" in body(response)


def test_attack4_relogin_rotates_the_token_and_the_cached_page_follows(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["a"])
    grid = reverse("formatie:bezetting", args=["MLW"])
    client.get(grid)
    client.logout()
    client.force_login(world["a"])
    html = body(client.get(grid))  # the grid from the cache
    assert own_tokens(client, html)


# -- 5. rolled back ---------------------------------------------------------------------------


def test_attack5_a_rolled_back_write_is_never_shown(world, beheer_user):
    client = logged_in(world["a"])
    beheer = logged_in(beheer_user)
    weert = world["weert"]
    urls = [*pages("MLW", weert.pk)]
    for url in urls:
        client.get(url)
    beheer.get("/admin/partijen/gemeente/")
    with pytest.raises(RuntimeError), transaction.atomic():
        weert.naam = "Teruggedraaid-Weert"
        weert.save()
        rol = Rol.objects.filter(samenwerkingsverband=mlw()).first()
        rol.naam = "Teruggedraaide-rol"
        rol.save()
        for url in urls:
            client.get(url)
        assert "Teruggedraaid-Weert" in body(beheer.get("/admin/partijen/gemeente/"))
        raise RuntimeError
    for url in urls:
        seen = body(client.get(url))
        assert "Teruggedraaid" not in seen, url
    assert "Teruggedraaid" not in body(beheer.get("/admin/partijen/gemeente/"))


# -- 6. edits through the admin and the pages --------------------------------------------------


def fresh_equals_cached(client_factory, urls):
    """Every page as served now (from the caches) is the page as computed afresh."""
    from django.core.cache import cache

    from regiekamer import dataversie

    served = {}
    for url in urls:
        client = client_factory()
        served[url] = TOKEN.sub("", body(client.get(url)))
    dataversie.near.clear()
    cache.clear()
    access.forget_all()
    for url in urls:
        client = client_factory()
        fresh = TOKEN.sub("", body(client.get(url)))
        assert served[url] == fresh, url


def test_attack6_edits_in_admin_and_pages_show_at_once(world, beheer_user):
    reader = logged_in(world["s"])
    editor = logged_in(world["a"])
    beheer = logged_in(beheer_user)
    weert = world["weert"]
    urls = [*pages("MLW", weert.pk)]
    admin_urls = ["/admin/partijen/gemeente/", "/admin/formatie/rol/"]
    for url in urls:
        reader.get(url)
        reader.get(url)
    for url in admin_urls:
        beheer.get(url)
        beheer.get(url)
    # A gemeente renamed in the admin.
    change = f"/admin/partijen/gemeente/{weert.pk}/change/"
    data = admin_data(beheer, change) | {"naam": "Weert-Nieuw"}
    response = beheer.post(change, data)
    assert response.status_code == 302, body(response)[:3000]
    assert "Weert-Nieuw" in body(beheer.get("/admin/partijen/gemeente/"))
    for url in (urls[0], urls[1], urls[6]):
        assert "Weert-Nieuw" in body(reader.get(url)), url
    # A rol's fte and names changed on its page (the browser).
    rol = Rol.objects.filter(samenwerkingsverband=mlw(), basisformatie__gt=0).first()
    update = reverse("formatie:rol-update", args=["MLW", rol.pk])
    data = page_data(editor.get(update)) | {
        "naam": "Hernoemde-rol",
        "naam_in_kostentabel": "hernoemd in tabel",
        "basisformatie": str(rol.basisformatie + 3).replace(".", ","),
    }
    response = editor.post(update, data)
    assert response.status_code == 302, (
        response.context["form"].errors,
        [f.errors for fs in (response.context.get("formsets") or {}).values() for f in fs],
    )
    assert "Hernoemde-rol" in body(reader.get(reverse("formatie:bezetting", args=["MLW"])))
    assert "hernoemd in tabel" in body(reader.get(reverse("kosten:kostenverdeling", args=["MLW"])))
    assert "Hernoemde-rol" in body(beheer.get("/admin/formatie/rol/"))
    fresh_equals_cached(lambda: logged_in(world["s"]), urls)
    fresh_equals_cached(lambda: logged_in(beheer_user), admin_urls)
