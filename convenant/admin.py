from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from regiekamer import access
from regiekamer import admin as base
from regiekamer.freeze import FrozenReadOnlyAdmin

from .forms import DeelnemersMixin
from .models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Domein,
    Gemeente,
    Herijkingsmoment,
    Inwonertal,
    Ondertekenaar,
    Overweging,
    Raadsinformatiebrief,
    Samenwerkingsverband,
    Toegang,
)

User = get_user_model()


class ToegangInline(admin.StackedInline):
    """Where a user may act: their samenwerkingsverbanden and (an official) their gemeente."""

    model = Toegang
    can_delete = False
    filter_horizontal = ["samenwerkingsverbanden", "stuurgroep_samenwerkingsverbanden"]


admin.site.unregister(User)


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    """Users, with their role (groups) and their place (Toegang): the beheerder's page."""

    inlines = [ToegangInline]


@admin.register(Domein)
class DomeinAdmin(base.ModelAdmin):
    search_fields = ["naam"]


class InwonertalInline(base.TabularInline):
    model = Inwonertal
    extra = 0


@admin.register(Gemeente)
class GemeenteAdmin(base.ModelAdmin):
    list_display = ["naam", "adres", "postcode", "plaats"]
    search_fields = ["naam", "plaats"]
    list_filter = ["samenwerkingsverbanden"]
    inlines = [InwonertalInline]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # An official edits their gemeente's data, not its name (access.may_rename_gemeente).
        if obj is not None and not access.may_rename_gemeente(request.user, obj):
            readonly.append("naam")
        return readonly


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(base.ModelAdmin):
    list_display = ["naam", "afkorting", "juridische_vorm"]
    search_fields = ["naam", "afkorting"]
    list_filter = ["juridische_vorm", "domeinen"]
    filter_horizontal = ["domeinen", "gemeenten"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # A gemeente of another samenwerkingsverband joins only if the user may bring it in.
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (DeelnemersMixin, form), {"user": request.user})


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
    list_display = ["titel", "versie", "samenwerkingsverband", "status", "dagtekening"]
    list_filter = ["status", "samenwerkingsverband"]
    list_select_related = ["samenwerkingsverband"]
    search_fields = ["titel", "artikelen__tekst"]
    date_hierarchy = "dagtekening"
    # The document's versie is shown, not edited; the form's hidden "versie" is the edit lock.
    readonly_fields = ["documentversie", "vorige_versie", "scan_bestandsnaam"]
    inlines = [OverwegingInline, ArtikelInline, OndertekenaarInline, HerijkingsmomentInline]

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


@admin.register(Raadsinformatiebrief)
class RaadsinformatiebriefAdmin(FrozenReadOnlyAdmin, base.ModelAdmin):
    """A letter sent to the council is read-only here too."""

    list_display = ["__str__", "samenwerkingsverband", "gemeente", "datum", "status"]
    list_filter = ["samenwerkingsverband", "status", "gemeente"]
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
    ]
