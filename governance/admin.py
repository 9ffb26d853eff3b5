from django.contrib import admin

from regiekamer import admin as base

from .models import (
    Actiepunt,
    Agendapunt,
    Besluit,
    Gremium,
    GremiumRelatie,
    Knelpunt,
    Lidmaatschap,
    Persoon,
    Stuk,
    Vergadering,
)


class LidmaatschapInline(base.TabularInline):
    model = Lidmaatschap
    extra = 0
    autocomplete_fields = ["persoon"]


class RelatieInline(base.TabularInline):
    model = GremiumRelatie
    fk_name = "van"
    extra = 0


@admin.register(Gremium)
class GremiumAdmin(base.ModelAdmin):
    list_display = ["naam", "soort", "periode", "samenwerkingsverband", "historisch"]
    list_filter = ["samenwerkingsverband", "soort", "historisch"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["naam", "doel"]
    inlines = [LidmaatschapInline, RelatieInline]


@admin.register(Persoon)
class PersoonAdmin(base.ModelAdmin):
    list_display = ["naam", "functie", "gemeente", "organisatie", "email"]
    list_filter = ["gemeente"]
    list_select_related = ["gemeente"]
    search_fields = ["naam", "functie", "organisatie", "email"]


class AgendapuntInline(base.TabularInline):
    model = Agendapunt
    extra = 0


@admin.register(Vergadering)
class VergaderingAdmin(base.ModelAdmin):
    list_display = ["__str__", "status", "locatie", "voorzitter", "voorbeeld"]
    list_filter = ["gremium__samenwerkingsverband", "gremium", "status"]
    list_select_related = ["gremium", "voorzitter"]
    date_hierarchy = "begin"
    inlines = [AgendapuntInline]
    # The calendar entry of the invitation: shown, never typed (Vergadering.save keeps them).
    readonly_fields = ["uid", "volgnummer", "uitnodiging_verzonden_op"]


@admin.register(Besluit)
class BesluitAdmin(base.ModelAdmin):
    list_display = ["datum", "gremium", "uitkomst", "route", "tekst"]
    list_filter = ["gremium", "uitkomst", "route"]
    list_select_related = ["gremium"]
    search_fields = ["tekst"]
    date_hierarchy = "datum"


@admin.register(Actiepunt)
class ActiepuntAdmin(base.ModelAdmin):
    list_display = ["omschrijving", "gremium", "eigenaar", "deadline", "status"]
    list_filter = ["gremium", "status"]
    list_select_related = ["gremium", "eigenaar"]
    search_fields = ["omschrijving"]


@admin.register(Knelpunt)
class KnelpuntAdmin(base.ModelAdmin):
    list_display = ["omschrijving", "datum", "ingebracht_door", "geescaleerd_op", "opgelost_op"]
    list_filter = ["samenwerkingsverband"]
    search_fields = ["omschrijving", "oplossing"]
    filter_horizontal = ["doorlopen_gremia"]


@admin.register(Stuk)
class StukAdmin(base.ModelAdmin):
    list_display = ["titel", "agendapunt", "bestandsnaam", "verwijzing"]
    search_fields = ["titel", "bestandsnaam"]
    readonly_fields = ["bestandsnaam"]
