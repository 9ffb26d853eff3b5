from django.apps import AppConfig


class GebruikersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gebruikers"
    verbose_name = "Gebruikers"

    def ready(self):
        # Connects its user_logged_in receiver (a new sign-in forgets the IdP's second factor)
        # whether or not a URL has been resolved yet.
        from . import checks, oidc  # noqa: F401 (checks registers itself)
