from django.apps import AppConfig


class ConvenantConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "convenant"
    verbose_name = "Convenanten"
