"""The parties of a regional collaboration: the samenwerkingsverband, its gemeenten with their
inwonertallen and letterhead (address for council mail, logo, signatories: Functionaris), the
domeinen it covers, and who may act where (Toegang).

Everything else points at these rows; they stand on the kernel (``regiekamer``) and import no
other app (README, Layout).
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regiekamer import datums
from regiekamer.declarations import SHARED, Scope
from regiekamer.fields import AantalField
from regiekamer.getallen import AANTAL, format_number
from regiekamer.logo import LogoField
from regiekamer.uploads import random_path, remember_file_name
from regiekamer.versioning import Versioned

from .constants import JuridischeVorm


class Domein(Versioned):
    """A policy domain the collaboration covers: Wmo, Jeugd, Participatiewet, ..."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    history = HistoricalRecords()

    # Shared on purpose: belongs to no samenwerkingsverband (regiekamer/access.py).
    access_scope = SHARED

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class GemeenteQuerySet(models.QuerySet):
    def with_latest_inwonertal(self):
        """Annotate each gemeente with its latest inwonertal and peildatum (None if unknown)."""
        latest = Inwonertal.objects.filter(gemeente=OuterRef("pk")).order_by("-peildatum")
        return self.annotate(
            laatste_inwonertal=Subquery(latest.values("aantal")[:1]),
            laatste_peildatum=Subquery(latest.values("peildatum")[:1]),
        )


def logo_path(instance, filename):
    return random_path("logos", filename)


class Gemeente(Versioned):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    # The address a letter to the council is sent to (its addressee block) and its letterhead.
    # (The edit page labels them as the address for council mail: partijen.forms.GemeenteForm.)
    adres = models.CharField(
        _("adres (straat en huisnummer)"),
        max_length=200,
        blank=True,
        help_text=_("Staat in het adresblok van een raadsinformatiebrief aan de gemeenteraad."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    logo = LogoField(_("logo op het briefhoofd"), upload_to=logo_path, blank=True)
    logo_bestandsnaam = models.CharField(
        _("bestandsnaam logo"), max_length=255, blank=True, editable=False
    )
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    email_raadspost = models.EmailField(
        _("e-mailadres voor raadspost (griffie)"),
        blank=True,
        help_text=_("Hierheen gaat een raadsinformatiebrief aan de gemeenteraad."),
    )
    history = HistoricalRecords()

    objects = GemeenteQuerySet.as_manager()

    access_scope = Scope(via=("samenwerkingsverbanden",), gemeente="pk", gedeeld=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("gemeenten:gemeente-detail", args=[self.pk])

    def get_adres_url(self, samenwerkingsverband=None) -> str:
        """Where its address for council mail is filled in (berichten' verzendlijst)."""
        return reverse("gemeenten:gemeente-update", args=[self.pk])

    def bericht_adres(self) -> str:
        """Where a message to this gemeente's council goes (berichten/): the griffie."""
        return self.email_raadspost

    def get_latest_inwonertal(self):
        """The inwonertal with the latest peildatum, or None when none is known."""
        return self.inwonertallen.order_by("-peildatum").first()

    def get_file_url(self, field_name: str) -> str:
        return reverse("gemeenten:gemeente-logo", args=[self.pk])

    def save(self, *args, **kwargs):
        remember_file_name(self.logo, self, "logo_bestandsnaam")
        super().save(*args, **kwargs)

    def ondertekenaars_op(self, datum) -> dict[str, str]:
        """Who signs a letter of this gemeente's college on ``datum``: {functie: naam} for the
        burgemeester and the gemeentesecretaris known on that date (the one place that decides
        it; a function without a known name is left out)."""
        found = {}
        for functionaris in self.functionarissen.op(datum).filter(functie__in=ONDERTEKENAARS):
            found.setdefault(functionaris.functie, functionaris.naam)
        return found


class InwonertalManager(models.Manager):
    """The real figures: a scenario's own figures (``Inwonertal.scenario``) count only inside
    that scenario, so every page, key and export of the real record leaves them out. The
    scenario's figures: ``Inwonertal.alle.filter(scenario=...)`` (``Inwonertal.van``)."""

    def get_queryset(self):
        return super().get_queryset().filter(scenario__isnull=True)


class Inwonertal(Versioned):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="inwonertallen", verbose_name=_("gemeente")
    )
    # A what-if figure of one scenario (issue 20): never read by the real record.
    scenario = models.ForeignKey(
        "Samenwerkingsverband",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scenario_inwonertallen",
        verbose_name=_("alleen in scenario"),
        limit_choices_to={"scenario_van__isnull": False},
    )
    peildatum = models.DateField(_("peildatum"))
    aantal = AantalField(_("aantal inwoners"))
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = InwonertalManager()
    alle = models.Manager()

    access_scope = Scope(
        via=("gemeente__samenwerkingsverbanden",), gemeente="gemeente", gedeeld=True
    )

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        ordering = ["gemeente__naam", "-peildatum"]
        base_manager_name = "alle"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "peildatum"],
                condition=models.Q(scenario__isnull=True),
                name="uniek_inwonertal_per_peildatum",
                violation_error_message=_(
                    "Voor deze gemeente is op deze peildatum al een inwonertal."
                ),
            ),
            models.UniqueConstraint(
                fields=["gemeente", "peildatum", "scenario"],
                condition=models.Q(scenario__isnull=False),
                name="uniek_scenario_inwonertal_per_peildatum",
                violation_error_message=_(
                    "Voor deze gemeente is in dit scenario op deze peildatum al een inwonertal."
                ),
            ),
        ]

    @classmethod
    def van(cls, samenwerkingsverband):
        """The figures a samenwerkingsverband's keys read: the real ones, or for a scenario
        only the scenario's own (copied when it was made, then edited in the scenario)."""
        if samenwerkingsverband.is_scenario:
            return cls.alle.filter(scenario=samenwerkingsverband)
        return cls.objects.all()

    def __str__(self):
        return f"{format_number(self.aantal, AANTAL)} inwoners op {self.peildatum:%d-%m-%Y}"

    def get_absolute_url(self):
        return self.gemeente.get_absolute_url()


