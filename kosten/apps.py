from django.apps import AppConfig


class KostenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kosten"
    verbose_name = "Kosten"
