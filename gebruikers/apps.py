from django.apps import AppConfig


class GebruikersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gebruikers"
    verbose_name = "Gebruikers"
