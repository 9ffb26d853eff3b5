from django.contrib import admin

from regiekamer import admin as base

from .models import Budget, Budgetclaim, Verdeelsleutel, Verdeelsleutelaandeel


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


class BudgetclaimInline(base.TabularInline):
    model = Budgetclaim
    extra = 0


@admin.register(Budget)
class BudgetAdmin(base.ModelAdmin):
    list_display = ["gemeente", "jaar", "bedrag", "samenwerkingsverband"]
    list_filter = ["samenwerkingsverband", "gemeente", "jaar"]
    list_select_related = ["gemeente", "samenwerkingsverband"]
    inlines = [BudgetclaimInline]
