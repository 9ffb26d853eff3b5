"""The admin's lists from the cache (``regiekamer.admin.ModelAdmin.changelist_view``): a list is
kept per viewer and address while no data changed anywhere (``dataversie.cached_all``); its CSRF
token is stored as a placeholder and every view gets its own session's token; a list after an
action (with a message to show) and an answer that is no page (a redirect) are never kept."""

import html
import re

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.utils.html import strip_tags

from governance.models import Besluit
from regiekamer.dataversie import token_placeholder
from regiekamer.roles import BEHEERDER
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

LIST = "/admin/governance/besluit/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ROW_TEXT = re.compile(r'<td class="field-tekst">(.*?)</td>', re.S)
# A list read from the cache: the session, the user, the second factor, the savepoint around the
# request and its release, the access version and every data version (one query).
FROM_CACHE = 7


def rows(response) -> list[str]:
    """The decisions' texts the list shows, top to bottom."""
    assert response.status_code == 200
    return [html.unescape(strip_tags(cell)).strip() for cell in ROW_TEXT.findall(page(response))]


def page(response) -> str:
    return response.content.decode()


def text(response) -> str:
    """What a user reads on the page, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(page(response))).split())


def tokens_are_own(client, source: str) -> bool:
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    tokens = TOKEN.findall(source)
    return bool(tokens) and all(_unmask_cipher_token(t) == secret for t in tokens)


@pytest.fixture
def beheerder(beheer_user):
    return logged_in(beheer_user)


def test_the_second_view_is_read_from_the_cache_with_the_same_rows(
    demo, beheerder, django_assert_max_num_queries
):
    first = beheerder.get(LIST)
    shown = rows(first)
    assert len(shown) == Besluit.objects.count() > 1
    with django_assert_max_num_queries(FROM_CACHE):
        second = beheerder.get(LIST)
    assert rows(second) == shown
    assert TOKEN.sub("", page(second)) == TOKEN.sub("", page(first))
    # Another address (a search) is a list of its own, built afresh.
    searched = beheerder.get(LIST, {"q": shown[0][:20]})
    assert shown[0] in rows(searched) and len(rows(searched)) < len(shown)


def test_a_decision_added_or_changed_is_shown_at_once(demo, beheerder):
    assert "Een nieuw besluit over de cache." not in rows(beheerder.get(LIST))
    model = Besluit.objects.select_related("gremium").order_by("pk").first()
    nieuw = Besluit.objects.create(
        gremium=model.gremium,
        datum=model.datum,
        datum_precisie=model.datum_precisie,
        tekst="Een nieuw besluit over de cache.",
    )
    assert "Een nieuw besluit over de cache." in rows(beheerder.get(LIST))
    nieuw.tekst = "Het besluit, gewijzigd."
    nieuw.save()
    shown = rows(beheerder.get(LIST))
    assert "Het besluit, gewijzigd." in shown
    assert "Een nieuw besluit over de cache." not in shown


def test_every_beheerder_gets_a_token_of_their_own_secret(demo, beheer_user, django_user_model):
    first = logged_in(beheer_user)
    second = logged_in(make_user(django_user_model, "beheer-twee", BEHEERDER))
    same_user_again = logged_in(beheer_user)  # the same beheerder in another browser
    pages = {}
    for name, client in (("eerste", first), ("tweede", second), ("opnieuw", same_user_again)):
        for _ in range(2):  # the second time from the cache
            response = client.get(LIST)
            source = page(response)
            assert tokens_are_own(client, source), f"{name} kreeg een token van een ander"
            assert token_placeholder() not in source
        pages[name] = TOKEN.sub("", source)
    assert "beheer-test" in pages["eerste"] and "beheer-twee" not in pages["eerste"]
    assert "beheer-twee" in pages["tweede"] and "beheer-test" not in pages["tweede"]
    assert pages["opnieuw"] == pages["eerste"]
    secrets = {c.cookies[settings.CSRF_COOKIE_NAME].value for c in (first, second, same_user_again)}
    assert len(secrets) == 3


def test_after_an_action_the_message_is_shown_and_the_row_is_gone(demo, beheerder):
    shown = rows(beheerder.get(LIST))  # the list is in the cache now
    besluit = Besluit.objects.order_by("pk").first()
    assert besluit.tekst.strip() in shown
    response = beheerder.post(
        LIST,
        {"action": "delete_selected", "_selected_action": [besluit.pk], "post": "yes"},
        follow=True,
    )
    assert response.redirect_chain and response.status_code == 200
    assert "1 besluit met succes verwijderd." in text(response)  # Django's Dutch message
    assert besluit.tekst.strip() not in rows(response)
    assert len(rows(response)) == len(shown) - 1
    # The next view: the message was shown once; the row stays gone.
    again = beheerder.get(LIST)
    assert "met succes verwijderd" not in text(again)
    assert rows(again) == rows(response)


def test_a_list_with_a_message_is_never_served_from_the_cache(demo, beheerder):
    """An action sent without a row chosen changes no data (the list's key stays the same):
    the list it returns to shows the warning, not the list kept in the cache."""
    shown = rows(beheerder.get(LIST))
    response = beheerder.post(LIST, {"action": "delete_selected", "index": "0"}, follow=True)
    assert response.redirect_chain
    warning = "Er moeten items worden geselecteerd om acties op uit te voeren."
    assert warning in text(response)  # Django's Dutch message
    assert rows(response) == shown
    again = beheerder.get(LIST)  # shown once
    assert warning not in text(again) and rows(again) == shown


def test_an_invalid_filter_still_redirects_and_is_not_kept(demo, beheerder):
    """A filter value the list cannot use sends the beheerder to Django's ``?e=1``, every
    time: the redirect is never kept as the list's page."""
    url = f"{LIST}?datum__gte=geen-datum"
    for _ in range(2):
        response = beheerder.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{LIST}?e=1"
    # The list itself is still the list.
    assert len(rows(beheerder.get(LIST))) == Besluit.objects.count()
