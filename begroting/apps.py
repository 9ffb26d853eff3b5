from django.apps import AppConfig


class BegrotingConfig(AppConfig):
    """The begrotingscyclus of a samenwerkingsverband with a begroting of its own (Wet
    gemeenschappelijke regelingen, as amended 1 July 2022): per begrotingsjaar the steps with
    their legal latest dates, each council's zienswijze and the answer to it, and the
    uitvoeringsplan with the pluspakketten each gemeente takes."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "begroting"
    verbose_name = "Begrotingscyclus"
