from django.contrib import admin, messages

from regiekamer import admin as base

from . import kostengevolg
from .forms import BasePakketdeelnameFormSet, FaseAdminForm
from .models import (
    Bezetting,
    Fase,
    Pakket,
    Pakketdeelname,
    Rol,
    Salarisschaal,
    Uurtarief,
    Werkgroep,
)


@admin.register(Fase)
class FaseAdmin(base.ModelAdmin):
    form = FaseAdminForm
    list_display = ["naam", "samenwerkingsverband", "begin", "eind"]
    list_filter = ["samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["naam"]


class BezettingInline(base.TabularInline):
    model = Bezetting
    extra = 0


class UurtariefInline(base.TabularInline):
    model = Uurtarief
    extra = 0


@admin.register(Rol)
class RolAdmin(base.ModelAdmin):
    list_display = [
        "naam",
        "samenwerkingsverband",
        "kostensoort",
        "schaal",
        "leverende_gemeente",
        "structureel",
        "basisformatie",
    ]
    list_filter = [
        "samenwerkingsverband",
        "kostensoort",
        "structureel",
        # The gemeenten of the samenwerkingsverband chosen beside it, not every gemeente.
        (
            "leverende_gemeente",
            base.within("samenwerkingsverbanden", beside="samenwerkingsverband"),
        ),
    ]
    list_select_related = ["samenwerkingsverband", "leverende_gemeente"]
    search_fields = ["naam", "omschrijving"]
    inlines = [BezettingInline, UurtariefInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None and "pakket" in form.base_fields:
            # A rol's pakket is one of its own samenwerkingsverband (Rol.clean refuses another
            # on a new rol, whose samenwerkingsverband is chosen in the same form).
            field = form.base_fields["pakket"]
            field.queryset = field.queryset.filter(
                samenwerkingsverband_id=obj.samenwerkingsverband_id
            )
        return form

    def save_related(self, request, form, formsets, change):
        """Saved; a warning with the link to fill it in when an amount is missing."""
        super().save_related(request, form, formsets, change)
        rol = form.instance
        missing = rol.ontbrekende_bedragen()
        if missing:
            engine = kostengevolg.engine()
            text = engine.rol_waarschuwing(rol.samenwerkingsverband, missing, f"{rol.naam}:")
            self.message_user(request, text, level=messages.WARNING)


@admin.register(Salarisschaal)
class SalarisschaalAdmin(base.ModelAdmin):
    list_display = ["schaal", "jaar", "jaarkosten_per_fte", "indexatie", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", "schaal"]
    list_select_related = ["samenwerkingsverband"]


@admin.register(Werkgroep)
class WerkgroepAdmin(base.ModelAdmin):
    list_display = ["naam", "soort", "uren_per_week_per_gemeente", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", "soort"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["naam"]


class PakketdeelnameAdminFormSet(BasePakketdeelnameFormSet):
    """The gemeenten are read once, not once per row: ``share_choices`` passes over the admin's
    wrapped select (RelatedFieldWidgetWrapper), so its inner select gets the list too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = None
        for form in self.forms:
            field = form.fields["gemeente"]
            choices = list(field.choices) if choices is None else choices
            field.choices = choices
            if hasattr(field.widget, "widget"):
                field.widget.widget.choices = choices


class PakketdeelnameInline(base.TabularInline):
    """The deelnemers per year; only gemeenten of the pakket's samenwerkingsverband, checked
    as the browser page checks them (``BasePakketdeelnameFormSet``)."""

    model = Pakketdeelname
    formset = PakketdeelnameAdminFormSet
    extra = 0

    def get_queryset(self, request):
        # Each row is headed by its name (``__str__``: the gemeente and the pakket).
        return super().get_queryset(request).select_related("gemeente", "pakket")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            field = formset.form.base_fields["gemeente"]
            field.queryset = field.queryset.filter(
                samenwerkingsverbanden=obj.samenwerkingsverband_id
            )
        return formset


@admin.register(Pakket)
class PakketAdmin(base.ModelAdmin):
    list_display = ["naam", "samenwerkingsverband", "soort", "verdeling", "volgorde"]
    list_filter = ["samenwerkingsverband", "soort", "verdeling"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["naam", "omschrijving"]
    inlines = [PakketdeelnameInline]
