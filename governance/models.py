import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer import datums, vagedatum
from regiekamer.conditions import matches
from regiekamer.datums import Datumprecisie
from regiekamer.declarations import Scope
from regiekamer.fields import AantalField, AantalKleinField, UrenField
from regiekamer.getallen import AANTAL, format_number
from regiekamer.uploads import DOCUMENT_TYPES, ProtectedFileField, random_path, remember_file_name
from regiekamer.versioning import Versioned

from .constants import (
    Actiestatus,
    Agendapuntsoort,
    Besluitroute,
    Besluituitkomst,
    Gremiumsoort,
    Lidrol,
    Orgaan,
    Relatiesoort,
    Vergaderstatus,
    Voorzitterregel,
)


def _precisie(verbose_name):
    field = datums.precisie_field(default=Datumprecisie.DAG)
    field.verbose_name = verbose_name
    return field


def bestaat_op(op) -> Q:
    """The lookups of "the gremium exists on day ``op``": set up on or before it (or when not
    known) and not yet opgeheven. ``opgeheven`` is the first day it no longer exists; "vóór
    5-7-2021" is stored as 5-7-2021, so it is taken to last until the day before."""
    return (Q(ingesteld__isnull=True) | Q(ingesteld__lte=op)) & (
        Q(opgeheven__isnull=True) | Q(opgeheven__gt=op)
    )


class GremiumQuerySet(models.QuerySet):
    def op(self, op):
        """The gremia that exist on day ``op`` by their dates."""
        return self.filter(bestaat_op(op))

    def huidig(self, op=None):
        """The gremia that exist on ``op`` (today): by their dates, and today not marked
        historisch (a gremium that ended on a date nobody knows)."""
        today = timezone.localdate()
        op = op or today
        gremia = self.op(op)
        return gremia.filter(historisch=False) if op >= today else gremia


class Gremium(Versioned):
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="gremia",
        verbose_name=_("samenwerkingsverband"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=Gremiumsoort.choices)
    doel = models.TextField(_("doel en mandaat"), blank=True)
    cadans = models.CharField(_("vergadercadans"), max_length=100, blank=True)
    vergaderingen_per_jaar = AantalKleinField(_("vergaderingen per jaar"), null=True, blank=True)
    voorzitter = models.CharField(
        _("voorzitterschap"), max_length=20, choices=Voorzitterregel.choices, blank=True
    )
    roulerende_locatie = models.BooleanField(_("locatie rouleert over de gemeenten"), default=False)
    communicatie_vast_agendapunt = models.BooleanField(
        _("communicatie als vast agendapunt"), default=False
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gremia",
        verbose_name=_("gemeente (bij een lokaal gremium)"),
    )
    uren_per_week_per_gemeente = UrenField(
        _("uren per week per gemeente"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    ingesteld = models.DateField(
        _("ingesteld"),
        null=True,
        blank=True,
        help_text=_("De eerste dag van het gremium; leeg als de stukken die niet noemen."),
    )
    ingesteld_precisie = _precisie(_("nauwkeurigheid van 'ingesteld'"))
    opgeheven = models.DateField(
        _("opgeheven of opgevolgd per"),
        null=True,
        blank=True,
        help_text=_(
            "De eerste dag dat het gremium niet meer bestaat ('geldt tot 1-1-2015' is 1-1-2015); "
            "leeg zolang het bestaat."
        ),
    )
    opgeheven_precisie = _precisie(_("nauwkeurigheid van 'opgeheven'"))
    historisch = models.BooleanField(
        _("historisch"),
        default=False,
        help_text=_(
            "Bestaat niet meer. Volgt vanzelf uit de datum van opheffing; kruis het alleen zelf "
            "aan als die datum onbekend is."
        ),
    )
    periode = models.CharField(
        _("structuur"),
        max_length=40,
        blank=True,
        help_text=_(
            "De structuur waartoe het gremium hoort, bijvoorbeeld 2016 (het organogram toont "
            "er één tegelijk); de data staan bij ingesteld en opgeheven."
        ),
    )
    bron = models.TextField(_("bron"), blank=True)
    history = HistoricalRecords()

    objects = GremiumQuerySet.as_manager()
    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("gremium")
        verbose_name_plural = _("gremia")
        ordering = ["samenwerkingsverband", "historisch", "soort", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "naam", "periode"],
                name="uniek_gremium",
                violation_error_message=_("Er is al een gremium met deze naam in deze periode."),
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.periode})" if self.periode else self.naam

    def get_absolute_url(self):
        return reverse(
            "governance:gremium-detail", args=[self.samenwerkingsverband.afkorting, self.pk]
        )

    def clean(self):
        for veld in ("ingesteld", "opgeheven"):
            datum, precisie = getattr(self, veld), f"{veld}_precisie"
            if datum is None and getattr(self, precisie) == Datumprecisie.DAG:
                # No date and the form's default: the date is simply not known.
                setattr(self, precisie, Datumprecisie.ONBEKEND)
            # A date with "onbekend", or "medio" without a date, contradicts itself: refused.
            datums.check(datum, getattr(self, precisie), field=veld)
        if self.ingesteld and self.opgeheven and self.opgeheven <= self.ingesteld:
            raise ValidationError(
                {"opgeheven": _("Een gremium wordt pas na het instellen opgeheven.")}
            )
        if self.historisch and self.opgeheven and self.opgeheven > timezone.localdate():
            raise ValidationError(
                {
                    "historisch": _(
                        "Dit gremium bestaat tot %(datum)s en is dus nog niet historisch."
                    )
                    % {"datum": self.opgeheven_tekst}
                }
            )

    def save(self, *args, **kwargs):
        # Historisch follows from the date of opheffing (once it has passed).
        if self.opgeheven and self.opgeheven <= timezone.localdate():
            self.historisch = True
        super().save(*args, **kwargs)

    def bestaat_op(self, op=None) -> bool:
        """The gremium exists on ``op`` (today): the rule of ``Gremium.objects.huidig``."""
        today = timezone.localdate()
        op = op or today
        if op >= today and self.historisch:
            return False
        return (self.ingesteld is None or self.ingesteld <= op) and (
            self.opgeheven is None or op < self.opgeheven
        )

    @property
    def is_historisch(self) -> bool:
        """No longer exists (not: does not exist yet)."""
        today = timezone.localdate()
        return self.historisch or (self.opgeheven is not None and self.opgeheven <= today)

    @property
    def vergadert_hier(self) -> bool:
        """Its meetings are planned in Regiekamer: it exists, and is no college of B&W."""
        return not self.is_historisch and self.soort != Gremiumsoort.COLLEGE

    @property
    def ingesteld_tekst(self) -> str:
        return datums.tekst(self.ingesteld, self.ingesteld_precisie) if self.ingesteld else ""

    @property
    def opgeheven_tekst(self) -> str:
        if self.opgeheven:
            return datums.tekst(self.opgeheven, self.opgeheven_precisie)
        return "datum onbekend" if self.historisch else ""

    @property
    def looptijd(self) -> str:
        """'ingesteld per 1-9-2016, opgeheven vóór 5-7-2021', 'tot 1-1-2015': what is known of
        its dates."""
        delen = []
        for woord, datum, precisie, tekst in (
            ("ingesteld", self.ingesteld, self.ingesteld_precisie, self.ingesteld_tekst),
            ("opgeheven", self.opgeheven, self.opgeheven_precisie, self.opgeheven_tekst),
        ):
            if not tekst:
                continue
            if datum is None:
                delen.append(f"{woord} (datum onbekend)")
            elif precisie == Datumprecisie.DAG and woord == "opgeheven":
                # The first day it no longer exists, as seed 002 says it: "geldt tot 1-1-2015".
                delen.append(f"tot {tekst}")
            elif precisie == Datumprecisie.DAG:
                delen.append(f"{woord} per {tekst}")
            else:
                delen.append(f"{woord} {tekst}")
        return ", ".join(delen)


