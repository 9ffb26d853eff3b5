from django.contrib import admin

from regiekamer import admin as base

from .models import Begrotingscyclus, Zienswijze


@admin.register(Begrotingscyclus)
class BegrotingscyclusAdmin(base.ModelAdmin):
    list_display = ["__str__", "jaar", "vaststelling_begroting", "vaststelling_jaarrekening"]
    list_filter = ["samenwerkingsverband", "jaar"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["toelichting", "uitvoeringsplan"]


@admin.register(Zienswijze)
class ZienswijzeAdmin(base.ModelAdmin):
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and db_field.name == "cyclus":
            # A scenario has no begroting: its cycle takes no zienswijze (the model refuses it).
            field.queryset = field.queryset.filter(samenwerkingsverband__scenario_van__isnull=True)
        return field

    list_display = ["__str__", "ontvangen", "geen_zienswijze", "reactie_verzonden"]
    list_filter = [
        "cyclus__samenwerkingsverband",
        "cyclus__jaar",
        # The gemeenten of the samenwerkingsverband chosen beside it, not every gemeente.
        ("gemeente", base.within("samenwerkingsverbanden", beside="cyclus__samenwerkingsverband")),
    ]
    list_select_related = ["cyclus__samenwerkingsverband", "gemeente"]
    search_fields = ["tekst", "reactie"]
