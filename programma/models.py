from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partijen.models import Samenwerkingsverband
from regiekamer.declarations import Scope
from regiekamer.fields import BedragField
from regiekamer.freeze import FrozenGuard
from regiekamer.versioning import Versioned

from .constants import Kleurstatus, Rapportagestatus, Uitvoering

MONEY = {"max_digits": 12, "decimal_places": 2}
END_BEFORE_START = _("De einddatum ligt vóór de startdatum.")


class Programmaplan(Versioned):
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="programmaplannen",
        verbose_name=_("samenwerkingsverband"),
    )
    titel = models.CharField(_("titel"), max_length=300)
    jaar_van = models.PositiveSmallIntegerField(_("van jaar"))
    jaar_tot = models.PositiveSmallIntegerField(_("tot en met jaar"))
    versie = models.PositiveSmallIntegerField(_("versie"), default=1)
    datum = models.DateField(_("datum"), null=True, blank=True)
    van = models.CharField(_("van"), max_length=200, blank=True)
    voor = models.CharField(_("voor"), max_length=200, blank=True)
    aanleiding = models.TextField(_("aanleiding en achtergrond"), blank=True)
    programmamanager = models.CharField(
        _("programmamanager"), max_length=200, blank=True, help_text=_("Leeg: nog niet aangesteld.")
    )
    kwartiermaker = models.CharField(_("kwartiermaker"), max_length=200, blank=True)
    rapportage_interval_maanden = models.PositiveSmallIntegerField(
        _("rapportage elke … maanden"),
        default=2,
        help_text=_("De programmamanager rapporteert zo vaak aan de stuurgroep."),
    )
    bron = models.TextField(_("bron"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("programmaplan")
        verbose_name_plural = _("programmaplannen")
        ordering = ["samenwerkingsverband", "-jaar_van", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jaar_tot__gte=F("jaar_van")),
                name="programmaplan_periode",
                violation_error_message=_("Het laatste jaar ligt vóór het eerste jaar."),
            ),
            models.CheckConstraint(
                condition=Q(rapportage_interval_maanden__gte=1),
                name="programmaplan_interval",
                violation_error_message=_(
                    "Rapporteer minstens eens per zoveel maanden (1 of meer)."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.titel} (versie {self.versie})"

    def get_absolute_url(self):
        return reverse("programma:plan-detail", args=[self.samenwerkingsverband.afkorting, self.pk])

    @property
    def periode(self) -> str:
        return f"{self.jaar_van}–{self.jaar_tot}"


class Doel(Versioned):
    """A goal of the Regionaal Beleidsplan that the programme serves (§1)."""

    plan = models.ForeignKey(
        Programmaplan, on_delete=models.CASCADE, related_name="doelen", verbose_name=_("plan")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    tekst = models.TextField(_("doel"))
    history = HistoricalRecords()

    access_scope = Scope(via=("plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["plan", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "nummer"],
                name="uniek_doelnummer",
                violation_error_message=_("Dit plan heeft al een doel met dit nummer."),
            )
        ]

    def __str__(self):
        return f"{self.nummer}) {self.tekst[:60]}"


class Startvraag(Versioned):
    """A question every startbijeenkomst answers (§3)."""

    plan = models.ForeignKey(
        Programmaplan, on_delete=models.CASCADE, related_name="startvragen", verbose_name=_("plan")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    tekst = models.TextField(_("vraag"))
    history = HistoricalRecords()

    access_scope = Scope(via=("plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("vraag voor de startbijeenkomst")
        verbose_name_plural = _("vragen voor de startbijeenkomst")
        ordering = ["plan", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "nummer"],
                name="uniek_startvraagnummer",
                violation_error_message=_("Dit plan heeft al een vraag met dit nummer."),
            )
        ]

    def __str__(self):
        return f"{self.nummer}. {self.tekst[:60]}"


class Thema(Versioned):
    plan = models.ForeignKey(
        Programmaplan, on_delete=models.CASCADE, related_name="themas", verbose_name=_("plan")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    naam = models.CharField(_("naam"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["plan", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "nummer"],
                name="uniek_themanummer",
                violation_error_message=_("Dit plan heeft al een thema met dit nummer."),
            )
        ]

    def __str__(self):
        return f"Thema {self.nummer}: {self.naam}"


class OpdrachtQuerySet(models.QuerySet):
    def of_plan(self, plan):
        return self.filter(thema__plan=plan)

    def deelopdrachten(self):
        """The units that are planned and reported on: opdrachten without stappen, and stappen."""
        return self.filter(stappen__isnull=True)


OPDRACHT_ORDER = [
    "thema__plan",
    "thema__nummer",
    F("nummer").asc(nulls_first=True),
    F("stap").asc(nulls_first=True),
]


class Opdracht(Versioned):
    """A (deel)opdracht of the opdrachtenbundel in its standard format; a stap is an opdracht too.

    A stap (2.1 stap 1) points to its hoofdopdracht (2.1) and has its own title, results and
    planning; the other fields of the format are the hoofdopdracht's.
    """

    thema = models.ForeignKey(
        Thema, on_delete=models.CASCADE, related_name="opdrachten", verbose_name=_("thema")
    )
    nummer = models.PositiveSmallIntegerField(
        _("nummer binnen het thema"),
        null=True,
        blank=True,
        help_text=_("Leeg als het thema één opdracht zonder nummer heeft."),
    )
    hoofdopdracht = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stappen",
        verbose_name=_("hoofdopdracht"),
        help_text=_("Alleen bij een stap van een opdracht."),
    )
    stap = models.PositiveSmallIntegerField(_("stap"), null=True, blank=True)
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving opdracht"), blank=True)
    kaders = models.TextField(_("kaders en uitgangspunten"), blank=True)
    beschikbare_documentatie = models.TextField(_("beschikbare documentatie"), blank=True)
    financiering = models.TextField(_("financiële middelen"), blank=True)
    bedrag = BedragField(_("bedrag (€)"), null=True, blank=True, **MONEY)
    pm = models.BooleanField(_("PM (bedrag nog niet bekend)"), default=False)
    verantwoordelijk_uitvoerder = models.CharField(
        _("verantwoordelijk uitvoerder"), max_length=200, blank=True
    )
    samenstelling_uitvoerders = models.TextField(_("samenstelling uitvoerders"), blank=True)
    personele_capaciteit = models.TextField(_("personele capaciteit"), blank=True)
    relaties = models.ManyToManyField(
        "self", blank=True, verbose_name=_("relaties met andere opdrachten")
    )
    relatie_toelichting = models.TextField(_("relatie met andere projecten/opdrachten"), blank=True)
    bedrijfsvoeringsaspecten = models.TextField(_("bedrijfsvoeringsaspecten"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    eind = models.DateField(_("einde"), null=True, blank=True)
    risicos = models.TextField(_("risico's"), blank=True)
    planningsvolgorde = models.PositiveSmallIntegerField(
        _("regel in de planning"), null=True, blank=True
    )
    te_controleren = models.BooleanField(
        _("controleren"),
        default=False,
        help_text=_("Bij de invoer viel iets op dat een mens moet nakijken (zie opmerking)."),
    )
    controle_opmerking = models.TextField(_("opmerking bij controle"), blank=True)
    startbijeenkomst_op = models.DateField(_("startbijeenkomst gehouden op"), null=True, blank=True)
    geaccordeerd_op = models.DateField(
        _("resultaat startbijeenkomst geaccordeerd door de stuurgroep op"), null=True, blank=True
    )
    history = HistoricalRecords(m2m_fields=[relaties])

    objects = OpdrachtQuerySet.as_manager()

    access_scope = Scope(via=("thema__plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering = OPDRACHT_ORDER
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__isnull=True) | Q(start__isnull=True) | Q(eind__gte=F("start")),
                name="opdracht_eind_na_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(pm=False) | Q(bedrag__isnull=True),
                name="opdracht_bedrag_of_pm",
                violation_error_message=_("Vul een bedrag in of kies PM, niet allebei."),
            ),
            models.CheckConstraint(
                condition=Q(bedrag__isnull=True) | Q(bedrag__gte=0),
                name="opdracht_bedrag_positief",
                violation_error_message=_("Een bedrag is niet negatief."),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.titel}"

    def get_absolute_url(self):
        return reverse(
            "programma:opdracht-detail",
            args=[self.thema.plan.samenwerkingsverband.afkorting, self.pk],
        )

    @property
    def code(self) -> str:
        """1.4, 4 (a theme's only opdracht) or 2.1 stap 1."""
        base = (
            str(self.thema.nummer) if self.nummer is None else f"{self.thema.nummer}.{self.nummer}"
        )
        return f"{base} stap {self.stap}" if self.stap else base

    def clean(self):
        errors = {}
        if self.start and self.eind and self.eind < self.start:
            errors["eind"] = END_BEFORE_START
        if self.pm and self.bedrag is not None:
            errors["bedrag"] = _("Vul een bedrag in of kies PM, niet allebei.")
        if (self.stap is None) != (self.hoofdopdracht_id is None):
            errors["stap"] = _("Een stap hoort bij een hoofdopdracht, en andersom.")
        elif self.hoofdopdracht_id:
            parent = self.hoofdopdracht
            if parent.hoofdopdracht_id or parent.thema_id != self.thema_id:
                errors["hoofdopdracht"] = _(
                    "De hoofdopdracht is een opdracht (geen stap) van hetzelfde thema."
                )
        if errors:
            raise ValidationError(errors)
        if self.thema_id and self.titel:
            same = Opdracht.objects.filter(
                thema_id=self.thema_id, nummer=self.nummer, stap=self.stap
            ).exclude(pk=self.pk)
            if same.exists():
                raise ValidationError(
                    _("Dit thema heeft al een opdracht met nummer %s.") % self.code
                )

    def planning_text(self) -> str:
        if self.start and self.eind:
            return f"{self.start:%d-%m-%Y} tot {self.eind:%d-%m-%Y}"
        if self.start:
            return f"vanaf {self.start:%d-%m-%Y}, einde onbekend"
        return "nog niet gepland"


class Resultaat(Versioned):
    opdracht = models.ForeignKey(
        Opdracht, on_delete=models.CASCADE, related_name="resultaten", verbose_name=_("opdracht")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    tekst = models.TextField(_("resultaat"))
    geleverd = models.BooleanField(_("geleverd"), default=False)
    geleverd_op = models.DateField(_("geleverd op"), null=True, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("opdracht__thema__plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")
        ordering = ["opdracht", "volgorde", "pk"]

    def __str__(self):
        return self.tekst[:80]

    def clean(self):
        if self.geleverd_op and not self.geleverd:
            raise ValidationError(
                {"geleverd_op": _("Een datum van levering hoort bij een geleverd resultaat.")}
            )


class Startantwoord(Versioned):
    opdracht = models.ForeignKey(
        Opdracht,
        on_delete=models.CASCADE,
        related_name="startantwoorden",
        verbose_name=_("opdracht"),
    )
    vraag = models.ForeignKey(
        Startvraag, on_delete=models.CASCADE, related_name="antwoorden", verbose_name=_("vraag")
    )
    antwoord = models.TextField(_("antwoord"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("opdracht__thema__plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("antwoord startbijeenkomst")
        verbose_name_plural = _("antwoorden startbijeenkomst")
        ordering = ["opdracht", "vraag__nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["opdracht", "vraag"],
                name="uniek_startantwoord",
                violation_error_message=_("Deze vraag is voor deze opdracht al beantwoord."),
            )
        ]

    def __str__(self):
        return f"{self.opdracht.code}, vraag {self.vraag.nummer}"


class Budgetpost(Versioned):
    """A line of §5: an amount or PM, with what the regiegroep committed and spent."""

    plan = models.ForeignKey(
        Programmaplan, on_delete=models.CASCADE, related_name="budgetposten", verbose_name=_("plan")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    bedrag = BedragField(_("bedrag (€)"), null=True, blank=True, **MONEY)
    pm = models.BooleanField(_("PM (pro memorie)"), default=False)
    opdrachten = models.ManyToManyField(
        Opdracht, blank=True, related_name="budgetposten", verbose_name=_("opdrachten")
    )
    verplicht = BedragField(
        _("verplicht (€)"),
        default=0,
        help_text=_("Aangegane verplichtingen die nog niet zijn betaald."),
        **MONEY,
    )
    besteed = BedragField(_("besteed (€)"), default=0, **MONEY)
    history = HistoricalRecords(m2m_fields=[opdrachten])

    access_scope = Scope(via=("plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("budgetpost")
        verbose_name_plural = _("budgetposten")
        ordering = ["plan", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "nummer"],
                name="uniek_budgetpostnummer",
                violation_error_message=_("Dit plan heeft al een budgetpost met dit nummer."),
            ),
            models.CheckConstraint(
                condition=Q(pm=True, bedrag__isnull=True) | Q(pm=False, bedrag__isnull=False),
                name="budgetpost_bedrag_of_pm",
                violation_error_message=_("Vul een bedrag in, of kies PM zonder bedrag."),
            ),
            models.CheckConstraint(
                condition=Q(verplicht__gte=0) & Q(besteed__gte=0) & Q(bedrag__gte=0)
                | Q(verplicht__gte=0) & Q(besteed__gte=0) & Q(bedrag__isnull=True),
                name="budgetpost_niet_negatief",
                violation_error_message=_("Bedragen zijn niet negatief."),
            ),
        ]

    def __str__(self):
        return f"{self.nummer}. {self.omschrijving}"

    def get_absolute_url(self):
        return reverse(
            "programma:budget", args=[self.plan.samenwerkingsverband.afkorting, self.plan_id]
        )

    @property
    def restant(self):
        """What is still free: amount − committed − spent; None for a PM line."""
        if self.pm or self.bedrag is None:
            return None
        return self.bedrag - self.verplicht - self.besteed


FROZEN_MESSAGE = _(
    "Deze voortgangsrapportage is verzonden aan de stuurgroep en verandert niet meer. "
    "Stel een nieuwe rapportage op; die begint als kopie van deze."
)


FROZEN = {"status": Rapportagestatus.VASTGESTELD}


class VoortgangsrapportageQuerySet(models.QuerySet):
    def te_tonen(self):
        """The report to show of these (those of one samenwerkingsverband), on the dashboard
        and as the PDF: the latest sent to the stuurgroep, else the latest concept; None
        when there is none."""
        ordered = self.order_by("-peildatum", "-pk")
        return ordered.filter(**FROZEN).first() or ordered.first()

    def nieuwer_concept(self, rapportage):
        """The latest concept with a later peildatum than the sent ``rapportage`` (the one
        being written), or None."""
        if rapportage is None or not rapportage.is_frozen:
            return None
        later = self.filter(status=Rapportagestatus.CONCEPT, peildatum__gt=rapportage.peildatum)
        return later.order_by("-peildatum", "-pk").first()


class Voortgangsrapportage(FrozenGuard, Versioned):
    """The bimonthly progress report of §7; frozen once sent to the stuurgroep."""

    plan = models.ForeignKey(
        Programmaplan, on_delete=models.CASCADE, related_name="rapportages", verbose_name=_("plan")
    )
    peildatum = models.DateField(_("peildatum"))
    periode = models.CharField(
        _("periode"), max_length=100, help_text=_("Bijv. juli–augustus 2022.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Rapportagestatus.choices,
        default=Rapportagestatus.CONCEPT,
        editable=False,
    )
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    vorige = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="volgende",
        verbose_name=_("vorige rapportage"),
    )
    vastgesteld_op = models.DateTimeField(_("verzonden op"), null=True, blank=True, editable=False)
    # PROTECT: deleting the user would change the frozen record ("verzonden door ..."); a
    # beheerder deactivates such a user instead.
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("verzonden door"),
    )
    voorbeeld = models.BooleanField(
        _("voorbeeld"), default=False, help_text=_("Een voorbeeld, geen echte voortgang.")
    )
    history = HistoricalRecords()

    objects = VoortgangsrapportageQuerySet.as_manager()
    access_scope = Scope(via=("plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        ordering = ["plan", "-peildatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "peildatum"],
                name="uniek_rapportage_peildatum",
                violation_error_message=_("Er is al een rapportage met deze peildatum."),
            )
        ]

    def __str__(self):
        label = f"Voortgangsrapportage {self.periode}"
        return f"{label} (voorbeeld)" if self.voorbeeld else label

    def get_absolute_url(self):
        return reverse(
            "programma:rapportage-detail",
            args=[self.plan.samenwerkingsverband.afkorting, self.pk],
        )

    @property
    def is_frozen(self) -> bool:
        return self.status == Rapportagestatus.VASTGESTELD

    frozen_message = FROZEN_MESSAGE

    def frozen_record(self):
        return Voortgangsrapportage, FROZEN, self.pk


class Voortgangsregel(FrozenGuard, Versioned):
    """One row of §7: an opdracht's dates, colour and a short explanation in one report."""

    # What the regiegroep fills in per row, and what the next report copies from it.
    REPORTED_FIELDS = (
        "uitvoering",
        "startdatum",
        "realisatiedatum",
        "bijgestelde_datum",
        "kleurstatus",
        "toelichting",
    )

    rapportage = models.ForeignKey(
        Voortgangsrapportage,
        on_delete=models.CASCADE,
        related_name="regels",
        verbose_name=_("rapportage"),
    )
    opdracht = models.ForeignKey(
        Opdracht, on_delete=models.PROTECT, related_name="voortgang", verbose_name=_("opdracht")
    )
    uitvoering = models.CharField(
        _("uitvoering"), max_length=20, choices=Uitvoering.choices, default=Uitvoering.NIET_GESTART
    )
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    realisatiedatum = models.DateField(_("realisatiedatum"), null=True, blank=True)
    bijgestelde_datum = models.DateField(
        _("bijgestelde datum"),
        null=True,
        blank=True,
        help_text=_("Alleen als de realisatiedatum niet wordt gehaald."),
    )
    kleurstatus = models.CharField(
        _("kleurstatus"), max_length=10, choices=Kleurstatus.choices, blank=True
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("rapportage__plan__samenwerkingsverband",))

    class Meta:
        verbose_name = _("voortgangsregel")
        verbose_name_plural = _("voortgangsregels")
        ordering = [
            "rapportage",
            "opdracht__thema__nummer",
            F("opdracht__nummer").asc(nulls_first=True),
            F("opdracht__stap").asc(nulls_first=True),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["rapportage", "opdracht"],
                name="uniek_voortgangsregel",
                violation_error_message=_("Deze opdracht staat al in de rapportage."),
            )
        ]

    def __str__(self):
        return f"{self.opdracht.code} in {self.rapportage}"

    @property
    def verwachte_datum(self):
        """The date the opdracht is now expected to be done: the adjusted one if there is one."""
        return self.bijgestelde_datum or self.realisatiedatum

    frozen_message = FROZEN_MESSAGE

    def frozen_record(self):
        return Voortgangsrapportage, FROZEN, self.rapportage_id

    def clean(self):
        super().clean()
        errors = {}
        for name in ("realisatiedatum", "bijgestelde_datum"):
            value = getattr(self, name)
            if value and self.startdatum and value < self.startdatum:
                errors[name] = END_BEFORE_START
        if self.uitvoering == Uitvoering.LOPEND and not self.kleurstatus:
            errors["kleurstatus"] = _("Kies een kleurstatus voor een opdracht die loopt.")
        if self.uitvoering != Uitvoering.LOPEND:
            # Only a running opdracht has a colour (the report shows the others as nog niet
            # gestart or afgerond): a colour left or chosen on one is not kept, so neither
            # the report nor its history claims one.
            self.kleurstatus = ""
        if errors:
            raise ValidationError(errors)
