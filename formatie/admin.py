from django.contrib import admin

from regiekamer import admin as base

from .forms import FaseAdminForm
from .models import Bezetting, Fase, Rol, Salarisschaal, Werkgroep


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
    inlines = [BezettingInline]


@admin.register(Salarisschaal)
class SalarisschaalAdmin(base.ModelAdmin):
    list_display = ["schaal", "jaar", "jaarkosten_per_fte", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", "schaal"]
    list_select_related = ["samenwerkingsverband"]


@admin.register(Werkgroep)
class WerkgroepAdmin(base.ModelAdmin):
    list_display = ["naam", "soort", "uren_per_week_per_gemeente", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", "soort"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["naam"]
