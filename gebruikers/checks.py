"""Deploy checks of the accounts (``manage.py check --deploy``)."""

from django.conf import settings
from django.core import checks


@checks.register(deploy=True)
def second_factor_is_asked(app_configs=None, **kwargs):
    """The BIO asks a second factor for access to such a system. Without TWO_FACTOR_REQUIRED a
    password alone signs a beheerder in, even where the gemeente's identity provider asks one
    for the sign-ins through it (OIDC_IDP_MFA): the password login stays."""
    if settings.DEBUG or settings.TWO_FACTOR_REQUIRED:
        return []
    return [
        checks.Warning(
            "TWO_FACTOR_REQUIRED staat uit: beheerders en de regiegroep loggen in met alleen een "
            "wachtwoord.",
            hint=(
                "Haal TWO_FACTOR_REQUIRED=0 weg: tweestapsverificatie met een authenticator-app. "
                "Wie via de inlogdienst van de gemeente inlogt, krijgt de vraag niet als die "
                "dienst zelf een tweede factor vraagt (OIDC_IDP_MFA=1)."
            ),
            id="gebruikers.W001",
        )
    ]