class SamenwerkingsverbandQuerySet(models.QuerySet):
    def echt(self):
        """The real samenwerkingsverbanden: no scenario (every list, dashboard, letter,
        verrekening and bill reads only these)."""
        return self.filter(scenario_van__isnull=True)

    def scenarios(self):
        return self.filter(scenario_van__isnull=False)

    def met_afkorting(self, afkorting: str):
        """The samenwerkingsverband (or scenario) with this afkorting, in any case; None when
        there is none. The lookup of every command: a NUL byte is no character of an afkorting
        (PostgreSQL refuses it in a query), so such a code is simply unknown."""
        if "\x00" in afkorting:
            return None
        return self.filter(afkorting__iexact=afkorting).first()


class Samenwerkingsverband(Versioned):
    naam = models.CharField(_("naam"), max_length=200)
    # A scenario (issue 20) is a what-if copy of a real samenwerkingsverband, edited with the
    # same pages and commands, and never mistaken for the real one.
    scenario_van = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scenarios",
        verbose_name=_("scenario van"),
        limit_choices_to={"scenario_van__isnull": True},
    )
    toelichting = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_(
            "Bij een scenario: welke vraag het beantwoordt en waar de cijfers vandaan komen."
        ),
    )
    afkorting = models.SlugField(
        _("afkorting"),
        max_length=20,
        unique=True,
        help_text=_("Unieke code, bijvoorbeeld MLW; gebruikt in adressen en opdrachten."),
    )
    juridische_vorm = models.CharField(
        _("juridische vorm"), max_length=40, choices=JuridischeVorm.choices
    )
    eigen_begroting = models.BooleanField(
        _("eigen begroting"),
        default=False,
        help_text=_(
            "Heeft een eigen begroting en jaarrekening met de begrotingscyclus van de Wgr. Een "
            "openbaar lichaam, bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan heeft die "
            "altijd; kruis dit aan voor een andere vorm die er ook een voert."
        ),
    )
    domeinen = models.ManyToManyField(Domein, blank=True, verbose_name=_("domeinen"))
    gemeenten = models.ManyToManyField(
        Gemeente,
        blank=True,
        related_name="samenwerkingsverbanden",
        verbose_name=_("deelnemende gemeenten"),
    )
    penvoerder = models.ForeignKey(
        Gemeente,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("penvoerder"),
        help_text=_("Draagt de kosten van rollen zonder leverende gemeente (inhuur, projecten)."),
    )
    history = HistoricalRecords(m2m_fields=[domeinen, gemeenten])

    objects = SamenwerkingsverbandQuerySet.as_manager()

    access_scope = Scope(via=("pk",))

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["naam"]

    def __str__(self):
        if self.scenario_van_id:
            return f"Scenario {self.naam} ({self.afkorting})"
        return f"{self.naam} ({self.afkorting})"

    @property
    def is_scenario(self) -> bool:
        return self.scenario_van_id is not None

    @property
    def heeft_eigen_begroting(self) -> bool:
        """Whether the begrotingscyclus of the Wgr (art. 34-35) applies: always for an
        openbaar lichaam, bedrijfsvoeringsorganisatie or gemeenschappelijk orgaan, else when
        ``eigen_begroting`` says so. A regeling zonder meer such as MLW has none: each gemeente
        carries its share in its own begroting."""
        return self.juridische_vorm in JuridischeVorm.met_eigen_begroting() or self.eigen_begroting

    def save(self, *args, **kwargs):
        self.afkorting = self.afkorting.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("convenant:samenwerkingsverband-detail", args=[self.afkorting])


