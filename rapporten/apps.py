from django.apps import AppConfig


class RapportenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "rapporten"
    verbose_name = "Rapporten"
