import calendar
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from convenant.models import Convenant
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.declarations import Scope
from regiekamer.fields import BedragField, FteField, PercentageField, UrenField
from regiekamer.getallen import BEDRAG, format_number
from regiekamer.versioning import Versioned

from .constants import (
    GERESERVEERDE_NAAM_FOUT,
    Kostensoort,
    Pakketsoort,
    Pakketverdeling,
    Werkgroepsoort,
    gereserveerde_pakketnaam,
)

ZERO = Decimal("0")


def last_day_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


class Fase(Versioned):
    """A period with its own FTE levels, whole months from ``begin`` to ``eind``."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="fasen",
        verbose_name=_("samenwerkingsverband"),
    )
    convenant = models.ForeignKey(
        Convenant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fasen",
        verbose_name=_("convenant"),
    )
    naam = models.CharField(_("naam"), max_length=100)
    begin = models.DateField(_("begin"), help_text=_("De eerste dag van een maand."))
    eind = models.DateField(_("eind"), help_text=_("De laatste dag van een maand."))
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")
        ordering = ["samenwerkingsverband", "begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__gte=F("begin")),
                name="fase_eind_na_begin",
                violation_error_message=_("Het einde van de fase ligt vóór het begin."),
            ),
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "naam"],
                name="unieke_fasenaam",
                violation_error_message=_("Er is al een fase met deze naam."),
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.begin:%d-%m-%Y} t/m {self.eind:%d-%m-%Y})"

    def get_absolute_url(self):
        return reverse("formatie:bezetting", args=[self.samenwerkingsverband.afkorting])

    def clean(self):
        errors = {}
        if self.begin and self.begin.day != 1:
            errors["begin"] = _("Een fase begint op de eerste dag van een maand.")
        if self.eind and self.eind != last_day_of_month(self.eind):
            errors["eind"] = _("Een fase eindigt op de laatste dag van een maand.")
        if errors:
            raise ValidationError(errors)

    def find_overlap(self):
        """Another stored fase of the same samenwerkingsverband that overlaps this one, or None.

        Checked where one fase is edited on its own (the admin); the fasen page checks the
        submitted rows against each other instead.
        """
        if not (self.begin and self.eind and self.samenwerkingsverband_id):
            return None
        return (
            Fase.objects.filter(
                samenwerkingsverband_id=self.samenwerkingsverband_id,
                begin__lte=self.eind,
                eind__gte=self.begin,
            )
            .exclude(pk=self.pk)
            .first()
        )


class PakketQuerySet(models.QuerySet):
    def plus(self):
        return self.filter(soort=Pakketsoort.PLUS)


class Pakket(Versioned):
    """A part of what a samenwerkingsverband does, with who pays for it.

    The basispakket is what every gemeente takes (seed 001: "met alle twaalf gemeenten"); its
    costs follow the samenwerkingsverband's verdeelsleutel, as a rol without pakket does. A
    pluspakket or module is taken by some gemeenten only (seed 004: "specifiek afgerekend met de
    betreffende deelnemer"); its costs are split over that year's deelnemers (Pakketdeelname)
    by ``verdeling``. Seed 001's tasks a-e are parts of the basispakket, so a samenwerkingsverband
    may hold several pakketten of soort basis: together they are its basispakket.
    """

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="pakketten",
        verbose_name=_("samenwerkingsverband"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(
        _("soort"), max_length=10, choices=Pakketsoort.choices, default=Pakketsoort.PLUS
    )
    verdeling = models.CharField(
        _("verdeling van de kosten"),
        max_length=10,
        choices=Pakketverdeling.choices,
        blank=True,
        help_text=_("Alleen bij een pluspakket; het basispakket volgt de verdeelsleutel."),
    )
    peildatum = models.DateField(
        _("peildatum inwonertallen"),
        null=True,
        blank=True,
        help_text=_(
            "Alleen bij verdeling naar inwonertal. Leeg: de peildatum van de verdeelsleutel "
            "van het jaar."
        ),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = PakketQuerySet.as_manager()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("pakket")
        verbose_name_plural = _("pakketten")
        ordering = ["samenwerkingsverband", "soort", "volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "naam"],
                name="unieke_pakketnaam",
                violation_error_message=_("Er is al een pakket met deze naam."),
            ),
            models.CheckConstraint(
                condition=(Q(soort=Pakketsoort.BASIS) & Q(verdeling="") & Q(peildatum__isnull=True))
                | (Q(soort=Pakketsoort.PLUS) & ~Q(verdeling="")),
                name="pakket_verdeling_past_bij_soort",
                violation_error_message=_(
                    "Een pluspakket heeft een verdeling; het basispakket volgt de verdeelsleutel."
                ),
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("formatie:bezetting", args=[self.samenwerkingsverband.afkorting])

    @property
    def is_basis(self) -> bool:
        return self.soort == Pakketsoort.BASIS

    def clean(self):
        if (
            self.pk
            and self.samenwerkingsverband_id
            and self.rollen.exclude(samenwerkingsverband_id=self.samenwerkingsverband_id).exists()
        ):
            # Its rollen stay where they are: a pakket moved to another samenwerkingsverband
            # (or to a scenario) would split the costs of rollen that are not its own.
            raise ValidationError(
                {
                    "samenwerkingsverband": _(
                        "Dit pakket heeft rollen van een ander samenwerkingsverband; het blijft "
                        "bij dat samenwerkingsverband."
                    )
                }
            )
        if self.soort == Pakketsoort.PLUS and gereserveerde_pakketnaam(self.naam):
            raise ValidationError({"naam": GERESERVEERDE_NAAM_FOUT})
        if self.soort == Pakketsoort.BASIS:
            if self.verdeling:
                raise ValidationError(
                    {"verdeling": _("Het basispakket volgt de verdeelsleutel: laat dit leeg.")}
                )
            if self.peildatum:
                raise ValidationError(
                    {"peildatum": _("Het basispakket volgt de verdeelsleutel: laat dit leeg.")}
                )
        elif not self.verdeling:
            raise ValidationError({"verdeling": _("Kies hoe de kosten worden verdeeld.")})
        elif self.peildatum and self.verdeling != Pakketverdeling.INWONERS:
            raise ValidationError(
                {"peildatum": _("Een peildatum hoort alleen bij verdeling naar inwonertal.")}
            )


class Pakketdeelname(Versioned):
    """A gemeente takes part in a pluspakket, in the begrotingsjaren ``vanaf_jaar`` to
    ``tot_en_met_jaar`` (empty: from the start, or with no end): seed 001's "wisselende
    coalities" change from year to year."""

    pakket = models.ForeignKey(
        Pakket, on_delete=models.CASCADE, related_name="deelnames", verbose_name=_("pakket")
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="pakketdeelnames",
        verbose_name=_("gemeente"),
    )
    vanaf_jaar = models.PositiveSmallIntegerField(_("vanaf jaar"), null=True, blank=True)
    tot_en_met_jaar = models.PositiveSmallIntegerField(_("tot en met jaar"), null=True, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("pakket__samenwerkingsverband",))

    class Meta:
        verbose_name = _("deelname aan een pakket")
        verbose_name_plural = _("deelnames aan pakketten")
        ordering = ["pakket", "gemeente__naam", "vanaf_jaar"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot_en_met_jaar__isnull=True)
                | Q(vanaf_jaar__isnull=True)
                | Q(tot_en_met_jaar__gte=F("vanaf_jaar")),
                name="pakketdeelname_periode",
                violation_error_message=_("Het eindjaar ligt vóór het beginjaar."),
            ),
        ]

    def __str__(self):
        return f"{self.gemeente} in {self.pakket}"

    def get_absolute_url(self):
        return self.pakket.get_absolute_url()

    def covers(self, jaar: int) -> bool:
        return (self.vanaf_jaar is None or self.vanaf_jaar <= jaar) and (
            self.tot_en_met_jaar is None or jaar <= self.tot_en_met_jaar
        )