class GremiumRelatie(Versioned):
    """A line in the organogram: opdrachtgever of, escalates to, or afstemming with."""

    van = models.ForeignKey(
        Gremium, on_delete=models.CASCADE, related_name="relaties_van", verbose_name=_("van")
    )
    naar = models.ForeignKey(
        Gremium, on_delete=models.CASCADE, related_name="relaties_naar", verbose_name=_("naar")
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Relatiesoort.choices)
    history = HistoricalRecords()

    access_scope = Scope(via=("van__samenwerkingsverband",))

    class Meta:
        verbose_name = _("relatie tussen gremia")
        verbose_name_plural = _("relaties tussen gremia")
        constraints = [
            models.UniqueConstraint(
                fields=["van", "naar", "soort"],
                name="unieke_gremiumrelatie",
                violation_error_message=_("Deze relatie bestaat al."),
            ),
            models.CheckConstraint(
                condition=~Q(van=F("naar")),
                name="relatie_niet_met_zichzelf",
                violation_error_message=_("Een gremium heeft geen relatie met zichzelf."),
            ),
        ]

    def __str__(self):
        return f"{self.van.naam} {self.get_soort_display()} {self.naar.naam}"


class Subregio(Versioned):
    """A part of a larger region in a structure of the collaboration: the haltermodel of 2013
    has Midden-Limburg West and Midden-Limburg Oost, each with its gemeenten and inwoners."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="subregios",
        verbose_name=_("samenwerkingsverband"),
    )
    periode = models.CharField(
        _("structuur"), max_length=40, help_text=_("Dezelfde als bij de gremia, bijv. 2013.")
    )
    model = models.CharField(_("model"), max_length=100, help_text=_("Bijv. haltermodel."))
    naam = models.CharField(_("naam"), max_length=200)
    gemeenten = models.CharField(
        _("gemeenten"),
        max_length=300,
        help_text=_("Zoals de bron ze noemt; ook gemeenten buiten het samenwerkingsverband."),
    )
    inwoners = AantalField(_("inwoners (samen)"), null=True, blank=True)
    bron = models.TextField(_("bron"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("subregio")
        verbose_name_plural = _("subregio's")
        ordering = ["samenwerkingsverband", "periode", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "periode", "naam"],
                name="unieke_subregio",
                violation_error_message=_("Deze structuur heeft al een subregio met deze naam."),
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.model} {self.periode})"

    @property
    def inwoners_tekst(self) -> str:
        """'102.000', or 'onbekend'."""
        return format_number(self.inwoners, AANTAL) if self.inwoners is not None else "onbekend"


class Persoon(Versioned):
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="personen",
        verbose_name=_("gemeente"),
    )
    organisatie = models.CharField(_("externe organisatie"), max_length=200, blank=True)
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("Hierheen gaan uitnodigingen, rapportages en acties."),
    )
    gebruiker = models.OneToOneField(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persoon",
        verbose_name=_("gebruiker in Regiekamer"),
    )
    history = HistoricalRecords()

    access_scope = Scope(
        via=("lidmaatschappen__gremium__samenwerkingsverband", "gemeente__samenwerkingsverbanden")
    )

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_adres_url(self, samenwerkingsverband) -> str:
        """Where a missing e-mail address is filled in (berichten' verzendlijst)."""
        return reverse("governance:persoon-update", args=[samenwerkingsverband.afkorting, self.pk])


class Lidmaatschap(Versioned):
    persoon = models.ForeignKey(
        Persoon, on_delete=models.CASCADE, related_name="lidmaatschappen", verbose_name=_("persoon")
    )
    gremium = models.ForeignKey(
        Gremium, on_delete=models.CASCADE, related_name="lidmaatschappen", verbose_name=_("gremium")
    )
    rol = models.CharField(
        _("functie in het gremium"), max_length=30, choices=Lidrol.choices, default=Lidrol.LID
    )
    vanaf = models.DateField(_("vanaf"), null=True, blank=True)
    tot = models.DateField(_("tot en met"), null=True, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("gremium__samenwerkingsverband",))

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["gremium", "rol", "persoon__naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(vanaf__isnull=True) | Q(tot__gte=F("vanaf")),
                name="lidmaatschap_eind_na_begin",
                violation_error_message=_("Het lidmaatschap eindigt vóór het begint."),
            )
        ]

    def __str__(self):
        return f"{self.persoon} ({self.get_rol_display()}, {self.gremium.naam})"

    def is_actief(self, op=None) -> bool:
        """Within its own dates on ``op`` (today); a member of a gremium that exists then
        is asked of ``governance.query.lidmaatschappen_op``."""
        op = op or timezone.localdate()
        return (self.vanaf is None or self.vanaf <= op) and (self.tot is None or op <= self.tot)


