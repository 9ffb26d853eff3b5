from collections import Counter

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Case, Count, F, Prefetch, Q, Value, When
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import DetailView, TemplateView

from berichten.verzenden import announce, verzendlijst
from regiekamer import datums
from regiekamer.access import can
from regiekamer.dataversie import cached
from regiekamer.pdf import make_pdf
from regiekamer.uploads import serve_file
from regiekamer.views import (
    EditPermissionMixin,
    HistoryAndDeleteMixin,
    ObjectCreateView,
    ObjectDeleteView,
    ObjectUpdateView,
    PdfDownloadMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandListView,
    SamenwerkingsverbandMixin,
    attachment,
    local_url,
    query_pk,
)

from .constants import Actiestatus, Agendapuntsoort, Besluitroute, Gremiumsoort, Vergaderstatus
from .filters import (
    ActiepuntFilterSet,
    BesluitFilterSet,
    GremiumFilterSet,
    KnelpuntFilterSet,
    VergaderingFilterSet,
)
from .forms import (
    ActiepuntForm,
    AgendapuntFormSet,
    BesluitForm,
    GremiumForm,
    KnelpuntForm,
    LidmaatschapFormSet,
    PersoonForm,
    StukForm,
    VergaderingForm,
)
from .meldingen import notify_owner
from .models import (
    NIET_ANNULEREN,
    Actiepunt,
    Agendapunt,
    Besluit,
    Gremium,
    GremiumRelatie,
    Knelpunt,
    Lidmaatschap,
    Persoon,
    Stuk,
    Subregio,
    Vergadering,
)
from .organogram import build_organogram_svg, rangorde
from .query import op_functie, samenstelling
from .rapporten import besluiten_vergadering_pdf, besluitenlijst_report, uitnodiging_pdf
from .tables import ActiepuntTable, BesluitTable, GremiumTable, KnelpuntTable, VergaderingTable
from .uitnodiging import Soort, convocatie
from .vergaderinfo import leden_op_vergaderdatum
from .vergaderplanning import generate_series, propose_chair, propose_location
from .verzending import uitnodiging_bereik, verstuur_convocatie


class GremiumListView(SamenwerkingsverbandListView):
    queryset = (
        Gremium.objects.select_related("samenwerkingsverband")
        .annotate(aantal_leden=Count("lidmaatschappen"))
        .order_by("historisch", "soort", "naam")
    )
    filterset_class = GremiumFilterSet
    table_class = GremiumTable
    title = "Gremia"
    template_name = "governance/gremium_list.html"


class OrganogramView(SamenwerkingsverbandMixin, TemplateView):
    template_name = "governance/organogram.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = self.get_samenwerkingsverband()
        # A college of B&W is no part of the collaboration's structure (it decides about it).
        alle = list(
            Gremium.objects.filter(samenwerkingsverband=sv)
            .select_related("samenwerkingsverband")
            .exclude(soort=Gremiumsoort.COLLEGE)
            .order_by("periode")
        )
        counts = Counter(g.periode for g in alle)
        periodes = sorted(counts)
        gekozen = self.request.GET.get("periode")
        if gekozen not in counts:
            # The structure with the most gremia (for MLW the 2016 structure of Bijlage 1).
            gekozen = max(periodes, key=lambda p: (counts[p], p)) if periodes else ""
        gremia = [g for g in alle if g.periode == gekozen]
        context["periodes"], context["periode"] = periodes, gekozen
        relaties = list(
            # The links to both gremia need their samenwerkingsverband.
            GremiumRelatie.objects.filter(van__in=gremia, naar__in=gremia).select_related(
                "van__samenwerkingsverband", "naar__samenwerkingsverband"
            )
        )
        context["svg"] = build_organogram_svg(
            gremia, relaties, titel=f"Organogram {sv.naam} {gekozen}".strip()
        )
        context["relaties"] = relaties
        context["gremia"] = sorted(gremia, key=rangorde)
        context["subregios"] = Subregio.objects.filter(samenwerkingsverband=sv, periode=gekozen)
        return context


