from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from regiekamer import access
from regiekamer import admin as base

from .forms import BaseFunctionarisFormSet, DeelnemersMixin
from .models import Domein, Functionaris, Gemeente, Inwonertal, Samenwerkingsverband, Toegang

User = get_user_model()


class ToegangInline(admin.StackedInline):
    """Where a user may act: their samenwerkingsverbanden and (an official) their gemeente."""

    model = Toegang
    can_delete = False
    filter_horizontal = ["samenwerkingsverbanden", "stuurgroep_samenwerkingsverbanden"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # A place is in a real samenwerkingsverband; its scenario's come with it (access).
        kwargs["queryset"] = Samenwerkingsverband.objects.echt()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(User)


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    """Users, with their role (groups) and their place (Toegang): the beheerder's page."""

    inlines = [ToegangInline]


@admin.register(Domein)
class DomeinAdmin(base.ModelAdmin):
    search_fields = ["naam"]


class InwonertalInline(base.TabularInline):
    """The real figures (``Inwonertal.objects``); a scenario's own are edited on its page."""

    model = Inwonertal
    extra = 0
    exclude = ["scenario"]


class FunctionarisInline(base.TabularInline):
    """Who signs the gemeente's letters: one burgemeester and one secretaris at a time."""

    model = Functionaris
    formset = BaseFunctionarisFormSet
    extra = 0


@admin.register(Gemeente)
class GemeenteAdmin(base.ModelAdmin):
    list_display = ["naam", "adres", "postcode", "plaats"]
    search_fields = ["naam", "plaats"]
    list_filter = ["samenwerkingsverbanden"]
    inlines = [InwonertalInline, FunctionarisInline]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # An official edits their gemeente's data, not its name (access.may_rename_gemeente).
        if obj is not None and not access.may_rename_gemeente(request.user, obj):
            readonly.append("naam")
        return readonly


class ScenarioFilter(admin.SimpleListFilter):
    """Real samenwerkingsverbanden or scenario's (what-if copies, issue 20)."""

    title = "scenario"
    parameter_name = "scenario"

    def lookups(self, request, model_admin):
        return [("nee", "Echte samenwerkingsverbanden"), ("ja", "Scenario's")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.scenarios()
        if self.value() == "nee":
            return queryset.echt()
        return queryset


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(base.ModelAdmin):
    # The first column is the name as everywhere: a scenario's starts with "Scenario".
    list_display = ["__str__", "afkorting", "juridische_vorm", "scenario_van"]
    list_display_links = ["__str__"]
    list_select_related = ["scenario_van"]
    search_fields = ["naam", "afkorting"]
    list_filter = [ScenarioFilter, "juridische_vorm", "domeinen"]
    filter_horizontal = ["domeinen", "gemeenten"]

    def get_readonly_fields(self, request, obj=None):
        # Real or scenario is decided when it is made (scenarios.maak), never changed after.
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly + ["scenario_van"] if obj is not None else readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        # A gemeente of another samenwerkingsverband joins only if the user may bring it in.
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (DeelnemersMixin, form), {"user": request.user})
