"""Start-up checks of Regiekamer's own rules (``manage.py check`` and every start)."""

from django.conf import settings
from django.core import checks

from .declarations import undeclared_models


@checks.register(checks.Tags.security)
def every_model_declares_its_scope(app_configs=None, **kwargs):
    """Access fails closed: a model that does not say where its rows belong stops start-up."""
    return [
        checks.Error(
            f"{model._meta.label} zegt niet bij welk samenwerkingsverband zijn rijen horen.",
            hint=(
                "Geef het model een access_scope: Scope(via=(...)) naar het "
                "samenwerkingsverband, of SHARED als het met opzet gedeeld is "
                "(regiekamer/declarations.py)."
            ),
            obj=model,
            id="regiekamer.E001",
        )
        for model in undeclared_models()
    ]


@checks.register(deploy=True)
def mail_server_is_named(app_configs=None, **kwargs):
    """In production the outbox needs a mail server: without EMAIL_URL every message would try
    a mail server on localhost:25 and, if none runs there, show "mislukt" on its page."""
    if settings.DEBUG or settings.EMAIL_CONFIGURED:
        return []
    return [
        checks.Warning(
            "EMAIL_URL is niet gezet: berichten gaan naar een mailserver op localhost:25.",
            hint="Zet EMAIL_URL, bijvoorbeeld smtp+tls://gebruiker:wachtwoord@smtp.gemeente.nl:587.",
            id="regiekamer.W001",
        )
    ]