BESLUITEN_GENOMEN = "In deze vergadering zijn besluiten vastgelegd: ze is gehouden."
NIET_ANNULEREN = BESLUITEN_GENOMEN + " Ze kan niet worden geannuleerd."


class Vergadering(Versioned):
    gremium = models.ForeignKey(
        Gremium, on_delete=models.CASCADE, related_name="vergaderingen", verbose_name=_("gremium")
    )
    begin = models.DateTimeField(_("begin"))
    eind = models.DateTimeField(_("eind"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    locatie_gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gastgemeente"),
    )
    voorzitter = models.ForeignKey(
        Persoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorgezeten_vergaderingen",
        verbose_name=_("voorzitter"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Vergaderstatus.choices, default=Vergaderstatus.GEPLAND
    )
    voorbeeld = models.BooleanField(
        _("voorbeeld"),
        default=False,
        help_text=_("Een voorbeeld in de demo, geen echte vergadering."),
    )
    # The calendar entry of the invitation (RFC 5545): its UID stays the same for the life of
    # the meeting, its SEQUENCE (volgnummer) goes up when a sent invitation changes.
    uid = models.UUIDField(
        _("kenmerk in agenda's"), default=uuid.uuid4, unique=True, editable=False
    )
    volgnummer = models.PositiveIntegerField(
        _("volgnummer van de uitnodiging"), default=0, editable=False
    )
    uitnodiging_verzonden_op = models.DateTimeField(
        _("uitnodiging verzonden op"), null=True, blank=True, editable=False
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("gremium__samenwerkingsverband",))

    # What the invitation in the members' calendars says: a change after it was sent is news.
    UITNODIGING_VELDEN = ("begin", "eind", "locatie", "locatie_gemeente_id", "status")

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["-begin"]
        indexes = [
            # Newest first (read backwards, with the admin's -pk) and the date drill-down.
            models.Index(fields=["begin", "id"], name="vergadering_begin_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__isnull=True) | Q(eind__gt=F("begin")),
                name="vergadering_eind_na_begin",
                violation_error_message=_("De vergadering eindigt vóór of op het begin."),
            ),
            models.UniqueConstraint(
                fields=["gremium", "begin"],
                name="unieke_vergadering",
                violation_error_message=_("Dit gremium vergadert op dit moment al."),
            ),
        ]

    def __str__(self):
        local = timezone.localtime(self.begin)
        return f"{self.gremium.naam} {local:%d-%m-%Y %H:%M}"

    def get_absolute_url(self):
        return reverse(
            "governance:vergadering-detail",
            args=[self.gremium.samenwerkingsverband.afkorting, self.pk],
        )

    @property
    def is_geannuleerd(self) -> bool:
        return self.status == Vergaderstatus.GEANNULEERD

    def heeft_besluiten(self) -> bool:
        """Whether besluiten were recorded at this meeting (so it was held)."""
        return self.pk is not None and Besluit.objects.filter(agendapunt__vergadering=self).exists()

    def clean(self):
        """A meeting with besluiten was held: it is not cancelled, nor moved to the future
        (which would undo ``reden_geen_besluit`` afterwards)."""
        super().clean()
        if not self.heeft_besluiten():
            return
        if self.is_geannuleerd:
            raise ValidationError({"status": NIET_ANNULEREN})
        if self.begin and self.begin > timezone.now():
            raise ValidationError(
                {"begin": BESLUITEN_GENOMEN + " Het begin kan niet in de toekomst liggen."}
            )

    def reden_geen_besluit(self, now=None) -> str:
        """Why no besluit can be recorded at this meeting (yet), in Dutch; "" when it can: a
        decision is taken in the meeting, so not before it began, nor in a cancelled one."""
        if self.is_geannuleerd:
            return "Deze vergadering is geannuleerd: daarin is geen besluit genomen."
        if self.begin > (now or timezone.now()):
            begin = timezone.localtime(self.begin)
            return (
                f"De vergadering van {begin:%d-%m-%Y %H:%M} is nog niet begonnen: leg het besluit "
                "vast zodra het in de vergadering is genomen."
            )
        return ""

    @property
    def kan_besluiten(self) -> bool:
        """Whether a besluit may be recorded at this meeting now (``reden_geen_besluit``)."""
        return not self.reden_geen_besluit()

    @property
    def is_uitgenodigd(self) -> bool:
        """The members have the invitation (and the calendar entry)."""
        return self.uitnodiging_verzonden_op is not None

    def uitnodiging_gewijzigd(self) -> bool:
        """The rule of the iCalendar SEQUENCE: after the invitation went out, a change of begin,
        eind, locatie or gastgemeente, or the cancellation, is a new version of the calendar
        entry (the members' calendars replace the older one). Read against the stored row."""
        if self._state.adding or self.pk is None or not self.is_uitgenodigd:
            return False
        stored = type(self)._base_manager.filter(pk=self.pk).values(*self.UITNODIGING_VELDEN)
        stored = stored.first()
        if stored is None:
            return False
        changed = {f for f in self.UITNODIGING_VELDEN if stored[f] != getattr(self, f)}
        if changed == {"status"}:
            # Of the status only the cancellation is news for a calendar.
            return self.is_geannuleerd
        return bool(changed)

    def save(self, *args, **kwargs):
        if self.uitnodiging_gewijzigd():
            self.volgnummer += 1
            update_fields = kwargs.get("update_fields")
            if update_fields:
                kwargs["update_fields"] = {*update_fields, "volgnummer"}
        super().save(*args, **kwargs)


class Agendapunt(Versioned):
    vergadering = models.ForeignKey(
        Vergadering,
        on_delete=models.CASCADE,
        related_name="agendapunten",
        verbose_name=_("vergadering"),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    titel = models.CharField(_("titel"), max_length=300)
    soort = models.CharField(_("soort"), max_length=20, choices=Agendapuntsoort.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("vergadering__gremium__samenwerkingsverband",))

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["vergadering", "volgorde"]

    def __str__(self):
        return f"{self.volgorde}. {self.titel}"

    def get_absolute_url(self):
        return f"{self.vergadering.get_absolute_url()}#agendapunt-{self.volgorde}"


def stuk_path(instance, filename: str) -> str:
    """A random name under ``stukken/YYYY/MM/``; the user's name is kept in ``bestandsnaam``."""
    return random_path("stukken", filename)


VERWIJZING_MESSAGE = _(
    "Verwijs naar een pagina binnen Regiekamer: een pad dat met één / begint, zoals "
    "/samenwerkingsverbanden/MLW/kosten/; geen adres van een andere site (// of een schema als "
    "https: of javascript:), geen \\ en geen spaties of stuurtekens."
)


def is_internal_path(value: str) -> bool:
    """A path inside Regiekamer that a browser cannot read as another site or as a script:
    one leading ``/`` (not ``//`` or ``/\\``), no backslash, no whitespace or control character
    (a browser drops a tab or newline, so ``/<tab>/host`` would become ``//host``)."""
    return (
        value.startswith("/")
        and "\\" not in value
        and not any(c.isspace() or not c.isprintable() for c in value)
        and not value.startswith("//")
        and url_has_allowed_host_and_scheme(value, allowed_hosts=None)
    )


def validate_internal_path(value: str) -> None:
    if value and not is_internal_path(value):
        raise ValidationError(VERWIJZING_MESSAGE, code="verwijzing")


class Stuk(Versioned):
    """A document for an agendapunt: an uploaded file or a link to a page in Regiekamer."""

    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.CASCADE, related_name="stukken", verbose_name=_("agendapunt")
    )
    titel = models.CharField(_("titel"), max_length=300)
    bestand = ProtectedFileField(
        _("bestand"), upload_to=stuk_path, blank=True, types=DOCUMENT_TYPES
    )
    bestandsnaam = models.CharField(
        _("oorspronkelijke bestandsnaam"), max_length=255, blank=True, editable=False
    )
    verwijzing = models.CharField(
        _("verwijzing naar een pagina in Regiekamer"),
        max_length=500,
        blank=True,
        help_text=_("Bijvoorbeeld /samenwerkingsverbanden/MLW/kosten/ of een convenantversie."),
        validators=[validate_internal_path],
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("agendapunt__vergadering__gremium__samenwerkingsverband",))

    class Meta:
        verbose_name = _("stuk")
        verbose_name_plural = _("stukken")
        ordering = ["agendapunt", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(bestand="") | ~Q(verwijzing=""),
                name="stuk_bestand_of_verwijzing",
                violation_error_message=_("Een stuk is een bestand of een verwijzing."),
            )
        ]

    def __str__(self):
        return self.titel

    def save(self, *args, **kwargs):
        remember_file_name(self.bestand, self, "bestandsnaam")
        super().save(*args, **kwargs)

    def get_file_url(self, field_name: str) -> str:
        return reverse(
            "governance:stuk-download",
            args=[self.agendapunt.vergadering.gremium.samenwerkingsverband.afkorting, self.pk],
        )

    def get_url(self) -> str:
        """The link to show; a verwijzing stored before the rule (or past it) is no link."""
        if self.bestand:
            return self.bestand.url
        return self.verwijzing if is_internal_path(self.verwijzing) else ""


class Besluit(Versioned):
    gremium = models.ForeignKey(
        Gremium, on_delete=models.CASCADE, related_name="besluiten", verbose_name=_("gremium")
    )
    agendapunt = models.ForeignKey(
        Agendapunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("agendapunt"),
    )
    datum = models.DateField(
        _("datum"),
        null=True,
        blank=True,
        help_text=_("Leeg alleen bij 'datum onbekend'."),
    )
    datum_precisie = datums.precisie_field()
    tekst = models.TextField(_("besluit"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Besluituitkomst.choices)
    route = models.CharField(
        _("route"), max_length=20, choices=Besluitroute.choices, default=Besluitroute.VERGADERING
    )
    bron = models.TextField(
        _("bron"),
        blank=True,
        help_text=_("Het stuk waarin het besluit staat, bij een besluit volgens de stukken."),
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("gremium__samenwerkingsverband",))

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        # Newest first, a decision of unknown date last (regiekamer.datums).
        ordering = [datums.sort_key("datum", descending=True), "gremium", "-pk"]
        indexes = [
            # The lists' order (and the admin's date drill-down, its first and last date):
            # the newest page is read from the index, not sorted from every row.
            datums.SortKeyIndex(
                datums.sort_key("datum", descending=True), name="besluit_datum_idx"
            ),
        ]

    def __str__(self):
        return f"{self.gremium.naam} {self.datum_tekst}: {self.tekst[:60]}"

    @property
    def datum_tekst(self) -> str:
        """'30-8-2016', 'vóór 5-7-2021', 'datum onbekend'."""
        return datums.tekst(self.datum, self.datum_precisie)

    def get_absolute_url(self):
        if self.agendapunt_id:
            return self.agendapunt.get_absolute_url()
        return reverse(
            "governance:besluit-list", args=[self.gremium.samenwerkingsverband.afkorting]
        )

    def _stored_agendapunt_id(self) -> int | None:
        """The agendapunt as stored (None for a new besluit)."""
        if self._state.adding or self.pk is None:
            return None
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("agendapunt_id", flat=True)
        return stored.first()

    def clean(self):
        datums.check(self.datum, self.datum_precisie)
        if self.route == Besluitroute.VERGADERING and self.agendapunt_id is None:
            raise ValidationError(
                {"agendapunt": _("Een besluit in de vergadering hoort bij een agendapunt.")}
            )
        if self.route == Besluitroute.STUKKEN and not self.bron.strip():
            raise ValidationError({"bron": _("Noem het stuk waarin dit besluit staat.")})
        if self.agendapunt_id and self.agendapunt_id != self._stored_agendapunt_id():
            reden = self.agendapunt.vergadering.reden_geen_besluit()
            if reden:
                raise ValidationError({"agendapunt": reden})


def te_laat(op=None) -> dict:
    """The rule "te laat" of an actiepunt, as lookups: open, with its deadline before ``op``
    (today). Asked of a queryset by ``Actiepunt.objects.te_laat()`` and of one actiepunt by
    ``Actiepunt.is_overdue()``."""
    return {"status": Actiestatus.OPEN, "deadline__lt": op or timezone.localdate()}


class ActiepuntQuerySet(models.QuerySet):
    def te_laat(self, op=None):
        """The actiepunten that are overdue on ``op`` (today)."""
        return self.filter(**te_laat(op))


class Actiepunt(Versioned):
    """A line of the actie- en planningslijst."""

    gremium = models.ForeignKey(
        Gremium, on_delete=models.CASCADE, related_name="actiepunten", verbose_name=_("gremium")
    )
    vergadering = models.ForeignKey(
        Vergadering,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        verbose_name=_("bronvergadering"),
    )
    omschrijving = models.TextField(_("omschrijving"))
    eigenaar = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actiepunten",
        verbose_name=_("eigenaar"),
    )
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Actiestatus.choices, default=Actiestatus.OPEN
    )
    history = HistoricalRecords()

    objects = ActiepuntQuerySet.as_manager()
    access_scope = Scope(via=("gremium__samenwerkingsverband",))

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["status", "deadline"]
        indexes = [
            # The lists' order, with the admin's last key (-pk): a page without a sort of all.
            models.Index(fields=["status", "deadline", "-id"], name="actiepunt_volgorde_idx"),
        ]

    def __str__(self):
        return self.omschrijving[:80]

    def get_absolute_url(self):
        return reverse(
            "governance:actiepunt-list", args=[self.gremium.samenwerkingsverband.afkorting]
        )

    def is_overdue(self, op=None) -> bool:
        """Open and past its deadline on ``op`` (today): the rule ``te_laat``."""
        return matches(self, te_laat(op))

    @property
    def vergaderdag(self) -> date | None:
        """The day of the meeting the action was agreed in (None: none)."""
        if self.vergadering is None:
            return None
        return timezone.localdate(self.vergadering.begin)

    def clean(self):
        """An action agreed in a meeting is due on or after that meeting's day."""
        super().clean()
        dag = self.vergaderdag
        if dag and self.deadline and self.deadline < dag:
            raise ValidationError(
                {
                    "deadline": "De uiterste datum ligt vóór de vergadering waarin de actie is "
                    f"afgesproken ({dag.strftime('%d-%m-%Y')})."
                }
            )


