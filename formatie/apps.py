from django.apps import AppConfig


class FormatieConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "formatie"
    verbose_name = "Formatie"
