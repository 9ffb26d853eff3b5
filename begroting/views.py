"""The begrotingscyclus of a samenwerkingsverband with a begroting of its own (Wgr art. 34-35):
the overview of its begrotingsjaren, one year's six steps with their latest dates, the form of
a year, and the calendar (.ics) of every open step. The dates come from ``begroting.kalender``;
the views only read, check access and show."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, TemplateView
from django_tables2 import SingleTableMixin

from partijen.models import Gemeente
from regiekamer import access
from regiekamer.dataversie import cached
from regiekamer.history import history_rows
from regiekamer.views import (
    ObjectCreateView,
    ObjectDeleteView,
    ObjectUpdateView,
    RealOnlyMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandMixin,
)

from .agenda import cycli_ics
from .constants import Stapstatus
from .forms import BegrotingscyclusForm
from .kalender import DAGEN, SCENARIO_TEKST, cyclus_termijnen, geen_begroting_melding
from .models import Begrotingscyclus, Zienswijze
from .tables import KLEUR, CyclusTable, cyclus_rijen


def overzicht_url(sv) -> str:
    return reverse("begroting:overzicht", args=[sv.afkorting])


def cycli_van(sv):
    """The samenwerkingsverband's begrotingsjaren, newest first, zienswijzen read along."""
    return sv.begrotingscycli.order_by("-jaar").prefetch_related("zienswijzen")


class OverzichtView(SamenwerkingsverbandMixin, SingleTableMixin, TemplateView):
    """Every begrotingsjaar of the samenwerkingsverband with its next step and latest date."""

    template_name = "begroting/overzicht.html"
    table_class = CyclusTable
    table_pagination = False

    def get_table_data(self):
        sv = self.get_samenwerkingsverband()
        return cyclus_rijen(cycli_van(sv), list(sv.gemeenten.all()), timezone.localdate())

    def get_table(self, **kwargs):
        """Built only when the page's cached part misses (``{% versiecache %}``)."""
        return SimpleLazyObject(lambda: super(OverzichtView, self).get_table(**kwargs))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        context["melding"] = geen_begroting_melding(sv)
        context["can_add"] = not context["melding"] and access.can(
            self.request.user, "add", sv, Begrotingscyclus
        )
        context["title"] = f"Begrotingscyclus {sv.naam}"
        return context


class CyclusMixin(SamenwerkingsverbandMixin):
    """A page of one begrotingsjaar, found by its year in the address."""

    model = Begrotingscyclus

    def get_queryset(self):
        sv = self.get_samenwerkingsverband()
        cycli = Begrotingscyclus.objects.filter(samenwerkingsverband=sv)
        return access.scope(self.request.user, cycli).select_related("samenwerkingsverband")

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return get_object_or_404(queryset, jaar=self.kwargs["jaar"])

    def get_permission_object(self):
        """Edit and delete ask ``access`` about the cycle itself, not its samenwerkingsverband."""
        return self.get_object()


class CyclusView(CyclusMixin, DetailView):
    """The six steps of one begrotingsjaar: latest date, rule, article, done, status."""

    template_name = "begroting/cyclus_detail.html"
    context_object_name = "cyclus"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cyclus = self.object
        sv = self.get_samenwerkingsverband()
        user = self.request.user
        # Read only when the page's content is not in the cache (templates/begroting/
        # cyclus_detail.html, {% versiecache %}).
        gemeenten = SimpleLazyObject(lambda: list(sv.gemeenten.order_by("naam")))
        context |= {
            "title": f"Begrotingscyclus {cyclus.jaar}",
            "stappen": SimpleLazyObject(lambda: stappen_van(cyclus, gemeenten)),
            "gemeenten": gemeenten,
            "zienswijzen": SimpleLazyObject(
                lambda: list(cyclus.zienswijzen.select_related("gemeente"))
            ),
            "vandaag": timezone.localdate(),
            "can_change": SimpleLazyObject(lambda: access.can(user, "change", cyclus)),
            "can_delete": SimpleLazyObject(lambda: access.can(user, "delete", cyclus)),
            "history": SimpleLazyObject(
                lambda: history_rows(
                    Begrotingscyclus.history.filter(id=cyclus.pk),
                    Zienswijze.history.filter(cyclus_id=cyclus.pk),
                    names=history_names(cyclus, sv),
                )
            ),
        }
        return context