class Rol(Versioned):
    """A regional role, with how it is paid (kostensoort) and the FTE per fase (Bezetting)."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="rollen",
        verbose_name=_("samenwerkingsverband"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    # Bijlage 1 names a rol in its cost table otherwise than in the formation ("Informatie
    # analyse" there is "informatieanalyse (fase 1: 1.092 u, …)" here); the parameters after
    # the name are computed (``kosten.tabel.rol_label``), never stored.
    naam_in_kostentabel = models.CharField(
        _("benaming in de kostentabel"),
        max_length=200,
        blank=True,
        help_text=_(
            "Zoals de kostentabel de rol noemt, als dat anders is dan de naam "
            "(Bijlage 1: 'informatieanalyse'). Leeg: de naam. De kostengrondslag "
            "(schaal, uren, uurtarief, bedragen per fase) komt er vanzelf achter."
        ),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    omschrijving = models.TextField(_("omschrijving / profiel"), blank=True)
    # Named after the column of the workbook; it places the rol above the overview's
    # "Subtotaal" row. The structural formation is the basisformatie, not that subtotal.
    structureel = models.BooleanField(
        _("boven het subtotaal"),
        default=True,
        help_text=_(
            "Telt mee in de regel Subtotaal van het bezettingsoverzicht (in Bijlage 1 de eerste "
            "vijf rollen). De structurele formatie is de basisformatie, ook van rollen eronder."
        ),
    )
    opmerking = models.CharField(_("opmerking"), max_length=500, blank=True)
    leverende_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="geleverde_rollen",
        verbose_name=_("leverende gemeente"),
    )
    kostensoort = models.CharField(_("kostensoort"), max_length=10, choices=Kostensoort.choices)
    pakket = models.ForeignKey(
        Pakket,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rollen",
        verbose_name=_("pakket"),
        help_text=_("Leeg: het basispakket (de verdeelsleutel, alle gemeenten)."),
    )
    schaal = models.PositiveSmallIntegerField(_("salarisschaal"), null=True, blank=True)
    uurtarief = BedragField(
        _("uurtarief"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )
    uren_per_fte_per_maand = UrenField(
        _("uren per fte per maand"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("156"),
        validators=[MinValueValidator(ZERO)],
    )
    basisformatie = FteField(
        _("basisformatie (fte)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        ordering = ["samenwerkingsverband", "volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "naam"],
                name="unieke_rolnaam",
                violation_error_message=_("Er is al een rol met deze naam."),
            )
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("formatie:bezetting", args=[self.samenwerkingsverband.afkorting])

    def clean(self):
        if (
            self.pakket_id
            and self.samenwerkingsverband_id
            and self.pakket.samenwerkingsverband_id != self.samenwerkingsverband_id
        ):
            raise ValidationError(
                {"pakket": _("Dit pakket hoort bij een ander samenwerkingsverband.")}
            )
        if self.kostensoort == Kostensoort.SCHAAL and self.schaal is None:
            raise ValidationError({"schaal": _("Een rol op salarisschaal heeft een schaal nodig.")})
        if self.kostensoort == Kostensoort.UUR and self.uurtarief is None:
            raise ValidationError({"uurtarief": _("Een ingehuurde rol heeft een uurtarief nodig.")})

    def ontbrekende_bedragen(self) -> list:
        """The amounts (salarisschaal, uurtarief) this saved rol's costs need and lack, as
        ``kosten.verdeling.Ontbrekend``: the rol is saved, and the browser form, the admin and
        the workbook import warn with these (``kosten.verdeling.missing_per_rol``)."""
        from .kostengevolg import engine

        return engine().ontbrekend(self.samenwerkingsverband).get(self.pk, [])

    @property
    def heeft_fte(self) -> bool:
        """Roles paid per fase (vast) hold an amount, not FTE."""
        return self.kostensoort != Kostensoort.VAST

    @property
    def waardeveld(self) -> str:
        """The field of this rol's Bezetting that holds its value (``Bezetting.waarde``):
        ``fte``, or ``bedrag`` for a rol paid per fase (vast)."""
        return "fte" if self.heeft_fte else "bedrag"


class Jaarbedrag(Versioned):
    """An amount that holds from a begrotingsjaar on, and how it was set: typed (no
    ``indexatie``) or indexed from the year before by a percentage with its source
    ("Nieuw begrotingsjaar", ``formatie/begrotingsjaar.py``)."""

    jaar = models.PositiveSmallIntegerField(_("vanaf begrotingsjaar"))
    indexatie = PercentageField(
        _("indexatie (%)"), max_digits=6, decimal_places=3, null=True, blank=True
    )
    # Its example ("CAO Gemeenten 2027") is the Nieuw begrotingsjaar form's help text.
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        abstract = True


class Salarisschaal(Jaarbedrag):
    """The integral yearly cost of one FTE in a salary scale, from a begrotingsjaar on."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="salarisschalen",
        verbose_name=_("samenwerkingsverband"),
    )
    schaal = models.PositiveSmallIntegerField(_("schaal"))
    jaarkosten_per_fte = BedragField(
        _("integrale jaarkosten per fte"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(ZERO)],
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("salarisschaal")
        verbose_name_plural = _("salarisschalen")
        ordering = ["samenwerkingsverband", "schaal", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "schaal", "jaar"],
                name="unieke_schaal_per_jaar",
                violation_error_message=_("Deze schaal heeft voor dit jaar al een bedrag."),
            )
        ]

    def __str__(self):
        bedrag = format_number(self.jaarkosten_per_fte, BEDRAG)
        return f"schaal {self.schaal} vanaf {self.jaar}: € {bedrag}"


