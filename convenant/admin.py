from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from regiekamer import admin as base

from .forms import DOCUMENT_WORDS, LockedTextFormSet
from .models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)


# A signed convenant's text is final here too (``Convenant.is_text_locked``): its rows are
# refused as on the convenant's page, its document words and status are shown, not edited.
class OverwegingInline(base.TabularInline):
    model = Overweging
    formset = LockedTextFormSet
    extra = 0


class ArtikelInline(base.StackedInline):
    model = Artikel
    formset = LockedTextFormSet
    extra = 0
    show_change_link = True


class OndertekenaarInline(base.TabularInline):
    model = Ondertekenaar
    formset = LockedTextFormSet
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

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_text_locked():
            fields += ["status", "zonder_tekst", *DOCUMENT_WORDS]
        return fields

    @admin.display(description="dagtekening", ordering="dagtekening")
    def dagtekening_getoond(self, obj):
        return obj.dagtekening_tekst or "—"

    @admin.display(description="versie")
    def documentversie(self, obj):
        return obj.versie if obj else None


class ArtikelonderdeelInline(base.TabularInline):
    model = Artikelonderdeel
    extra = 0


class ArtikelAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        convenant = cleaned.get("convenant") or getattr(self.instance, "convenant", None)
        saved = self.instance.convenant if self.instance.pk else None
        if any(c is not None and c.is_text_locked() for c in (convenant, saved)):
            raise ValidationError(Convenant.LOCKED_MESSAGE)
        return cleaned


@admin.register(Artikel)
class ArtikelAdmin(base.ModelAdmin):
    form = ArtikelAdminForm

    list_display = ["__str__", "convenant"]
    list_filter = ["convenant__samenwerkingsverband"]
    list_select_related = ["convenant"]
    search_fields = ["tekst"]
    inlines = [ArtikelonderdeelInline]