class Knelpunt(Versioned):
    """The escalation register of convenant art. 11."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="knelpunten",
        verbose_name=_("samenwerkingsverband"),
    )
    omschrijving = models.TextField(_("omschrijving"))
    ingebracht_door = models.CharField(_("ingebracht door"), max_length=200)
    datum = models.DateField(_("datum"))
    doorlopen_gremia = models.ManyToManyField(
        Gremium, blank=True, related_name="knelpunten", verbose_name=_("besproken in")
    )
    geescaleerd_op = models.DateField(
        _("geëscaleerd naar de gemeentesecretarissen op"), null=True, blank=True
    )
    oplossing = models.TextField(_("oplossing"), blank=True)
    opgelost_op = models.DateField(_("opgelost op"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[doorlopen_gremia])

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("knelpunt")
        verbose_name_plural = _("knelpunten")
        ordering = ["-datum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(geescaleerd_op__isnull=True) | Q(geescaleerd_op__gte=F("datum")),
                name="knelpunt_escalatie_na_datum",
                violation_error_message=_("Een knelpunt wordt pas na het inbrengen geëscaleerd."),
            )
        ]

    def __str__(self):
        return self.omschrijving[:80]

    def get_absolute_url(self):
        return reverse(
            "governance:knelpunt-update", args=[self.samenwerkingsverband.afkorting, self.pk]
        )

    @property
    def is_open(self) -> bool:
        return self.opgelost_op is None


def _gepland_field(verbose_name, help_text=""):
    return models.CharField(verbose_name, max_length=200, blank=True, help_text=help_text)


GEPLAND_HULP = _(
    "Zoals het stuk het schrijft: '7 of 14 april 2015', 'april/mei 2015', "
    "'februari/uiterlijk 23 maart 2015', 'uiterlijk 1 april 2015'."
)


class Geplande(models.Model):
    """A planned date as written (``gepland``) with its earliest and latest day, read from it by
    ``regiekamer.vagedatum`` on every save (``clean``), for sorting and for "te laat"."""

    gepland = _gepland_field(_("gepland"), GEPLAND_HULP)
    gepland_vanaf = models.DateField(_("gepland vanaf"), null=True, blank=True, editable=False)
    gepland_uiterlijk = models.DateField(
        _("gepland uiterlijk"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The dates always follow the text, also when a row is saved without its form.
        try:
            self.lees_gepland()
        except ValidationError:
            # An unreadable text saved without its form (forms refuse it): kept, without dates.
            self.gepland_vanaf = self.gepland_uiterlijk = None
        super().save(*args, **kwargs)

    def planjaar(self) -> int | None:
        """The year of a planned text that names none."""
        return None

    def lees_gepland(self) -> None:
        if not self.gepland.strip():
            self.gepland, self.gepland_vanaf, self.gepland_uiterlijk = "", None, None
            return
        try:
            vaag = vagedatum.parse(self.gepland, self.planjaar())
        except vagedatum.VageDatumFout as fout:
            raise ValidationError({"gepland": str(fout)}) from None
        self.gepland, self.gepland_vanaf, self.gepland_uiterlijk = (
            vaag.tekst,
            vaag.vanaf,
            vaag.uiterlijk,
        )

    def stand(self, op=None) -> str:
        return vagedatum.stand(self.gepland_uiterlijk, self.datum, op or timezone.localdate())

    @property
    def stand_woorden(self) -> str:
        return vagedatum.Stand.WOORDEN[self.stand()]

    @property
    def is_te_laat(self) -> bool:
        return self.stand() == vagedatum.Stand.TE_LAAT


def _check_datum(datum, veld="datum"):
    if datum and datum > timezone.localdate():
        raise ValidationError(
            {veld: _("Een datum waarop het gebeurd is ligt niet in de toekomst.")}
        )
    # "1-1-0001" is a typing error, not a decision (the planned dates take 1900 on, too).
    if datum and datum.year < vagedatum.JAAR_VAN:
        raise ValidationError(
            {veld: _("Vul een datum vanaf %(jaar)s in.") % {"jaar": vagedatum.JAAR_VAN}}
        )


class Voorstel(Versioned):
    """A voorstel of the collaboration that goes through the college and/or the council of each
    participating gemeente (seed 001: "Collegebesluit", "Raadsbesluit"; seed 000: the colleges
    entered into the convenant on 30-8-2016)."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="voorstellen",
        verbose_name=_("samenwerkingsverband"),
    )
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    gremium = models.ForeignKey(
        Gremium,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorstellen",
        verbose_name=_("voorgesteld door (gremium)"),
    )
    besluit = models.ForeignKey(
        Besluit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorstellen",
        verbose_name=_("voortgekomen uit besluit"),
    )
    bron = models.TextField(_("bron"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        ordering = ["samenwerkingsverband", "titel"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "titel"],
                name="uniek_voorstel",
                violation_error_message=_("Er is al een voorstel met deze titel."),
            )
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse(
            "governance:voorstel-detail", args=[self.samenwerkingsverband.afkorting, self.pk]
        )

    def clean(self):
        sv = self.samenwerkingsverband_id
        if self.gremium_id and self.gremium.samenwerkingsverband_id != sv:
            raise ValidationError({"gremium": _("Kies een gremium van dit samenwerkingsverband.")})
        if self.besluit_id and self.besluit.gremium.samenwerkingsverband_id != sv:
            raise ValidationError({"besluit": _("Kies een besluit van dit samenwerkingsverband.")})
        if self.pk and self.processtappen.exclude(planning__samenwerkingsverband_id=sv).exists():
            raise ValidationError(
                {
                    "samenwerkingsverband": _(
                        "Een processtap van een planning van een ander samenwerkingsverband "
                        "volgt dit voorstel; haal het daar eerst weg."
                    )
                }
            )


class Behandeling(Geplande, Versioned):
    """The voorstel in the college or the council of one gemeente: planned (as written), done
    (the date), the outcome, and the decision it was recorded as."""

    voorstel = models.ForeignKey(
        Voorstel, on_delete=models.CASCADE, related_name="behandelingen", verbose_name=_("voorstel")
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="behandelingen", verbose_name=_("gemeente")
    )
    orgaan = models.CharField(_("orgaan"), max_length=20, choices=Orgaan.choices)
    datum = models.DateField(_("behandeld op"), null=True, blank=True)
    uitkomst = models.CharField(
        _("uitkomst"), max_length=20, choices=Besluituitkomst.choices, blank=True
    )
    besluit = models.ForeignKey(
        Besluit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="behandelingen",
        verbose_name=_("vastgelegd als besluit"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("voorstel__samenwerkingsverband",))

    class Meta:
        verbose_name = _("behandeling")
        verbose_name_plural = _("behandelingen")
        ordering = ["voorstel", "orgaan", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorstel", "gemeente", "orgaan"],
                name="unieke_behandeling",
                violation_error_message=_(
                    "Dit voorstel staat al bij dit orgaan van deze gemeente."
                ),
            )
        ]

    def __str__(self):
        return f"{self.voorstel.titel}: {self.get_orgaan_display()} {self.gemeente.naam}"

    def get_absolute_url(self):
        return self.voorstel.get_absolute_url()

    def clean(self):
        self.lees_gepland()
        _check_datum(self.datum)
        if self.uitkomst and self.uitkomst != Besluituitkomst.ONBEKEND and not self.datum:
            raise ValidationError({"datum": _("Vul de datum in waarop het besluit is genomen.")})
        if self.datum and not self.uitkomst:
            raise ValidationError(
                {"uitkomst": _("Vul de uitkomst in (of 'Uitkomst niet bekend').")}
            )
        # The voorstel of a new row in the admin is not saved yet: its form already gave it
        # the samenwerkingsverband, so a gemeente or besluit of another one is refused there too.
        voorstel = Behandeling.voorstel.field.get_cached_value(self, None)
        if voorstel is None and self.voorstel_id:
            voorstel = self.voorstel
        if self.gemeente_id and voorstel is not None and voorstel.samenwerkingsverband_id:
            sv = voorstel.samenwerkingsverband
            eerder = (
                Behandeling.objects.filter(pk=self.pk).values_list("gemeente_id", flat=True).first()
                if self.pk
                else None
            )
            # A past behandeling of a gemeente that has since left stays as it was.
            if eerder != self.gemeente_id and not sv.gemeenten.filter(pk=self.gemeente_id).exists():
                raise ValidationError(
                    {"gemeente": _("Deze gemeente neemt niet deel aan het samenwerkingsverband.")}
                )
            if self.besluit_id and self.besluit.gremium.samenwerkingsverband_id != sv.pk:
                raise ValidationError(
                    {"besluit": _("Kies een besluit van dit samenwerkingsverband.")}
                )
        if self.besluit_id and self.besluit.gremium.gemeente_id not in (None, self.gemeente_id):
            raise ValidationError(
                {"besluit": _("Dit besluit is van een gremium van een andere gemeente.")}
            )


class Procesplanning(Versioned):
    """A process planning with fasen and stappen (seed 001: Verkenning, Uitwerking, Besluit)."""

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="procesplanningen",
        verbose_name=_("samenwerkingsverband"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    jaar = models.PositiveSmallIntegerField(
        _("jaar"),
        help_text=_("Het jaar van een geplande datum die geen jaar noemt ('27 maart')."),
    )
    bron = models.TextField(_("bron"), blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("procesplanning")
        verbose_name_plural = _("procesplanningen")
        ordering = ["samenwerkingsverband", "-jaar", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "naam"],
                name="unieke_procesplanning",
                violation_error_message=_("Er is al een procesplanning met deze naam."),
            )
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse(
            "governance:procesplanning-detail", args=[self.samenwerkingsverband.afkorting, self.pk]
        )

    def clean(self):
        if self.jaar is not None and not 1900 <= self.jaar <= 2200:
            raise ValidationError({"jaar": _("Vul een jaar tussen 1900 en 2200 in.")})


class Processtap(Geplande, Versioned):
    """One step of a planning: its fase, what, where (the gremium, the colleges, the councils)
    and when as written; a step in the colleges or councils follows its voorstel's route."""

    planning = models.ForeignKey(
        Procesplanning, on_delete=models.CASCADE, related_name="stappen", verbose_name=_("planning")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    fase = models.CharField(_("fase"), max_length=100)
    stap = models.CharField(_("stap"), max_length=300)
    waar = models.CharField(
        _("waar"), max_length=200, blank=True, help_text=_("Bijv. 'in colleges BenW', 'BReSDO'.")
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar (als de planning er geen noemt)"),
        null=True,
        blank=True,
        help_text=_("Leeg: het jaar van de planning."),
    )
    orgaan = models.CharField(
        _("route langs"),
        max_length=20,
        choices=Orgaan.choices,
        blank=True,
        help_text=_("Een stap in de colleges of raden van elke gemeente."),
    )
    voorstel = models.ForeignKey(
        Voorstel,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processtappen",
        verbose_name=_("voorstel"),
    )
    datum = models.DateField(_("gedaan op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("planning__samenwerkingsverband",))

    class Meta:
        verbose_name = _("processtap")
        verbose_name_plural = _("processtappen")
        ordering = ["planning", "volgorde", "pk"]

    def __str__(self):
        return f"{self.fase}: {self.stap}"

    def get_absolute_url(self):
        return self.planning.get_absolute_url()

    def planjaar(self) -> int | None:
        if self.jaar:
            return self.jaar
        # The planning of a new page is not saved yet; its form already gave it the year.
        planning = Processtap.planning.field.get_cached_value(self, None)
        if planning is None and self.planning_id:
            planning = self.planning
        return planning.jaar if planning is not None else None

    def clean(self):
        self.lees_gepland()
        _check_datum(self.datum)
        if self.jaar is not None and not 1900 <= self.jaar <= 2200:
            raise ValidationError({"jaar": _("Vul een jaar tussen 1900 en 2200 in.")})
        # The planning of a new page is not saved yet; its form already gave it its
        # samenwerkingsverband.
        planning = Processtap.planning.field.get_cached_value(self, None)
        if planning is None and self.planning_id:
            planning = self.planning
        if (
            self.voorstel_id
            and planning is not None
            and self.voorstel.samenwerkingsverband_id != planning.samenwerkingsverband_id
        ):
            raise ValidationError(
                {"voorstel": _("Kies een voorstel van dit samenwerkingsverband.")}
            )
        if self.voorstel_id and not self.orgaan:
            raise ValidationError(
                {"orgaan": _("Kies of de stap langs de colleges of de raden gaat.")}
            )
