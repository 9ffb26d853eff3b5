"""The programme in the admin. A report sent to the stuurgroep is read-only here too."""

from django.contrib import admin

from regiekamer import admin as base
from regiekamer.freeze import FrozenReadOnlyAdmin

from .models import (
    Budgetpost,
    Doel,
    Opdracht,
    Programmaplan,
    Resultaat,
    Startantwoord,
    Startvraag,
    Thema,
    Voortgangsrapportage,
    Voortgangsregel,
)


class DoelInline(base.TabularInline):
    model = Doel
    extra = 0


class StartvraagInline(base.TabularInline):
    model = Startvraag
    extra = 0


class ThemaInline(base.TabularInline):
    model = Thema
    extra = 0
    fields = ["nummer", "naam"]
    show_change_link = True


@admin.register(Programmaplan)
class ProgrammaplanAdmin(base.ModelAdmin):
    list_display = ["titel", "versie", "samenwerkingsverband", "jaar_van", "jaar_tot", "datum"]
    list_filter = ["samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["titel"]
    inlines = [DoelInline, StartvraagInline, ThemaInline]


class OpdrachtInline(base.StackedInline):
    model = Opdracht
    extra = 0
    fields = ["nummer", "stap", "titel", "start", "eind", "te_controleren"]
    show_change_link = True


@admin.register(Thema)
class ThemaAdmin(base.ModelAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan__samenwerkingsverband"]
    list_select_related = ["plan"]
    inlines = [OpdrachtInline]


class ResultaatInline(base.TabularInline):
    model = Resultaat
    extra = 0


class StartantwoordInline(base.TabularInline):
    model = Startantwoord
    extra = 0


@admin.register(Opdracht)
class OpdrachtAdmin(base.ModelAdmin):
    list_display = ["__str__", "thema", "start", "eind", "te_controleren"]
    # The themes of the samenwerkingsverband chosen beside it, not every plan's.
    list_filter = [
        "thema__plan__samenwerkingsverband",
        ("thema", base.within("plan__samenwerkingsverband")),
        "te_controleren",
    ]
    list_select_related = ["thema__plan"]
    search_fields = ["titel", "omschrijving"]
    autocomplete_fields = ["relaties"]
    raw_id_fields = ["hoofdopdracht"]
    inlines = [ResultaatInline, StartantwoordInline]


@admin.register(Budgetpost)
class BudgetpostAdmin(base.ModelAdmin):
    list_display = ["__str__", "plan", "bedrag", "pm", "verplicht", "besteed"]
    list_filter = ["plan__samenwerkingsverband"]
    list_select_related = ["plan"]
    filter_horizontal = ["opdrachten"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "opdrachten":  # each named by its code (thema): one query
            field.queryset = field.queryset.select_related("thema")
        return field


class VoortgangsregelInline(FrozenReadOnlyAdmin, base.TabularInline):
    model = Voortgangsregel
    extra = 0
    autocomplete_fields = ["opdracht"]

    def has_add_permission(self, request, obj=None):  # obj: the report
        return super().has_add_permission(request, obj) and not (obj and obj.is_frozen)

    def get_queryset(self, request):
        # Each row is headed by its name (``__str__``: the opdracht's code and the report).
        return super().get_queryset(request).select_related("opdracht__thema", "rapportage")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "opdracht":  # the chosen opdracht is named by its code (thema)
            field.queryset = field.queryset.select_related("thema")
        return field


@admin.register(Voortgangsrapportage)
class VoortgangsrapportageAdmin(FrozenReadOnlyAdmin, base.ModelAdmin):
    list_display = ["__str__", "plan", "peildatum", "status", "vastgesteld_op"]
    list_filter = ["plan__samenwerkingsverband", "status", "voorbeeld"]
    list_select_related = ["plan"]
    readonly_fields = ["status", "vorige", "vastgesteld_op", "vastgesteld_door"]
    inlines = [VoortgangsregelInline]
