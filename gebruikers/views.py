"""Gebruikersbeheer in Regiekamer: the list of users, inviting a colleague, a user's page with
its changes (names, role, places; deactivate, activate; lift a lockout; reset two-factor), the
invitation's one-time link, and where a user lands after signing in (:func:`start`).

Who may manage whom is decided in ``rules``; every page asks it about the very user it shows
or writes: a user outside the manager's sight answers 404, a change they may not make 403.
"""

import logging

from axes.models import AccessAttempt, AccessFailureLog
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from regiekamer import access
from regiekamer.security import log_address, log_denied
from regiekamer.views import BoundedPaginator, local_next
from regiekamer.woorden import display_name

from . import rules, tweestaps
from .filters import GebruikerFilterSet
from .forms import GebruikerForm
from .tables import GEBLOKKEERD, UITGENODIGD, GebruikerTable, plaatsen, status_of
from .uitnodiging import last_invitation, send_invitation, uitnodiging_token
from .wachtwoord import EenmaligeLinkView, active_beheerders

logger = logging.getLogger("regiekamer.security")
User = get_user_model()


# --- the rows -------------------------------------------------------------------------------


def lockout_annotation():
    """Whether django-axes locks the user's name out now (from some address)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return Exists(
        AccessAttempt.objects.filter(
            username=OuterRef("username"),
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
            attempt_time__gte=since,
        )
    )


def with_status(queryset):
    """Everything the list and a user's page show, in a fixed number of queries."""
    return tweestaps.with_device(
        queryset.select_related("toegang__gemeente")
        .prefetch_related(
            "groups",
            "toegang__samenwerkingsverbanden",
            "toegang__stuurgroep_samenwerkingsverbanden",
        )
        .annotate(geblokkeerd=lockout_annotation())
    )


def log_action(request, what: str, target, level=logging.WARNING) -> None:
    """One line on the security log: what was done to whom, by whom, from where."""
    logger.log(
        level,
        "%s: gebruiker=%s door=%s adres=%s",
        what,
        target.get_username(),
        request.user.get_username(),
        log_address(request),
    )


def refuse_unless_manager(request) -> None:
    if not rules.may_manage_users(request.user):
        raise access.Refused(
            "Gebruikers beheren de beheerder en de regiegroep van een samenwerkingsverband; "
            "vraag hen om een collega uit te nodigen of iemands rechten te wijzigen."
        )


def managed_user(request, pk):
    """The user ``pk`` if the requester may manage them; 404 otherwise (403 for who manages
    nobody)."""
    refuse_unless_manager(request)
    found = with_status(rules.manageable(request.user)).filter(pk=pk).first()
    if found is None:
        if User.objects.filter(pk=pk).exists():
            log_denied(request, f"404: geen beheer over gebruiker {pk}")
        raise Http404("Deze gebruiker bestaat niet of u beheert hem niet.")
    return found


class ManagerMixin:
    """A page of gebruikersbeheer: 403 for whoever manages nobody."""

    def dispatch(self, request, *args, **kwargs):
        refuse_unless_manager(request)
        return super().dispatch(request, *args, **kwargs)


# --- the list, inviting, a user's page ------------------------------------------------------


class GebruikerListView(ManagerMixin, SingleTableMixin, FilterView):
    template_name = "list.html"
    table_class = GebruikerTable
    filterset_class = GebruikerFilterSet
    paginate_by = 25
    paginator_class = BoundedPaginator

    def get_queryset(self):
        users = with_status(rules.manageable(self.request.user))
        return users.order_by("last_name", "first_name", "username")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Gebruikers"
        context["create_url"] = reverse("gebruikers:uitnodigen")
        context["create_label"] = "Collega uitnodigen"
        return context


def send_and_tell(request, user) -> None:
    """Mail the invitation and say so, truthfully: offered to the mail server (or queued);
    whether it was accepted shows on the user's page."""
    send_invitation(request, user, request.user)
    wanneer = "staat in de wachtrij" if settings.EMAIL_QUEUE else "is aan de mailserver aangeboden"
    messages.success(
        request,
        f"De uitnodiging aan {display_name(user)} ({user.email}) {wanneer}; hieronder staat of "
        "de mailserver haar heeft aangenomen.",
    )
    log_action(request, "Uitnodiging verstuurd", user, logging.INFO)


