from django.apps import AppConfig


class ScenariosConfig(AppConfig):
    """What-if copies of a samenwerkingsverband (another scale, other pakketten) and their
    comparison with the real one for the stuurgroep (seed 004's open choice of scale)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "scenarios"
    verbose_name = "Scenario's"
