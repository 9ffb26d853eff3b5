from django.apps import AppConfig


class ArchiefConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "archief"
    verbose_name = "Export en archief"