class GremiumDetailView(SamenwerkingsverbandMixin, DetailView):
    template_name = "governance/gremium_detail.html"

    def get_queryset(self):
        return Gremium.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("samenwerkingsverband", "gemeente")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gremium = self.object
        now = timezone.now()
        huidig = {lid.pk for lid in samenstelling(gremium)}
        leden = op_functie(
            Lidmaatschap.objects.filter(gremium=gremium).select_related("persoon__gemeente")
        )
        for lid in leden:
            lid.nu = lid.pk in huidig
        context["leden"], context["huidige_leden"] = leden, len(huidig)
        # Each line links to the other gremium, whose URL needs its samenwerkingsverband.
        context["relaties_van"] = gremium.relaties_van.select_related("naar__samenwerkingsverband")
        context["relaties_naar"] = gremium.relaties_naar.select_related("van__samenwerkingsverband")
        vergaderingen = gremium.vergaderingen.select_related("voorzitter", "locatie_gemeente")
        context["komend"] = vergaderingen.filter(begin__gte=now).order_by("begin")[:6]
        context["geweest"] = vergaderingen.filter(begin__lt=now).order_by("-begin")[:6]
        context["besluiten"] = gremium.besluiten.order_by(
            datums.sort_key("datum", descending=True), "-pk"
        )[:10]
        context["actiepunten"] = gremium.actiepunten.filter(status=Actiestatus.OPEN).select_related(
            "eigenaar"
        )
        context["volgend_jaar"] = timezone.localdate().year + (1 if now.month >= 10 else 0)
        context["mag_personen_bewerken"] = can(self.request.user, "change", gremium, Persoon)
        return context


class GremiumUpdateView(SamenwerkingsverbandMixin, ObjectUpdateView):
    model = Gremium
    form_class = GremiumForm
    formset_classes = {"lidmaatschappen": LidmaatschapFormSet}

    def get_queryset(self):
        return Gremium.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())


class GremiumSeriesView(SamenwerkingsverbandMixin, EditPermissionMixin, View):
    """POST: plan the meetings of a year from the gremium's cadence (a second run adds none)."""

    model = Vergadering
    permission_action = "add"

    def get_permission_object(self):
        """The gremium the meetings are added to."""
        return get_object_or_404(
            Gremium, samenwerkingsverband=self.get_samenwerkingsverband(), pk=self.kwargs["pk"]
        )

    def post(self, request, afkorting, pk):
        gremium = self.get_permission_object()
        try:
            jaar = int(request.POST.get("jaar", ""))
            nieuw = generate_series(gremium, jaar)
        except ValueError as fout:
            text = str(fout) if "vergader" in str(fout) else "Kies een geldig jaar."
            messages.error(request, text)
        else:
            if nieuw:
                messages.success(request, f"{len(nieuw)} vergaderingen gepland in {jaar}.")
            else:
                messages.info(request, f"In {jaar} waren alle vergaderingen al gepland.")
        return HttpResponseRedirect(gremium.get_absolute_url())


class VergaderingListView(SamenwerkingsverbandListView):
    """The meetings of every gremium: the coming ones first (the next one on top), then those
    that have been (the latest on top)."""

    queryset = Vergadering.objects.select_related(
        "gremium__samenwerkingsverband", "voorzitter", "locatie_gemeente"
    ).annotate(aantal_agendapunten=Count("agendapunten"))
    sv_lookup = "gremium__samenwerkingsverband"
    filterset_class = VergaderingFilterSet
    table_class = VergaderingTable
    title = "Vergaderingen"
    create_url_name = "governance:vergadering-create"
    template_name = "governance/vergadering_list.html"

    def get_queryset(self):
        now = timezone.now()
        geweest = Case(When(begin__lt=now, then=Value(1)), default=Value(0))
        komend_begin = Case(When(begin__gte=now, then=F("begin")))
        return (
            super()
            .get_queryset()
            .annotate(geweest=geweest, komend_begin=komend_begin)
            .order_by("geweest", F("komend_begin").asc(nulls_last=True), "-begin", "pk")
        )


class VergaderingenMixin(SamenwerkingsverbandMixin):
    """A page of one meeting of the samenwerkingsverband in the URL (another's: 404)."""

    def get_queryset(self):
        return Vergadering.objects.filter(
            gremium__samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("gremium__samenwerkingsverband", "voorzitter", "locatie_gemeente")


class VergaderingFormMixin(VergaderingenMixin, SamenwerkingsverbandFormMixin):
    model = Vergadering
    form_class = VergaderingForm
    formset_classes = {"agendapunten": AgendapuntFormSet}
    template_name = "governance/vergadering_form.html"


class GremiumFromQueryMixin:
    def gremium_from_query(self):
        """The gremium of ``?gremium=PK`` (the gremium page's link), or None for anything else."""
        pk = query_pk(self.request, "gremium")
        if pk is None:
            return None
        return Gremium.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband(), pk=pk
        ).first()


