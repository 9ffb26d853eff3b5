from django.apps import AppConfig


class PartijenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "partijen"
    verbose_name = "Partijen"