class Uurtarief(Jaarbedrag):
    """The hourly rate of a hired rol from a begrotingsjaar on; the rol's own ``uurtarief``
    holds from the formation's first year until the first of these."""

    rol = models.ForeignKey(
        Rol, on_delete=models.CASCADE, related_name="uurtarieven", verbose_name=_("rol")
    )
    uurtarief = BedragField(
        _("uurtarief"), max_digits=8, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("rol__samenwerkingsverband",))

    class Meta:
        verbose_name = _("uurtarief per jaar")
        verbose_name_plural = _("uurtarieven per jaar")
        ordering = ["rol", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["rol", "jaar"],
                name="uniek_uurtarief_per_jaar",
                violation_error_message=_("Deze rol heeft voor dit jaar al een uurtarief."),
            )
        ]

    def __str__(self):
        return f"{self.rol}: uurtarief vanaf {self.jaar}"


class Bezetting(Versioned):
    """FTE of a rol in a fase; for a rol paid per fase (vast), the amount instead."""

    rol = models.ForeignKey(
        Rol, on_delete=models.CASCADE, related_name="bezettingen", verbose_name=_("rol")
    )
    fase = models.ForeignKey(
        Fase, on_delete=models.CASCADE, related_name="bezettingen", verbose_name=_("fase")
    )
    fte = FteField(
        _("fte"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )
    bedrag = BedragField(
        _("bedrag"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("rol__samenwerkingsverband",))

    class Meta:
        verbose_name = _("bezetting")
        verbose_name_plural = _("bezettingen")
        ordering = ["rol", "fase__begin"]
        constraints = [
            models.UniqueConstraint(
                fields=["rol", "fase"],
                name="unieke_bezetting",
                violation_error_message=_("Deze rol heeft in deze fase al een bezetting."),
            ),
            models.CheckConstraint(
                condition=(Q(fte__isnull=True) | Q(fte__gte=0))
                & (Q(bedrag__isnull=True) | Q(bedrag__gte=0)),
                name="bezetting_niet_negatief",
                violation_error_message=_("Fte en bedrag zijn 0 of meer."),
            ),
        ]

    def __str__(self):
        return f"{self.rol} in {self.fase.naam}"

    @property
    def waarde(self) -> Decimal | None:
        """The value of this cell of the bezettingsoverzicht: the fte, or for a rol paid per
        fase (vast) the amount. The one place that decides which (``Rol.waardeveld``)."""
        return getattr(self, self.rol.waardeveld)


class Werkgroep(Versioned):
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="werkgroepen",
        verbose_name=_("samenwerkingsverband"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Werkgroepsoort.choices)
    uren_per_week_per_gemeente = UrenField(
        _("uren per week per gemeente"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("werkgroep")
        verbose_name_plural = _("werkgroepen")
        ordering = ["samenwerkingsverband", "soort", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "naam"],
                name="unieke_werkgroep",
                violation_error_message=_("Er is al een werkgroep met deze naam."),
            )
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("formatie:bezetting", args=[self.samenwerkingsverband.afkorting])