class VergaderingCreateView(GremiumFromQueryMixin, VergaderingFormMixin, ObjectCreateView):
    def get_initial(self):
        gremium = self.gremium_from_query()
        if gremium is None:
            return {}
        dag = timezone.localdate()
        return {
            "gremium": gremium,
            "voorzitter": propose_chair(gremium, dag),
            "locatie_gemeente": propose_location(gremium, dag),
        }

    def get_formsets(self):
        formsets = super().get_formsets()
        gremium = self.gremium_from_query() if self.request.method == "GET" else None
        if gremium and gremium.communicatie_vast_agendapunt:
            formsets["agendapunten"] = AgendapuntFormSet(
                instance=Vergadering(),
                prefix="agendapunten",
                initial=[{"volgorde": 1, "titel": "Communicatie", "soort": "bespreking"}],
            )
        return formsets


class VergaderingUpdateView(VergaderingFormMixin, ObjectUpdateView):
    """A change of time or place after the invitation went out is sent to the members at once
    (the same calendar entry, a higher volgnummer); the message after the save says so."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        self.volgnummer_voor = form.instance.volgnummer
        return form

    def after_save(self):
        self.wijziging = None
        if self.object.volgnummer != self.volgnummer_voor and not self.object.is_geannuleerd:
            self.wijziging = verstuur_convocatie(self.object, self.request.user, Soort.WIJZIGING)

    def announce_save(self):
        if self.wijziging is None:
            return super().announce_save()
        announce(
            self.request,
            self.wijziging,
            genodigden(self.object),
            verzonden="Opgeslagen. De tijd of plaats is gewijzigd na het versturen van de "
            "uitnodiging, dus gaat de wijziging naar de leden, met een bijlage die de afspraak "
            "in hun agenda bijwerkt.",
            niets="Opgeslagen. De tijd of plaats is gewijzigd na het versturen van de "
            "uitnodiging, maar er",
        )


class VergaderingDetailView(VergaderingenMixin, DetailView):
    template_name = "governance/vergadering_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["agendapunten"] = self.object.agendapunten.prefetch_related(
            Prefetch("besluiten", queryset=Besluit.objects.order_by("datum")), "stukken"
        )
        context["actiepunten"] = self.object.actiepunten.select_related("eigenaar")
        context["besluitvorming"] = Agendapuntsoort.BESLUITVORMING
        context["mag_bewerken"] = can(self.request.user, "change", self.object)
        context.update(
            verzendlijst(self.object, self.request.user, self.get_samenwerkingsverband())
        )
        context["uitnodiging_gemaild"], context["uitnodiging_ontvangers"] = uitnodiging_bereik(
            context["berichten"]
        )
        return context


def genodigden(vergadering) -> str:
    """'leden van de Stuurgroep Sociaal Domein': who the outbox summary speaks of."""
    return f"leden van de {vergadering.gremium.naam}"


class VergaderingActionView(VergaderingenMixin, EditPermissionMixin, DetailView):
    """A confirmation page (GET) and the action (POST) on one meeting, for who may edit it."""

    model = Vergadering

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["convocatie"] = convocatie(self.object, self.request.user, self.soort(), pdf=False)
        return context

    def refuse(self, text):
        messages.error(self.request, text)
        return HttpResponseRedirect(self.object.get_absolute_url())


class UitnodigingVersturenView(VergaderingActionView):
    """'Uitnodiging versturen': to the gremium's members, with the PDF and the calendar entry."""

    template_name = "governance/uitnodiging_versturen.html"

    def soort(self):
        return Soort.UITNODIGING

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_geannuleerd:
            return self.refuse("Deze vergadering is geannuleerd: er gaat geen uitnodiging uit.")
        return super().get(request, *args, **kwargs)

    def post(self, request, afkorting, pk):
        self.object = vergadering = self.get_object()
        if vergadering.is_geannuleerd:
            return self.refuse("Deze vergadering is geannuleerd: er gaat geen uitnodiging uit.")
        # "Agenda verzonden" only when it goes out to someone by e-mail; the moment of the
        # invitation is kept anyway (what a later change of time is an update to).
        gemaild = any(lid.persoon.email for lid in leden_op_vergaderdatum(vergadering))
        if vergadering.status == Vergaderstatus.GEPLAND and gemaild:
            vergadering.status = Vergaderstatus.AGENDA_VERZONDEN
        vergadering.uitnodiging_verzonden_op = timezone.now()
        vergadering.save()
        verstuurd = verstuur_convocatie(vergadering, request.user, Soort.UITNODIGING)
        announce(
            request, verstuurd, genodigden(vergadering), verzonden="De uitnodiging is verstuurd."
        )
        return HttpResponseRedirect(vergadering.get_absolute_url())