class GebruikerFormMixin(ManagerMixin):
    form_class = GebruikerForm
    template_name = "gebruikers/gebruiker_form.html"
    target = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["actor"] = self.request.user
        kwargs["instance"] = self.target
        return kwargs

    def form_invalid(self, form):
        messages.error(self.request, "Niet opgeslagen: verbeter de gemarkeerde velden.")
        return super().form_invalid(form)

    def check(self, form) -> None:
        if not form.may_save():
            raise access.Refused(
                "U geeft alleen de rollen regiegroep en stuurgroep, in uw eigen "
                "samenwerkingsverbanden."
            )


class UitnodigenView(GebruikerFormMixin, FormView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Collega uitnodigen"
        context["intro"] = (
            "Uw collega krijgt een e-mail met een link om zelf een wachtwoord te kiezen "
            "(drie dagen geldig). De gebruikersnaam wordt het e-mailadres."
        )
        context["cancel_url"] = reverse("gebruikers:gebruiker-list")
        context["submit_label"] = "Uitnodiging versturen"
        return context

    def form_valid(self, form):
        self.check(form)
        user = form.save()
        send_and_tell(self.request, user)
        return HttpResponseRedirect(reverse("gebruikers:gebruiker-detail", args=[user.pk]))


class GebruikerUpdateView(GebruikerFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.target = managed_user(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Gebruiker bewerken"
        context["subtitle"] = display_name(self.target)
        context["cancel_url"] = reverse("gebruikers:gebruiker-detail", args=[self.target.pk])
        context["submit_label"] = "Opslaan"
        return context

    def form_valid(self, form):
        self.check(form)
        if form.has_changed():
            form.save()
            log_action(self.request, "Gebruiker gewijzigd", self.target, logging.INFO)
            messages.success(self.request, "Opgeslagen.")
        else:
            messages.info(self.request, "Niets gewijzigd.")
        return HttpResponseRedirect(reverse("gebruikers:gebruiker-detail", args=[self.target.pk]))


class GebruikerDetailView(ManagerMixin, TemplateView):
    template_name = "gebruikers/gebruiker_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = managed_user(self.request, kwargs["pk"])
        status = status_of(target)
        context.update(
            object=target,
            title=display_name(target),
            status=status,
            plaatsen=plaatsen(target),
            rollen=", ".join(
                rules.ROLE_LABELS.get(g.name, g.name)
                for g in sorted(target.groups.all(), key=lambda g: g.name)
            ),
            uitnodiging=last_invitation(target),
            uitgenodigd=status == UITGENODIGD,
            geblokkeerd=status == GEBLOKKEERD,
            kan_deactiveren=rules.may_deactivate(self.request.user, target),
            kan_tweestaps_resetten=rules.may_reset_two_factor(self.request.user, target),
        )
        return context


class GebruikerActionView(ManagerMixin, View):
    """POST: one action on one user the requester manages; back to the user's page."""

    def post(self, request, pk):
        target = managed_user(request, pk)
        self.act(request, target)
        return HttpResponseRedirect(reverse("gebruikers:gebruiker-detail", args=[pk]))

    def act(self, request, target) -> None:
        raise NotImplementedError


def refuse_self(request, target, what: str) -> None:
    if not rules.may_deactivate(request.user, target):
        raise access.Refused(f"U kunt uzelf niet {what}; vraag een andere beheerder.")


class DeactiverenView(GebruikerActionView):
    """GET: are you sure? POST: the user can no longer sign in (nothing is deleted)."""

    def get(self, request, pk):
        target = managed_user(request, pk)
        refuse_self(request, target, "deactiveren")
        return render(
            request,
            "gebruikers/deactiveren.html",
            {"object": target, "title": f"{display_name(target)} deactiveren"},
        )

    def act(self, request, target):
        refuse_self(request, target, "deactiveren")
        if not target.is_active:
            messages.info(request, f"{display_name(target)} was al gedeactiveerd.")
            return
        target.is_active = False
        target.save()
        log_action(request, "Gebruiker gedeactiveerd", target)
        messages.success(
            request,
            f"{display_name(target)} is gedeactiveerd: inloggen kan niet meer en een open "
            "sessie is beëindigd. Er is niets verwijderd; 'Activeren' maakt het ongedaan.",
        )


class ActiverenView(GebruikerActionView):
    def act(self, request, target):
        refuse_self(request, target, "activeren")
        if target.is_active:
            messages.info(request, f"{display_name(target)} was al actief.")
            return
        target.is_active = True
        target.save()
        log_action(request, "Gebruiker geactiveerd", target)
        messages.success(request, f"{display_name(target)} is weer actief en kan inloggen.")


def lockout_names(user) -> set[str]:
    """The names django-axes counts for ``user``: the login name, and the e-mail address a
    "wachtwoord vergeten" request counts under."""
    return {name for name in (user.username, (user.email or "").lower()) if name}


class BlokkadeOpheffenView(GebruikerActionView):
    def act(self, request, target):
        names = lockout_names(target)
        since = timezone.now() - settings.AXES_ACCOUNT_FAILURE_WINDOW
        attempts = sum(axes_reset(username=name) for name in names)
        # The limit per account (regiekamer.security.AccountLimitHandler) counts these.
        recent, _ = AccessFailureLog.objects.filter(
            username__in=names, attempt_time__gte=since
        ).delete()
        log_action(request, "Blokkade opgeheven", target)
        if attempts or recent:
            messages.success(
                request,
                f"De blokkade van {display_name(target)} is opgeheven: inloggen en een nieuw "
                "wachtwoord aanvragen kunnen weer.",
            )
        else:
            messages.info(request, f"{display_name(target)} was niet geblokkeerd.")


def refuse_unless_two_factor_resetter(request, target) -> None:
    if not rules.may_reset_two_factor(request.user, target):
        raise access.Refused(
            "Alleen de beheerder kan de tweestapsverificatie van een gebruiker resetten."
        )


class TweestapsResetView(GebruikerActionView):
    """GET: are you sure (a lost phone, and nobody else's)? POST: the user's apps and recovery
    codes are removed; the next sign-in sets it up again."""

    def get(self, request, pk):
        target = managed_user(request, pk)
        refuse_unless_two_factor_resetter(request, target)
        return render(
            request,
            "gebruikers/tweestaps_resetten.html",
            {
                "object": target,
                "title": f"Tweestapsverificatie van {display_name(target)} resetten",
            },
        )

    def act(self, request, target):
        refuse_unless_two_factor_resetter(request, target)
        had = target.heeft_tweestaps
        tweestaps.reset(target, request)
        if had:
            messages.success(
                request,
                f"De tweestapsverificatie van {display_name(target)} is gereset: bij de "
                "volgende keer inloggen stelt hij of zij een nieuwe authenticator-app in.",
            )
        else:
            messages.info(
                request,
                f"{display_name(target)} had geen tweestapsverificatie ingesteld; "
                "eventuele herstelcodes zijn verwijderd.",
            )


class UitnodigingOpnieuwView(GebruikerActionView):
    def act(self, request, target):
        if status_of(target) != UITGENODIGD:
            messages.error(
                request,
                f"{display_name(target)} is geen openstaande uitnodiging meer "
                f"({status_of(target)}): er is niets verstuurd.",
            )
            return
        if not target.email:
            messages.error(request, "Er is geen e-mailadres bekend: vul het eerst in.")
            return
        # A new (unusable) password ends the old link: its token was made of the old one.
        target.set_unusable_password()
        target.save(update_fields=["password"])
        send_and_tell(request, target)


# --- the invitation's link ------------------------------------------------------------------


class UitnodigingView(EenmaligeLinkView):
    """The invitation's one-time link (anonymous): choose a password, signed in, on."""

    token_generator = uitnodiging_token
    template_name = "gebruikers/uitnodiging.html"
    title = "Welkom bij Regiekamer"
    log_line = "Uitnodiging aanvaard, wachtwoord gekozen"


# --- after signing in -----------------------------------------------------------------------


def start(request):
    """Where a user lands after signing in: a safe ``next``; the beheerder the start page; a
    user without a place the page that says so; one samenwerkingsverband its dashboard; more
    the list."""
    if url := local_next(request):
        return HttpResponseRedirect(url)
    if access.is_beheerder(request.user):
        return HttpResponseRedirect(reverse("home"))
    real = list(access.visible_samenwerkingsverbanden(request.user)[:2])  # no scenario
    if not real:
        return HttpResponseRedirect(reverse("gebruikers:geen-toegang"))
    if len(real) == 1:
        sv = real[0]
        return HttpResponseRedirect(reverse("dashboard", kwargs={"afkorting": sv.afkorting}))
    return HttpResponseRedirect(reverse("convenant:samenwerkingsverband-list"))


class GeenToegangView(TemplateView):
    """For a signed-in user without a place: says so and whom to ask."""

    template_name = "gebruikers/geen_toegang.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["title"] = "Nog geen toegang"
        context["heeft_plek"] = access.is_beheerder(user) or bool(access.visible_sv_ids(user))
        context["beheerders"] = active_beheerders()
        return context
