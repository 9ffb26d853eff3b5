from django.contrib import admin

from regiekamer import admin as base

from .models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)


class OverwegingInline(base.TabularInline):
    model = Overweging
    extra = 0


class ArtikelInline(base.StackedInline):
    model = Artikel
    extra = 0
    show_change_link = True


class OndertekenaarInline(base.TabularInline):
    model = Ondertekenaar
    extra = 0
    autocomplete_fields = ["gemeente"]


class HerijkingsmomentInline(base.TabularInline):
    model = Herijkingsmoment
    extra = 0


@admin.register(Convenant)
class ConvenantAdmin(base.ModelAdmin):
    list_display = ["titel", "versie", "samenwerkingsverband", "status", "dagtekening_getoond"]
    list_filter = ["status", "samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["titel", "artikelen__tekst"]
    date_hierarchy = "dagtekening"
    # The document's versie is shown, not edited; the form's hidden "versie" is the edit lock.
    readonly_fields = ["documentversie", "vorige_versie", "scan_bestandsnaam"]
    inlines = [OverwegingInline, ArtikelInline, OndertekenaarInline, HerijkingsmomentInline]

    @admin.display(description="dagtekening", ordering="dagtekening")
    def dagtekening_getoond(self, obj):
        return obj.dagtekening_tekst or "—"

    @admin.display(description="versie")
    def documentversie(self, obj):
        return obj.versie if obj else None


class ArtikelonderdeelInline(base.TabularInline):
    model = Artikelonderdeel
    extra = 0


@admin.register(Artikel)
class ArtikelAdmin(base.ModelAdmin):
    list_display = ["__str__", "convenant"]
    list_filter = ["convenant__samenwerkingsverband"]
    list_select_related = ["convenant"]
    search_fields = ["tekst"]
    inlines = [ArtikelonderdeelInline]