class VergaderingAnnulerenView(VergaderingActionView):
    """'Vergadering annuleren': the status Geannuleerd; who had the invitation gets the
    cancellation (METHOD:CANCEL), which removes the meeting from their calendar."""

    template_name = "governance/vergadering_annuleren.html"

    def soort(self):
        return Soort.ANNULERING

    def post(self, request, afkorting, pk):
        self.object = vergadering = self.get_object()
        if vergadering.is_geannuleerd:
            return self.refuse("Deze vergadering was al geannuleerd.")
        if vergadering.heeft_besluiten():
            return self.refuse(NIET_ANNULEREN)
        vergadering.status = Vergaderstatus.GEANNULEERD
        vergadering.save()
        tekst = "De vergadering is geannuleerd."
        if not vergadering.is_uitgenodigd:
            messages.success(request, tekst)
        else:
            verstuurd = verstuur_convocatie(vergadering, request.user, Soort.ANNULERING)
            announce(
                request,
                verstuurd,
                genodigden(vergadering),
                verzonden=tekst + " De leden krijgen de afzegging.",
                niets=tekst + " Er",
            )
        return HttpResponseRedirect(vergadering.get_absolute_url())


class VergaderingPdfView(VergaderingenMixin, View):
    """A PDF of one meeting, for whoever may see it: ``maak`` gives the PDF and its name."""

    model = Vergadering
    maak = None

    def get(self, request, afkorting, pk):
        vergadering = get_object_or_404(self.get_queryset(), pk=pk)
        return attachment(*type(self).maak(vergadering))


class UitnodigingPdfView(VergaderingPdfView):
    maak = uitnodiging_pdf


class BesluitenVergaderingPdfView(VergaderingPdfView):
    maak = besluiten_vergadering_pdf


class PersoonUpdateView(SamenwerkingsverbandMixin, ObjectUpdateView):
    """Name, function, gemeente, organisation and e-mail address of a person, so that the
    regiegroep can complete the addresses the invitations go to without the admin."""

    model = Persoon
    form_class = PersoonForm

    def get_queryset(self):
        sv = self.get_samenwerkingsverband()
        return Persoon.objects.filter(
            Q(lidmaatschappen__gremium__samenwerkingsverband=sv)
            | Q(gemeente__samenwerkingsverbanden=sv)
        ).distinct()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["samenwerkingsverband"] = self.get_samenwerkingsverband()
        return kwargs

    def get_cancel_url(self):
        fallback = reverse(
            "governance:gremium-list", args=[self.get_samenwerkingsverband().afkorting]
        )
        return local_url(self.request, self.request.GET.get("terug", ""), fallback)

    def get_success_url(self):
        return self.get_cancel_url()


