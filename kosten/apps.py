from django.apps import AppConfig


class KostenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kosten"
    verbose_name = "Kosten"

    def ready(self):
        # The formation's pages show what it costs through formatie.kostengevolg.
        from formatie import kostengevolg

        from .kostengevolg import Kosten

        kostengevolg.register(Kosten())
