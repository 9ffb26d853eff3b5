"""Each role logs in and sees the pages of its work."""

import pytest

from .browser import SCREENSHOTS  # noqa: F401

pytestmark = pytest.mark.e2e


def test_regiegroep_logs_in_and_opens_the_samenwerkingsverband(browse):
    user = browse()
    user.log_in("regie")
    assert "Regiekamer" in user.page.title()
    user.open("/samenwerkingsverbanden/")
    user.follow("Sociaal Domein Midden-Limburg West")
    assert "Midden-Limburg West" in user.text()
    user.screenshot("regiegroep-home")
    user.assert_clean()
