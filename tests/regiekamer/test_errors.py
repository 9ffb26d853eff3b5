"""Every 4xx/5xx answer is a Dutch page in the app's layout (and carries the CSP header)."""

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.test import Client
from django.urls import include, path, reverse

from regiekamer import urls as app_urls


def raise_error(request):
    raise RuntimeError("testfout")


def raise_bad_request(request):
    raise BadRequest("testverzoek")


def raise_permission_denied(request):
    raise PermissionDenied


# A URLconf for these tests only: the app's own, plus views that fail on purpose.
urlpatterns = [
    path("test-500/", raise_error),
    path("test-400/", raise_bad_request),
    path("test-403/", raise_permission_denied),
    path("", include(app_urls.urlpatterns)),
]
handler400 = app_urls.handler400
handler403 = app_urls.handler403
handler404 = app_urls.handler404
handler500 = app_urls.handler500


def assert_dutch_page(response, status, title):
    assert response.status_code == status
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page  # the app's layout
    assert f"<h1>{title}</h1>" in page
    assert "Content-Security-Policy" in response.headers


@pytest.fixture
def client_in(regie_user):
    client = Client()
    client.force_login(regie_user)
    return client


def test_400_for_an_unknown_host(client_in):
    response = client_in.get("/", HTTP_HOST="aanvaller.example")
    assert_dutch_page(response, 400, "Ongeldig verzoek")


@pytest.mark.urls(__name__)
def test_400_for_a_bad_request(client_in):
    assert_dutch_page(client_in.get("/test-400/"), 400, "Ongeldig verzoek")


def test_403_for_an_edit_without_permission(admin_for_every_role, stuur_client):
    response = stuur_client.get(reverse("admin:partijen_gemeente_add"))
    assert_dutch_page(response, 403, "Geen toegang")
    assert "Regiekamer" in response.content.decode()


@pytest.mark.urls(__name__)
def test_403_page_shows_the_user_in_the_header(stuur_client, stuur_user):
    response = stuur_client.get("/test-403/")
    assert_dutch_page(response, 403, "Geen toegang")
    assert stuur_user.username in response.content.decode()


def test_403_for_a_form_without_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "x", "password": "y"})
    assert_dutch_page(response, 403, "Formulier verlopen")
    assert "beveiligingscode" in response.content.decode()


def test_404(client_in):
    assert_dutch_page(client_in.get("/bestaat-niet/"), 404, "Pagina niet gevonden")


def test_405_for_a_method_the_page_does_not_allow(client_in):
    response = client_in.get("/uitloggen/")  # logging out is a POST only
    assert_dutch_page(response, 405, "Handeling niet toegestaan")
    assert response["Allow"] == "POST, OPTIONS"


def test_429_lockout_page_is_dutch(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/inloggen/", {"username": "iemand", "password": "fout"})
    assert_dutch_page(response, 429, "Te veel mislukte inlogpogingen")


@pytest.mark.urls(__name__)
def test_500(client_in):
    client_in.raise_request_exception = False
    response = client_in.get("/test-500/")
    assert_dutch_page(response, 500, "Er ging iets mis")
    assert "testfout" not in response.content.decode()
