from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "berichten"
    verbose_name = "Berichten"
