"""Production without a second factor is warned by ``check --deploy`` (gebruikers.W001)."""

from gebruikers.checks import second_factor_is_asked


def test_production_without_a_second_factor_is_warned(settings):
    settings.DEBUG, settings.TWO_FACTOR_REQUIRED, settings.OIDC_ENABLED = False, False, False
    (warning,) = second_factor_is_asked()
    assert warning.id == "gebruikers.W001" and "TWO_FACTOR_REQUIRED" in warning.msg
    # An identity provider that asks one does not cover the password login, which stays.
    settings.OIDC_ENABLED, settings.OIDC_IDP_MFA = True, True
    assert second_factor_is_asked()
    settings.TWO_FACTOR_REQUIRED = True
    assert second_factor_is_asked() == []
