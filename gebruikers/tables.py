import django_tables2 as tables
from django.urls import reverse

from regiekamer.woorden import display_name

from .rules import ROLE_LABELS


class GebruikerTable(tables.Table):
    naam = tables.Column(
        empty_values=(),
        order_by=("last_name", "first_name", "username"),
        verbose_name="Naam",
        linkify=lambda record: reverse("gebruikers:gebruiker-detail", args=[record.pk]),
    )
    email = tables.Column(verbose_name="E-mailadres", default="—")
    rollen = tables.Column(empty_values=(), orderable=False, verbose_name="Rol")
    plaatsen = tables.Column(
        empty_values=(), orderable=False, verbose_name="Samenwerkingsverbanden"
    )
    gemeente = tables.Column(
        accessor="toegang__gemeente__naam", verbose_name="Gemeente", default="—"
    )
    last_login = tables.DateTimeColumn(
        format="d-m-Y H:i", verbose_name="Laatst ingelogd", default="nooit"
    )
    status = tables.Column(empty_values=(), orderable=False, verbose_name="Status")
    tweestaps = tables.Column(empty_values=(), orderable=False, verbose_name="Tweestapsverificatie")

    class Meta:
        fields = []
        order_by = "naam"

    def render_naam(self, record):
        return display_name(record)

    def render_rollen(self, record):
        names = sorted(group.name for group in record.groups.all())
        return ", ".join(ROLE_LABELS.get(name, name) for name in names) or "—"

    def render_plaatsen(self, record):
        return plaatsen(record) or "—"

    def render_status(self, record):
        return status_of(record)

    def render_tweestaps(self, record):
        return "ingesteld" if record.heeft_tweestaps else "niet ingesteld"


def plaatsen(user) -> str:
    """The user's samenwerkingsverbanden by afkorting, "(stuurgroep)" where only that; from the
    prefetched rows."""
    toegang = getattr(user, "toegang", None)
    if toegang is None:
        return ""
    regie = sorted(sv.afkorting for sv in toegang.samenwerkingsverbanden.all())
    stuur = sorted(
        f"{sv.afkorting} (stuurgroep)" for sv in toegang.stuurgroep_samenwerkingsverbanden.all()
    )
    return ", ".join(regie + stuur)


ACTIEF, UITGENODIGD, GEDEACTIVEERD, GEBLOKKEERD = (
    "actief",
    "uitgenodigd",
    "gedeactiveerd",
    "geblokkeerd",
)


def status_of(user) -> str:
    """gedeactiveerd, geblokkeerd (a lockout of django-axes runs), uitgenodigd (never logged in,
    no password yet) or actief. ``geblokkeerd`` is annotated (``views.with_status``)."""
    if not user.is_active:
        return GEDEACTIVEERD
    if user.geblokkeerd:
        return GEBLOKKEERD
    if user.last_login is None and not user.has_usable_password():
        return UITGENODIGD
    return ACTIEF
