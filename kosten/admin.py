from django.contrib import admin

from regiekamer import admin as base

from .models import (
    Budget,
    Budgetclaim,
    Realisatie,
    Verdeelsleutel,
    Verdeelsleutelaandeel,
    Voorschotregeling,
)

# The gemeenten of the samenwerkingsverband chosen beside it, not every gemeente.
GEMEENTE_IN_SV = base.within("samenwerkingsverbanden", beside="samenwerkingsverband")


class AandeelInline(base.TabularInline):
    model = Verdeelsleutelaandeel
    extra = 0


@admin.register(Verdeelsleutel)
class VerdeelsleutelAdmin(base.ModelAdmin):
    list_display = ["__str__", "methode", "vanaf_jaar", "tot_en_met_jaar", "bron"]
    list_filter = ["samenwerkingsverband", "methode"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["bron"]
    inlines = [AandeelInline]


@admin.register(Budget)
class BudgetAdmin(base.ModelAdmin):
    list_display = ["gemeente", "jaar", "bedrag", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", ("gemeente", GEMEENTE_IN_SV), "jaar"]
    list_select_related = ["gemeente", "samenwerkingsverband"]


# On their own list, not inline on the budget: a gemeente's official edits the own budget in
# the admin but not the claims on it (the regiegroep records those, kosten:budgetclaims).
@admin.register(Budgetclaim)
class BudgetclaimAdmin(base.ModelAdmin):
    list_display = ["budget", "omschrijving", "bedrag"]
    list_filter = [
        "budget__samenwerkingsverband",
        (
            "budget__gemeente",
            base.within("samenwerkingsverbanden", beside="budget__samenwerkingsverband"),
        ),
        "budget__jaar",
    ]
    list_select_related = ["budget__gemeente", "budget__samenwerkingsverband"]
    search_fields = ["omschrijving", "bron"]
    # By number, with the list of budgetten to look it up: not a select of every budget.
    raw_id_fields = ["budget"]


class ZonderScenarioMixin:
    """A scenario has no actual costs nor voorschotten: its samenwerkingsverband, rollen and
    pakketten are not offered (the model refuses them too)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and db_field.name == "samenwerkingsverband":
            field.queryset = field.queryset.filter(scenario_van__isnull=True)
        elif field is not None and db_field.name in ("rol", "pakket"):
            field.queryset = field.queryset.filter(samenwerkingsverband__scenario_van__isnull=True)
        return field


# Werkelijke kosten: usually typed on kosten:realisatie or imported (importeer_realisatie).
@admin.register(Realisatie)
class RealisatieAdmin(ZonderScenarioMixin, base.ModelAdmin):
    list_display = ["rol", "jaar", "bedrag", "gedragen_door", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", "jaar"]
    list_select_related = ["rol", "gedragen_door", "samenwerkingsverband"]
    search_fields = ["rol__naam", "toelichting", "bron"]


@admin.register(Voorschotregeling)
class VoorschotregelingAdmin(ZonderScenarioMixin, base.ModelAdmin):
    list_display = ["__str__", "ontvanger", "vanaf_jaar", "tot_en_met_jaar"]
    list_filter = ["samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband", "pakket", "ontvanger"]
    search_fields = ["toelichting"]
