from django.apps import AppConfig


class BrievenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "brieven"
    verbose_name = "Raadsinformatiebrieven"