class StukCreateView(SamenwerkingsverbandMixin, ObjectCreateView):
    model = Stuk
    form_class = StukForm

    def get_vergadering(self):
        return get_object_or_404(
            Vergadering,
            gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=self.kwargs["vergadering_pk"],
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vergadering"] = self.get_vergadering()
        return kwargs

    def get_success_url(self):
        return self.get_vergadering().get_absolute_url()

    def get_cancel_url(self):
        return self.get_success_url()


class StukDownloadView(SamenwerkingsverbandMixin, PermissionRequiredMixin, View):
    """Uploaded stukken are served only here: logged in, allowed to read, same collaboration."""

    permission_required = "governance.view_stuk"

    def get(self, request, afkorting, pk):
        stuk = get_object_or_404(
            Stuk,
            agendapunt__vergadering__gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=pk,
        )
        if not stuk.bestand or not can(request.user, "view", stuk):
            raise Http404
        return serve_file(stuk.bestand, stuk.bestandsnaam or stuk.titel)


class BesluitCreateView(GremiumFromQueryMixin, SamenwerkingsverbandFormMixin, ObjectCreateView):
    model = Besluit
    form_class = BesluitForm

    def get_agendapunt(self):
        """The agendapunt of ``?agendapunt=PK`` (the link beside an item of a meeting), when it
        is one of this samenwerkingsverband's; anything else is ignored."""
        if not hasattr(self, "_agendapunt"):
            pk = query_pk(self.request, "agendapunt")
            self._agendapunt = (
                Agendapunt.objects.filter(
                    vergadering__gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
                    pk=pk,
                )
                .select_related("vergadering__gremium")
                .first()
                if pk is not None
                else None
            )
        return self._agendapunt

    def get_vergadering(self):
        agendapunt = self.get_agendapunt()
        if agendapunt is not None:
            return agendapunt.vergadering
        pk = query_pk(self.request, "vergadering")
        if pk is None:
            return None
        return get_object_or_404(
            Vergadering, gremium__samenwerkingsverband=self.get_samenwerkingsverband(), pk=pk
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vergadering"] = self.get_vergadering()
        return kwargs

    def get_initial(self):
        vergadering = self.get_vergadering()
        if vergadering is None:
            gremium = self.gremium_from_query()
            if gremium is not None and gremium.is_historisch:
                # A gremium that no longer exists decides nothing today: its decisions are
                # recorded from the documents, with the date they give.
                return {"gremium": gremium, "route": Besluitroute.STUKKEN}
            return {
                "gremium": gremium,
                "route": Besluitroute.SCHRIFTELIJK,
                "datum": timezone.localdate(),
            }
        punten = Agendapunt.objects.filter(vergadering=vergadering).order_by("volgorde")
        # The item asked for, else the meeting's first item ter besluitvorming, else its first.
        agendapunt = (
            self.get_agendapunt()
            or punten.filter(soort=Agendapuntsoort.BESLUITVORMING).first()
            or punten.first()
        )
        return {
            "gremium": vergadering.gremium,
            "datum": timezone.localtime(vergadering.begin).date(),
            "agendapunt": agendapunt,
            "route": "vergadering",
        }

    def get_cancel_url(self):
        vergadering = self.get_vergadering()
        return vergadering.get_absolute_url() if vergadering else super().get_cancel_url()

    def get_success_url(self):
        return self.object.get_absolute_url()


class BesluitListView(PdfDownloadMixin, SamenwerkingsverbandListView):
    # The meeting column shows and links the meeting: its gremium and samenwerkingsverband,
    # read for the page's rows only (joined to every besluit of the filter before the sort and
    # the limit, the agendapunten made PostgreSQL hash the whole table).
    queryset = (
        Besluit.objects.select_related("gremium__samenwerkingsverband")
        .prefetch_related(
            Prefetch(
                "agendapunt",
                queryset=Agendapunt.objects.select_related(
                    "vergadering__gremium__samenwerkingsverband"
                ),
            )
        )
        .order_by(datums.sort_key("datum", descending=True), "gremium__naam", "-pk")
    )
    sv_lookup = "gremium__samenwerkingsverband"
    filterset_class = BesluitFilterSet
    table_class = BesluitTable
    title = "Besluitenlijst"
    create_url_name = "governance:besluit-create"
    template_name = "governance/besluit_list.html"

    def get(self, request, *args, **kwargs):
        if self.wants_pdf():
            return super().get(request, *args, **kwargs)
        # The filter, the count and the rows per version of the samenwerkingsverband's data and
        # per query string: the same for every viewer who sees the samenwerkingsverband.
        sv = self.get_samenwerkingsverband()
        lijst = cached(
            sv.pk,
            "besluitenlijst",
            lambda: self.lijst_html(request, *args, **kwargs),
            request.GET.urlencode(),
        )
        self.object_list = self.get_queryset()  # not read: the template's name derives from it
        context = {"view": self, "samenwerkingsverband": sv, "lijst_html": mark_safe(lijst)}
        return self.render_to_response(context | self.page_context())

    def get_pdf(self):
        form = self.get_filterset(self.get_filterset_class()).form
        if not form.is_valid():
            return None  # the page shows what is wrong with the filter
        chosen = {k: form.cleaned_data.get(k) for k in ("gremium", "vanaf", "tot")}
        sv = self.get_samenwerkingsverband()
        return make_pdf("besluitenlijst", besluitenlijst_report, sv, **chosen)


class ActiepuntCreateView(SamenwerkingsverbandFormMixin, ObjectCreateView):
    model = Actiepunt
    form_class = ActiepuntForm

    def get_initial(self):
        vergadering = Vergadering.objects.filter(
            gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=query_pk(self.request, "vergadering"),
        ).first()
        return {"vergadering": vergadering, "gremium": vergadering.gremium} if vergadering else {}

    def get_success_url(self):
        if self.object.vergadering_id:
            return self.object.vergadering.get_absolute_url()
        return self.object.get_absolute_url()

    def after_save(self):
        self.berichten = notify_owner(self.object, self.request.user)

    def announce_save(self):
        super().announce_save()
        if self.berichten:
            announce(self.request, self.berichten, "eigenaren", verzonden="")


class ActiepuntMixin(SamenwerkingsverbandMixin):
    """An actiepunt of this samenwerkingsverband (of another: 404)."""

    model = Actiepunt

    def get_queryset(self):
        return Actiepunt.objects.filter(
            gremium__samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related("gremium__samenwerkingsverband")


class ActiepuntUpdateView(
    HistoryAndDeleteMixin, ActiepuntMixin, SamenwerkingsverbandFormMixin, ObjectUpdateView
):
    """Change an actiepunt: its text, owner, deadline, and its status (also back to open after
    an early "Gereed"); its history and the way to delete it below."""

    form_class = ActiepuntForm
    delete_url_name = "governance:actiepunt-delete"
    delete_label = "Actiepunt verwijderen"

    def get_cancel_url(self):
        """Back where the user came from (the actielijst or the meeting), else the list."""
        return local_url(self.request, self.request.GET.get("terug", ""), super().get_cancel_url())

    def get_success_url(self):
        return self.get_cancel_url()


class ActiepuntDeleteView(ActiepuntMixin, ObjectDeleteView):
    """Asks first; back to the actielijst."""

    def get_success_url(self):
        return self.object.get_absolute_url()


class ActiepuntListView(SamenwerkingsverbandListView):
    queryset = Actiepunt.objects.select_related("gremium__samenwerkingsverband", "eigenaar")
    sv_lookup = "gremium__samenwerkingsverband"
    filterset_class = ActiepuntFilterSet
    table_class = ActiepuntTable
    title = "Actie- en planningslijst"
    create_url_name = "governance:actiepunt-create"
    template_name = "governance/actiepunt_list.html"


class ActiepuntDoneView(SamenwerkingsverbandMixin, EditPermissionMixin, View):
    model = Actiepunt

    def get_permission_object(self):
        return get_object_or_404(
            Actiepunt,
            gremium__samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=self.kwargs["pk"],
        )

    def post(self, request, afkorting, pk):
        actiepunt = self.get_permission_object()
        actiepunt.status = Actiestatus.GEREED
        actiepunt.save(update_fields=["status"])
        messages.success(
            request,
            f"Actiepunt afgerond: {actiepunt}. Te vroeg? Bij Bewerken zet u de status terug op "
            "open.",
        )
        terug = local_url(request, request.POST.get("terug", ""), actiepunt.get_absolute_url())
        return HttpResponseRedirect(terug)


class KnelpuntListView(SamenwerkingsverbandListView):
    queryset = Knelpunt.objects.select_related("samenwerkingsverband")
    filterset_class = KnelpuntFilterSet
    table_class = KnelpuntTable
    title = "Knelpunten (escalaties, convenant artikel 11)"
    create_url_name = "governance:knelpunt-create"


class KnelpuntFormMixin(SamenwerkingsverbandFormMixin):
    model = Knelpunt
    form_class = KnelpuntForm

    def get_queryset(self):
        return Knelpunt.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def register_url(self) -> str:
        """The knelpuntenregister: a knelpunt has no page of its own (its link is this form)."""
        return reverse("governance:knelpunt-list", args=[self.get_samenwerkingsverband().afkorting])

    def get_cancel_url(self):
        return local_url(self.request, self.request.GET.get("terug", ""), self.register_url())

    def get_success_url(self):
        return self.register_url()


class KnelpuntCreateView(KnelpuntFormMixin, ObjectCreateView):
    pass


class KnelpuntUpdateView(KnelpuntFormMixin, ObjectUpdateView):
    pass