def stappen_van(cyclus, gemeenten) -> list[dict]:
    """The six steps of the year as the page shows them: latest date, weekday, status."""
    vandaag = timezone.localdate()
    stappen = []
    for termijn in cyclus_termijnen(cyclus, gemeenten):
        status = termijn.status(vandaag)
        stappen.append(
            {
                "termijn": termijn,
                "weekdag": DAGEN[termijn.uiterste_datum.weekday()],
                "status": status,
                "status_label": Stapstatus(status).label,
                "kleur": KLEUR[status],
            }
        )
    return stappen


def history_names(cyclus, sv) -> dict:
    """Name the history rows of a cycle and its zienswijzen as ``str`` would, without a query
    per row (a gemeente that left the samenwerkingsverband is read on its own)."""
    ids = Zienswijze.history.filter(cyclus_id=cyclus.pk).values("gemeente_id")
    gemeenten = {g.pk: g for g in Gemeente.objects.filter(pk__in=ids)}

    def cyclus_name(record):
        return f"Begrotingscyclus {sv.afkorting} {record.jaar}"

    def zienswijze_name(record):
        gemeente = gemeenten.get(record.gemeente_id)
        return f"Zienswijze {gemeente} {cyclus.jaar}" if gemeente else None

    return {Begrotingscyclus: cyclus_name, Zienswijze: zienswijze_name}


class CyclusFormMixin(SamenwerkingsverbandFormMixin):
    model = Begrotingscyclus
    form_class = BegrotingscyclusForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["intro"] = (
            "Vul de dagen in waarop het algemeen bestuur de begroting en de jaarrekening "
            "vaststelt (gepland of gedaan) en wanneer elke stap is gezet. De uiterste data "
            "rekent Regiekamer zelf uit de Wet gemeenschappelijke regelingen. De zienswijzen "
            "van de raden staan per gemeente bij de cyclus."
        )
        return context

    def get_success_url(self):
        return self.object.get_absolute_url()


class CyclusCreateView(RealOnlyMixin, CyclusFormMixin, ObjectCreateView):
    scenario_text = SCENARIO_TEKST

    def dispatch(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        if not sv.is_scenario and not sv.heeft_eigen_begroting:
            if not self.has_permission():
                return self.handle_no_permission()
            messages.error(request, geen_begroting_melding(sv))
            return HttpResponseRedirect(overzicht_url(sv))
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        volgende = timezone.localdate().year + 1
        bestaand = set(
            self.get_samenwerkingsverband().begrotingscycli.values_list("jaar", flat=True)
        )
        while volgende in bestaand:
            volgende += 1
        return {"jaar": volgende}

    def get_cancel_url(self):
        return overzicht_url(self.get_samenwerkingsverband())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Nieuw begrotingsjaar"
        return context


class CyclusUpdateView(CyclusMixin, CyclusFormMixin, ObjectUpdateView):
    pass


class CyclusDeleteView(CyclusMixin, ObjectDeleteView):
    template_name = "begroting/cyclus_confirm_delete.html"

    def get_success_url(self):
        return overzicht_url(self.get_samenwerkingsverband())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        aantal = self.object.zienswijzen.count()
        if aantal:
            context["gevolgen"] = (
                f"De {aantal} vastgelegde zienswijze{'n' if aantal != 1 else ''} van de raden "
                "in deze cyclus worden ook verwijderd."
            )
        return context


class IcsView(RealOnlyMixin, SamenwerkingsverbandMixin, TemplateView):
    """Every open step's latest date of every begrotingsjaar, as all-day events."""

    scenario_text = SCENARIO_TEKST

    def get(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()
        adres = request.build_absolute_uri("/")

        def agenda():
            return cycli_ics(sv, cycli_van(sv), list(sv.gemeenten.all()), adres)

        # Its steps' dates follow from the data; its time stamp is of the day it was made.
        inhoud = cached(sv.pk, "begrotingskalender", agenda, adres, timezone.localdate())
        response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="begrotingskalender-{sv.afkorting}.ics"'
        )
        return response
