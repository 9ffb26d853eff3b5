from django.contrib import admin

from regiekamer import admin as base
from regiekamer.freeze import FrozenReadOnlyAdmin

from .models import Raadsinformatiebrief


@admin.register(Raadsinformatiebrief)
class RaadsinformatiebriefAdmin(FrozenReadOnlyAdmin, base.ModelAdmin):
    """A letter sent to the council is read-only here too."""

    list_display = ["__str__", "samenwerkingsverband", "gemeente", "datum", "status"]
    list_filter = [
        "samenwerkingsverband",
        "status",
        # The gemeenten of the samenwerkingsverband chosen beside it, not every gemeente.
        ("gemeente", base.within("samenwerkingsverbanden", beside="samenwerkingsverband")),
    ]
    list_select_related = ["samenwerkingsverband", "gemeente"]
    search_fields = ["onderwerp", "kenmerk", "tekst"]
    date_hierarchy = "datum"
    readonly_fields = [
        "status",
        "verzonden_op",
        "verzonden_door",
        "verzonden_adres",
        "verzonden_tekst",
        "verzonden_cijfers",
        "bron",
    ]
