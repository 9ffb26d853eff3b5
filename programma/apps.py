from django.apps import AppConfig


class ProgrammaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "programma"
    verbose_name = "Programma"
