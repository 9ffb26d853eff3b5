from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from formatie.constants import EERSTE_JAAR, LAATSTE_JAAR
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.declarations import Scope
from regiekamer.fields import BedragField, PercentageField
from regiekamer.getallen import PERCENTAGE, format_number
from regiekamer.versioning import Versioned

from .constants import Verdeelmethode


class Verdeelsleutel(Versioned):
    """How the costs of a samenwerkingsverband are split over its gemeenten, for a period."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="verdeelsleutels",
        verbose_name=_("samenwerkingsverband"),
    )
    vanaf_jaar = models.PositiveSmallIntegerField(_("vanaf jaar"))
    tot_en_met_jaar = models.PositiveSmallIntegerField(_("tot en met jaar"), null=True, blank=True)
    methode = models.CharField(_("methode"), max_length=20, choices=Verdeelmethode.choices)
    peildatum = models.DateField(
        _("peildatum inwonertallen"),
        null=True,
        blank=True,
        help_text=_("Alleen bij verdeling naar inwonertal."),
    )
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("verdeelsleutel")
        verbose_name_plural = _("verdeelsleutels")
        ordering = ["samenwerkingsverband", "vanaf_jaar"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot_en_met_jaar__isnull=True) | Q(tot_en_met_jaar__gte=F("vanaf_jaar")),
                name="verdeelsleutel_periode",
                violation_error_message=_("Het eindjaar ligt vóór het beginjaar."),
            ),
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "vanaf_jaar"],
                name="unieke_verdeelsleutel_per_jaar",
                violation_error_message=_("Er is al een verdeelsleutel vanaf dit jaar."),
            ),
        ]

    def __str__(self):
        if self.tot_en_met_jaar:
            periode = f"{self.vanaf_jaar}–{self.tot_en_met_jaar}"
        else:
            periode = f"vanaf {self.vanaf_jaar}"
        return f"Verdeelsleutel {self.samenwerkingsverband.afkorting} {periode}"

    def get_absolute_url(self):
        return reverse("kosten:kostenverdeling", args=[self.samenwerkingsverband.afkorting])

    def clean(self):
        if self.methode == Verdeelmethode.INWONERTAL and not self.peildatum:
            raise ValidationError(
                {"peildatum": _("Een verdeling naar inwonertal heeft een peildatum nodig.")}
            )

    def covers(self, jaar: int) -> bool:
        return self.vanaf_jaar <= jaar and (
            self.tot_en_met_jaar is None or jaar <= self.tot_en_met_jaar
        )


class Verdeelsleutelaandeel(Versioned):
    verdeelsleutel = models.ForeignKey(
        Verdeelsleutel,
        on_delete=models.CASCADE,
        related_name="aandelen",
        verbose_name=_("verdeelsleutel"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    percentage = PercentageField(
        _("percentage"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("verdeelsleutel__samenwerkingsverband",))

    class Meta:
        verbose_name = _("aandeel in de verdeelsleutel")
        verbose_name_plural = _("aandelen in de verdeelsleutel")
        ordering = ["verdeelsleutel", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["verdeelsleutel", "gemeente"],
                name="uniek_aandeel_per_gemeente",
                violation_error_message=_("Deze gemeente heeft al een aandeel in deze sleutel."),
            )
        ]

    def __str__(self):
        return f"{format_number(self.percentage, PERCENTAGE)}%"


class Budget(Versioned):
    """A gemeente's budget for the collaboration's costs in a year (Weert: € 900.000)."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="budgetten",
        verbose_name=_("samenwerkingsverband"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="budgetten", verbose_name=_("gemeente")
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = BedragField(
        _("bedrag"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",), gemeente="gemeente")

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgetten")
        ordering = ["samenwerkingsverband", "gemeente__naam", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "gemeente", "jaar"],
                name="uniek_budget_per_jaar",
                violation_error_message=_("Deze gemeente heeft voor dit jaar al een budget."),
            )
        ]

    def __str__(self):
        return f"Budget {self.gemeente} {self.jaar}"

    def get_absolute_url(self):
        return reverse("kosten:kostenverdeling", args=[self.samenwerkingsverband.afkorting])


class Budgetclaim(Versioned):
    """A claim known to weigh on a gemeente's budget of a year besides its share of the
    collaboration's costs (Weert 2016: "de op dit moment bekende claims ten laste [van] dit
    budget"). An amount the documents do not give stays empty: the ruimte is then an upper
    bound ("ten hoogste"), never a figure made up."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="claims", verbose_name=_("budget")
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    bedrag = BedragField(
        _("bedrag"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Leeg als het bedrag (nog) niet bekend is."),
    )
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("budget__samenwerkingsverband",))

    class Meta:
        verbose_name = _("claim op het budget")
        verbose_name_plural = _("claims op het budget")
        ordering = ["budget", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__isnull=True) | Q(bedrag__gte=0),
                name="budgetclaim_niet_negatief",
                violation_error_message=_("Het bedrag van een claim is 0 of meer."),
            )
        ]

    def __str__(self):
        return f"Claim op {self.budget}: {self.omschrijving}"

    def get_absolute_url(self):
        return self.budget.get_absolute_url()


# The years actual costs and voorschotten may name (kosten.realisatie reads files within them).
MIN_JAAR, MAX_JAAR = EERSTE_JAAR, LAATSTE_JAAR
SCENARIO_REALISATIE = (
    "Een scenario heeft geen werkelijke kosten: die komen uit de financiële administratie van "
    "het echte samenwerkingsverband."
)
SCENARIO_VOORSCHOT = "Een scenario heeft geen voorschotten: het is een verkenning."


def _jaar_fout(jaar) -> str | None:
    if jaar is not None and not MIN_JAAR <= jaar <= MAX_JAAR:
        return f"{jaar} is geen jaar tussen {MIN_JAAR} en {MAX_JAAR}."
    return None


def _neemt_deel(samenwerkingsverband, gemeente_id) -> bool:
    return samenwerkingsverband.gemeenten.filter(pk=gemeente_id).exists()


class Realisatie(Versioned):
    """The actual cost (werkelijke kosten) of a rol in a calendar year, from the financial
    administration: what convenant art. 5 settles ("De totale werkelijke kosten ... worden
    verdeeld op basis van inwoneraantal en onderling verrekend"). A vaste post is a rol of
    kostensoort vast. Who bore it follows the plan's rule (the rol's leverende gemeente, else
    the penvoerder) unless ``gedragen_door`` says otherwise."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="realisaties",
        verbose_name=_("samenwerkingsverband"),
    )
    rol = models.ForeignKey(
        "formatie.Rol",
        on_delete=models.PROTECT,
        related_name="realisaties",
        verbose_name=_("rol"),
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = BedragField(
        _("werkelijke kosten"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    gedragen_door = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gedragen door"),
        help_text=_(
            "Leeg: de leverende gemeente van de rol, anders de penvoerder (zoals in de begroting)."
        ),
    )
    bron = models.CharField(
        _("bron"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: financiële administratie Weert, grootboek 2017."),
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("werkelijke kosten")
        verbose_name_plural = _("werkelijke kosten")
        ordering = ["samenwerkingsverband", "jaar", "rol__volgorde", "rol__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["rol", "jaar"],
                name="unieke_realisatie_per_rol_per_jaar",
                violation_error_message=_("Deze rol heeft voor dit jaar al werkelijke kosten."),
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gte=0),
                name="realisatie_niet_negatief",
                violation_error_message=_("Werkelijke kosten zijn 0 of meer."),
            ),
        ]

    def __str__(self):
        return f"Werkelijke kosten {self.rol.naam} {self.jaar}"

    def get_absolute_url(self):
        return reverse("kosten:realisatie", args=[self.samenwerkingsverband.afkorting])

    def clean(self):
        errors = {}
        sv_id = self.samenwerkingsverband_id
        if sv_id and self.samenwerkingsverband.is_scenario:
            errors[NON_FIELD_ERRORS] = SCENARIO_REALISATIE
        if _jaar_fout(self.jaar):
            errors["jaar"] = _jaar_fout(self.jaar)
        if self.rol_id and sv_id and self.rol.samenwerkingsverband_id != sv_id:
            errors["rol"] = _("Deze rol hoort niet bij dit samenwerkingsverband.")
        if (
            self.gedragen_door_id
            and sv_id
            and not _neemt_deel(self.samenwerkingsverband, self.gedragen_door_id)
            and not self._drager_bewaard()
        ):
            errors["gedragen_door"] = _(
                "Deze gemeente neemt niet deel aan het samenwerkingsverband."
            )
        if errors:
            raise ValidationError(errors)

    def _drager_bewaard(self) -> bool:
        """Whether the row already names this gemeente (one that has left the samenwerkingsverband
        since it bore the costs keeps them when the row is saved again)."""
        return bool(
            self.pk
            and Realisatie.objects.filter(
                pk=self.pk,
                rol_id=self.rol_id,
                jaar=self.jaar,
                gedragen_door_id=self.gedragen_door_id,
            ).exists()
        )


class Voorschotregeling(Versioned):
    """The gemeenten pay (part of) the samenwerking in advance, per quarter, from the begroting
    (a GR with its own begroting, a pluspakket bought from the penvoerder); after the year the
    voorschotten are settled against each gemeente's share of the actual costs."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="voorschotregelingen",
        verbose_name=_("samenwerkingsverband"),
    )
    pakket = models.ForeignKey(
        "formatie.Pakket",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voorschotregelingen",
        verbose_name=_("pakket"),
        help_text=_("Leeg: alle kosten van het samenwerkingsverband."),
    )
    ontvanger = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ontvanger"),
        help_text=_(
            "De gemeente die de voorschotten ontvangt (de penvoerder, de centrumgemeente); leeg: "
            "het samenwerkingsverband zelf (het openbaar lichaam)."
        ),
    )
    vanaf_jaar = models.PositiveSmallIntegerField(_("vanaf jaar"))
    tot_en_met_jaar = models.PositiveSmallIntegerField(_("tot en met jaar"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("voorschotregeling")
        verbose_name_plural = _("voorschotregelingen")
        ordering = ["samenwerkingsverband", "vanaf_jaar", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot_en_met_jaar__isnull=True) | Q(tot_en_met_jaar__gte=F("vanaf_jaar")),
                name="voorschotregeling_periode",
                violation_error_message=_("Het eindjaar ligt vóór het beginjaar."),
            ),
        ]

    def __str__(self):
        wat = self.pakket.naam if self.pakket_id else "alle kosten"
        return f"Voorschotten {self.samenwerkingsverband.afkorting} ({wat})"

    def get_absolute_url(self):
        return reverse("kosten:voorschotten", args=[self.samenwerkingsverband.afkorting])

    def covers(self, jaar: int) -> bool:
        return self.vanaf_jaar <= jaar and (
            self.tot_en_met_jaar is None or jaar <= self.tot_en_met_jaar
        )

    def clean(self):
        errors = {}
        sv_id = self.samenwerkingsverband_id
        if sv_id and self.samenwerkingsverband.is_scenario:
            errors[NON_FIELD_ERRORS] = SCENARIO_VOORSCHOT
        for veld in ("vanaf_jaar", "tot_en_met_jaar"):
            if _jaar_fout(getattr(self, veld)):
                errors[veld] = _jaar_fout(getattr(self, veld))
        if self.pakket_id and sv_id and self.pakket.samenwerkingsverband_id != sv_id:
            errors["pakket"] = _("Dit pakket hoort niet bij dit samenwerkingsverband.")
        if (
            self.ontvanger_id
            and sv_id
            and not _neemt_deel(self.samenwerkingsverband, self.ontvanger_id)
        ):
            errors["ontvanger"] = _("Deze gemeente neemt niet deel aan het samenwerkingsverband.")
        if errors:
            raise ValidationError(errors)
        if (
            sv_id
            and self.vanaf_jaar
            and not (self.tot_en_met_jaar is not None and self.tot_en_met_jaar < self.vanaf_jaar)
        ):
            self.check_overlap()

    def check_overlap(self) -> None:
        """Two regelingen over the same costs in the same year would ask a gemeente twice:
        refused here, so the page and the admin both ask it."""
        others = Voorschotregeling.objects.filter(
            samenwerkingsverband_id=self.samenwerkingsverband_id
        )
        vanaf, tot = self.vanaf_jaar, self.tot_en_met_jaar
        for other in others.exclude(pk=self.pk).select_related("pakket"):
            same_costs = (
                self.pakket_id is None
                or other.pakket_id is None
                or other.pakket_id == self.pakket_id
            )
            overlap = (tot is None or other.vanaf_jaar <= tot) and (
                other.tot_en_met_jaar is None or vanaf <= other.tot_en_met_jaar
            )
            if same_costs and overlap:
                periode = f"–{other.tot_en_met_jaar}" if other.tot_en_met_jaar else " en later"
                wat = "alle kosten" if other.pakket_id is None else other.pakket.naam
                raise ValidationError(
                    f"Deze regeling overlapt met de voorschotregeling {other.vanaf_jaar}{periode} "
                    f"({wat}): dan zou een gemeente hetzelfde voorschot twee keer betalen. Pas de "
                    "jaren aan."
                )
