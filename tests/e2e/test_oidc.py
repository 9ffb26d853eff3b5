"""Single sign-on in the browser: from Regiekamer's login page to the gemeente's identity provider
(the tests' real OpenID Connect provider, tests/oidc.py) and back, signed in."""

import pytest
from django.contrib.auth import get_user_model

from tests.oidc import ANNE

pytestmark = pytest.mark.e2e

LABEL = "Inloggen met uw gemeente-account"


def test_an_official_signs_in_with_the_gemeente_account(browse, oidc):
    # The demo's regiegroep user has Anne's address (in another case than the IdP's).
    get_user_model().objects.filter(username="regie").update(email=ANNE.email.lower())
    user = browse()
    user.open("/inloggen/")
    user.screenshot("oidc-inlogpagina")
    user.follow(LABEL)

    # The gemeente's sign-in page: Anne types her name and password there, not in Regiekamer.
    assert user.page.url.startswith(oidc.url)
    user.page.get_by_label("Gebruikersnaam").fill(ANNE.username)
    user.page.get_by_label("Wachtwoord").fill(ANNE.password)
    user.username = "regie"
    user.submit("Aanmelden bij de gemeente")

    assert user.page.url.startswith(user.base_url)
    # The same page as after a password: the dashboard of the one samenwerkingsverband.
    assert user.path == "/samenwerkingsverbanden/MLW/dashboard/"
    header = user.page.locator(".site-header .user").inner_text()
    assert "Regiegroep Demo (regiegroep)" in header
    assert "Sociaal Domein Midden-Limburg West" in user.text()
    user.screenshot("oidc-ingelogd")
    user.assert_clean()
