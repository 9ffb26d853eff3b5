from django.contrib import admin, messages

from regiekamer import admin as base

from . import kostengevolg
from .forms import FaseAdminForm
from .models import Bezetting, Fase, Rol, Salarisschaal, Uurtarief, Werkgroep


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
    list_filter = ["samenwerkingsverband", "kostensoort", "structureel", "leverende_gemeente"]
    list_select_related = ["samenwerkingsverband", "leverende_gemeente"]
    search_fields = ["naam", "omschrijving"]
    inlines = [BezettingInline, UurtariefInline]

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
