from django.apps import AppConfig


class WerkboekConfig(AppConfig):
    """The formation workbook: spans the formatie and the verdeelsleutel (kosten)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "werkboek"
    verbose_name = "Werkboek"
