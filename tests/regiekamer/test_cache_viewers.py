"""Pages whose parts come from the cache of computed figures (issue 22) show every viewer their
own page: a form's CSRF token is one of the viewer's own secret (never another user's, which
would let that user forge the viewer's requests), and what one role may do is never shown to
another. Two officials of the same role and a stuurgroep member open each page twice (the second
time from the cache)."""

import re

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.urls import reverse

from programma.models import Voortgangsrapportage
from regiekamer.roles import REGIEGROEP
from tests.conftest import logged_in, make_user

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def pages():
    rapportage = Voortgangsrapportage.objects.filter(plan__samenwerkingsverband__afkorting="MLW")
    rapportage = rapportage.order_by("pk").first()
    urls = [
        "/samenwerkingsverbanden/MLW/dashboard/",
        reverse("kosten:kostenverdeling", args=["MLW"]),
        reverse("kosten:nacalculatie", args=["MLW"]),
        reverse("formatie:bezetting", args=["MLW"]),
        reverse("governance:besluit-list", args=["MLW"]),
        reverse("governance:besluit-list", args=["MLW"]) + "?o=-datum",
    ]
    if rapportage is not None:
        urls += [
            reverse("programma:rapportage-detail", args=["MLW", rapportage.pk]),
            reverse("programma:planning", args=["MLW", rapportage.plan_id]),
        ]
    return urls


def tokens_are_own(client, html: str) -> bool:
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    return all(_unmask_cipher_token(t) == secret for t in TOKEN.findall(html))


def test_every_viewer_gets_their_own_page_from_the_cache(
    demo, regie_user, stuur_client, django_user_model
):
    first = logged_in(regie_user)
    second = logged_in(make_user(django_user_model, "regie-twee", REGIEGROEP))
    for url in pages():
        seen = {}
        for name, client in (("eerste", first), ("tweede", second), ("stuur", stuur_client)):
            for _ in range(2):  # the second time from the cache
                response = client.get(url)
                assert response.status_code == 200, (url, name)
                html = response.content.decode()
                if TOKEN.search(html):
                    assert tokens_are_own(client, html), f"{url}: {name} kreeg een ander token"
            seen[name] = TOKEN.sub("", html)
        # Two officials of the same role see the same page, but for their own name.
        assert seen["eerste"].replace("regie-test", "regie-twee") == seen["tweede"], url
        # The stuurgroep reads: no form to edit, even after an official's page was cached.
        assert "TOTAL_FORMS" not in seen["stuur"], url
    grid = logged_in(regie_user).get(reverse("formatie:bezetting", args=["MLW"]))
    assert "TOTAL_FORMS" in grid.content.decode()  # the official's grid is a form