class Toegang(Versioned):
    """Where a user may act: the samenwerkingsverbanden they take part in and, for an official
    of a gemeente, that gemeente. What they may do there follows from their role (group); in
    ``stuurgroep_samenwerkingsverbanden`` only what the stuurgroep may (a wethouder who sits in
    one samenwerkingsverband's stuurgroep and another's regiegroep)."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="toegang",
        verbose_name=_("gebruiker"),
    )
    samenwerkingsverbanden = models.ManyToManyField(
        Samenwerkingsverband,
        blank=True,
        related_name="toegangen",
        verbose_name=_("samenwerkingsverbanden"),
    )
    stuurgroep_samenwerkingsverbanden = models.ManyToManyField(
        Samenwerkingsverband,
        blank=True,
        related_name="stuurgroep_toegangen",
        verbose_name=_("alleen als stuurgroeplid in"),
        help_text=_(
            "Samenwerkingsverbanden waarin deze gebruiker alleen lid van de stuurgroep is: "
            "lezen en besluiten vastleggen, ook als de gebruiker elders regiegroep is."
        ),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ambtenaren",
        verbose_name=_("gemeente"),
        help_text=_("Alleen voor een ambtenaar van een gemeente: die gemeente."),
    )
    history = HistoricalRecords(
        m2m_fields=[samenwerkingsverbanden, stuurgroep_samenwerkingsverbanden]
    )

    access_scope = Scope(via=("samenwerkingsverbanden",))

    class Meta:
        verbose_name = _("toegang")
        verbose_name_plural = _("toegang")

    def __str__(self):
        return f"Toegang van {self.gebruiker}"


class Functie(models.TextChoices):
    BURGEMEESTER = "burgemeester", _("burgemeester")
    GEMEENTESECRETARIS = "gemeentesecretaris", _("gemeentesecretaris")
    WETHOUDER = "wethouder", _("wethouder")


# Who signs a letter of the college, in the order of the signatures (as in Weert's letter of
# 30 August 2016: the gemeentesecretaris first, then the burgemeester).
ONDERTEKENAARS = (Functie.GEMEENTESECRETARIS, Functie.BURGEMEESTER)


class FunctionarisQuerySet(models.QuerySet):
    def op(self, datum):
        """The functionarissen in office on ``datum`` (an empty vanaf/tot: not known, so not
        bounded on that side); the most recently started first."""
        return self.filter(
            models.Q(vanaf__isnull=True) | models.Q(vanaf__lte=datum),
            models.Q(tot__isnull=True) | models.Q(tot__gte=datum),
        ).order_by(models.F("vanaf").desc(nulls_last=True), "-pk")


class Functionaris(Versioned):
    """Who held a function of a gemeente (burgemeester, gemeentesecretaris, wethouder) in a
    period: the signatories of its letters (``Gemeente.ondertekenaars_op``)."""

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        related_name="functionarissen",
        verbose_name=_("gemeente"),
    )
    functie = models.CharField(_("functie"), max_length=30, choices=Functie.choices)
    naam = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Zoals de naam onder de brief staat, bijvoorbeeld A.A.M.M. Heijmans."),
    )
    vanaf = models.DateField(_("vanaf"), null=True, blank=True, help_text=_("Leeg: onbekend."))
    tot = models.DateField(
        _("tot en met"), null=True, blank=True, help_text=_("Leeg: onbekend of nog in functie.")
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = FunctionarisQuerySet.as_manager()

    access_scope = Scope(
        via=("gemeente__samenwerkingsverbanden",), gemeente="gemeente", gedeeld=True
    )

    class Meta:
        verbose_name = _("functionaris")
        verbose_name_plural = _("functionarissen")
        ordering = ["gemeente__naam", "functie", models.F("vanaf").desc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(vanaf__isnull=True)
                | models.Q(tot__isnull=True)
                | models.Q(tot__gte=models.F("vanaf")),
                name="functionaris_tot_na_vanaf",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            )
        ]

    def __str__(self):
        return f"{self.naam}, {self.get_functie_display()} van {self.gemeente.naam}"

    def get_absolute_url(self):
        return self.gemeente.get_absolute_url()

    @property
    def periode(self) -> str:
        """'1-1-2010 t/m 31-12-2017', 'vanaf 1-1-2010', 'periode onbekend'."""
        vanaf = datums.tekst(self.vanaf) if self.vanaf else ""
        tot = datums.tekst(self.tot) if self.tot else ""
        if vanaf and tot:
            return f"{vanaf} t/m {tot}"
        if vanaf:
            return f"vanaf {vanaf}"
        if tot:
            return f"tot en met {tot}"
        return "periode onbekend"

    def overlaps(self, other: "Functionaris") -> bool:
        """Both in the same one-person function at some date (an empty side: unbounded)."""
        if self.functie != other.functie or self.functie == Functie.WETHOUDER:
            return False
        starts_before_other_ends = not (self.vanaf and other.tot and self.vanaf > other.tot)
        ends_after_other_starts = not (self.tot and other.vanaf and self.tot < other.vanaf)
        return starts_before_other_ends and ends_after_other_starts
