"""``{% versiecache %}`` (regiekamer/templatetags/versiecache.py): a part of a page from the cache
while the samenwerkingsverband's data is unchanged, for the same viewer only."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from partijen.models import Samenwerkingsverband
from regiekamer.dataversie import changed, token_placeholder

pytestmark = pytest.mark.django_db

PART = Template(
    "{% load versiecache %}{% versiecache 'proef' sv %}[{{ n }}|{% csrf_token %}]"
    "{% endversiecache %}"
)


def render(user, n, method="get", path="/proef/", token="t"):
    request = getattr(RequestFactory(), method)(path)
    request.user = user
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    return PART.render(Context({"request": request, "sv": sv, "n": n, "csrf_token": token}))


def test_the_part_comes_from_the_cache_until_the_data_changes(demo, regie_user):
    assert render(regie_user, 1).startswith("[1|")
    assert render(regie_user, 2).startswith("[1|")  # the same data: the stored part
    changed([Samenwerkingsverband.objects.get(afkorting="MLW").pk])
    assert render(regie_user, 2).startswith("[2|")


def test_each_viewer_and_address_has_its_own(demo, regie_user, stuur_user):
    render(regie_user, 1)
    assert render(stuur_user, 2).startswith("[2|")  # another user (other roles)
    assert render(regie_user, 3, path="/proef/?jaar=2017").startswith("[3|")  # another address
    assert render(regie_user, 5).startswith("[1|")


def test_the_stored_part_carries_each_requests_own_csrf_token(demo, regie_user):
    first = render(regie_user, 1, token="eerste-token")
    assert first.startswith("[1|") and 'value="eerste-token"' in first
    again = render(regie_user, 2, token="tweede-token")  # a new session: its own token
    assert again.startswith("[1|") and 'value="tweede-token"' in again
    assert "eerste-token" not in again and token_placeholder() not in again


def test_a_form_shown_again_after_a_post_is_never_from_the_cache(demo, regie_user):
    render(regie_user, 1)
    assert render(regie_user, 2, method="post").startswith("[2|")


def test_without_a_request_or_samenwerkingsverband_it_renders(demo):
    assert PART.render(Context({"sv": None, "n": 7})).startswith("[7|")


def test_an_anonymous_viewer_gets_a_part_of_its_own(demo, regie_user):
    render(regie_user, 1)
    assert render(AnonymousUser(), 2).startswith("[2|")
