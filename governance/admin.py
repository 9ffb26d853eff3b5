from django.contrib import admin

from regiekamer import admin as base
from regiekamer import datums

from .models import (
    Actiepunt,
    Agendapunt,
    Behandeling,
    Besluit,
    Gremium,
    GremiumRelatie,
    Knelpunt,
    Lidmaatschap,
    Persoon,
    Procesplanning,
    Processtap,
    Stuk,
    Subregio,
    Vergadering,
    Voorstel,
)

# The gremia of the samenwerkingsverband chosen beside it, not every gremium of the country.
GREMIUM_FILTER = ("gremium", base.within("samenwerkingsverband"))


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
    list_display = [
        "naam",
        "soort",
        "periode",
        "ingesteld",
        "opgeheven",
        "samenwerkingsverband",
        "historisch",
    ]
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
    list_filter = ["gremium__samenwerkingsverband", GREMIUM_FILTER, "status"]
    list_select_related = ["gremium", "voorzitter"]
    date_hierarchy = "begin"
    inlines = [AgendapuntInline]
    # The calendar entry of the invitation: shown, never typed (Vergadering.save keeps them).
    readonly_fields = ["uid", "volgnummer", "uitnodiging_verzonden_op"]


@admin.register(Besluit)
class BesluitAdmin(base.ModelAdmin):
    list_display = ["datum_tekst", "gremium", "uitkomst", "route", "tekst"]
    list_filter = [
        "gremium__samenwerkingsverband",
        GREMIUM_FILTER,
        "uitkomst",
        "route",
        "datum_precisie",
    ]
    list_select_related = ["gremium"]
    search_fields = ["tekst", "bron"]
    # An agendapunt by its number: a select of every agendapunt (40.000 at scale) is no form.
    raw_id_fields = ["agendapunt"]
    date_hierarchy = "datum"
    # Newest first, a decision of unknown date last (regiekamer.datums).
    ordering = [datums.sort_key("datum", descending=True), "gremium__naam", "-pk"]

    @admin.display(description="datum", ordering=datums.sort_key("datum", descending=True))
    def datum_tekst(self, obj):
        return obj.datum_tekst


@admin.register(Subregio)
class SubregioAdmin(base.ModelAdmin):
    list_display = ["naam", "model", "periode", "gemeenten", "inwoners", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", "periode"]
    list_select_related = ["samenwerkingsverband"]


@admin.register(Actiepunt)
class ActiepuntAdmin(base.ModelAdmin):
    list_display = ["omschrijving", "gremium", "eigenaar", "deadline", "status"]
    list_filter = ["gremium__samenwerkingsverband", GREMIUM_FILTER, "status"]
    list_select_related = ["gremium", "eigenaar"]
    search_fields = ["omschrijving"]
    # Chosen by number (with the list to look it up) and by name: not a select of every
    # vergadering and person of the country (10.000 and 1.000 at scale).
    raw_id_fields = ["vergadering"]
    autocomplete_fields = ["eigenaar"]


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
    raw_id_fields = ["agendapunt"]  # not a select of every agendapunt (40.000 at scale)


class BehandelingInline(base.TabularInline):
    model = Behandeling
    extra = 0
    fields = ["gemeente", "orgaan", "gepland", "datum", "uitkomst", "besluit", "toelichting"]
    autocomplete_fields = ["besluit"]


@admin.register(Voorstel)
class VoorstelAdmin(base.ModelAdmin):
    list_display = ["titel", "samenwerkingsverband", "gremium"]
    list_filter = ["samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband", "gremium"]
    search_fields = ["titel", "omschrijving"]
    autocomplete_fields = ["besluit"]
    inlines = [BehandelingInline]


class ProcesstapInline(base.TabularInline):
    model = Processtap
    extra = 0
    fields = ["volgorde", "fase", "stap", "gepland", "jaar", "waar", "orgaan", "voorstel", "datum"]


@admin.register(Procesplanning)
class ProcesplanningAdmin(base.ModelAdmin):
    list_display = ["naam", "jaar", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["naam"]
    inlines = [ProcesstapInline]
