from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer import datums
from regiekamer.declarations import Scope
from regiekamer.uploads import SCAN_TYPES, ProtectedFileField, random_path, remember_file_name
from regiekamer.versioning import Versioned, VersionedBase

from .constants import Aanspreekvorm, ConvenantStatus, Herijkingssoort


def convenant_scan_path(instance, filename: str) -> str:
    """A random name under ``convenanten/YYYY/MM/``; the user's name is kept on the convenant."""
    return random_path("convenanten", filename)


# The rule "its text is final", as lookups (``regiekamer.conditions``): signed, and its text
# recorded (a signed convenant known only by name may still have its text entered).
TEXT_LOCKED = {"status": ConvenantStatus.ONDERTEKEND, "zonder_tekst": False}


class ConvenantQuerySet(models.QuerySet):
    def huidig(self):
        """The current convenant among these (those of one samenwerkingsverband) as far as its
        text is recorded: the latest signed one with its text, else the latest with its text,
        else the latest at all; None when there is none. Latest: by dagtekening, then
        inwerkingtreding (a convenant without a date counts as older), then the newest version.
        The convenant PDF and the raadsinformatiebrief both ask this.

        A later convenant known only by name (``zonder_tekst``, like the 2018 one of
        ML-West) is not returned: there is no text to print or quote. Whoever shows the one
        returned says that a later one is known (``Convenant.latere_zonder_tekst``)."""
        ordered = self.order_by(
            F("dagtekening").desc(nulls_last=True),
            F("inwerkingtreding").desc(nulls_last=True),
            "-versie",
            "-pk",
        )
        met_tekst = ordered.filter(zonder_tekst=False)
        return (
            met_tekst.filter(status=ConvenantStatus.ONDERTEKEND).first()
            or met_tekst.first()
            or ordered.first()
        )


class Convenant(VersionedBase):
    # ``versie`` is the document's version (1, 2, ...); edits count in ``revisie``.
    version_field = "revisie"

    titel = models.CharField(_("titel"), max_length=300)
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.PROTECT,
        related_name="convenanten",
        verbose_name=_("samenwerkingsverband"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ConvenantStatus.choices, default=ConvenantStatus.CONCEPT
    )
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    dagtekening_precisie = datums.precisie_field()
    inwerkingtreding = models.DateField(_("inwerkingtreding"), null=True, blank=True)
    opmerking_inwerkingtreding = models.TextField(
        _("opmerking bij de inwerkingtreding"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld wanneer de bronnen elkaar tegenspreken: wat elk zegt, zonder te kiezen."
        ),
    )
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    zonder_tekst = models.BooleanField(
        _("tekst niet vastgelegd"),
        default=False,
        help_text=_(
            "Aan: het convenant is bekend (zie de bron), maar de tekst ervan is niet vastgelegd."
        ),
    )
    bron = models.CharField(
        _("bron"),
        max_length=300,
        blank=True,
        help_text=_("Het document waaruit dit convenant bekend is."),
    )
    # The document's own words around its parties and articles, as the document has them.
    kop = models.CharField(
        _("kop van het document"),
        max_length=200,
        blank=True,
        help_text=_("Zoals het document begint, bijvoorbeeld 'UITVOERINGSCONVENANT'."),
    )
    ondertitel = models.CharField(_("ondertitel"), max_length=300, blank=True)
    aanhef = models.TextField(
        _("aanhef"),
        blank=True,
        help_text=_(
            "De zin vóór de partijen, bijvoorbeeld 'De colleges van de gemeenten in de regio "
            "..., te weten ...,'. Leeg: Regiekamer schrijft een aanhef met de gemeenten."
        ),
    )
    begripsbepaling = models.TextField(
        _("begripsbepaling"),
        blank=True,
        help_text=_(
            "Na de partijen, bijvoorbeeld 'Elk van de gemeenten afzonderlijk te noemen "
            "gemeente en gezamenlijk te noemen de gemeenten'."
        ),
    )
    kop_artikelen = models.CharField(
        _("kop boven de artikelen"),
        max_length=300,
        blank=True,
        help_text=_("Na 'Komen overeen het volgende:', als het document daar een kop heeft."),
    )
    voorganger = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opvolgers",
        verbose_name=_("voorganger"),
        help_text=_("Het convenant waarop dit convenant een vervolg is."),
    )
    versie = models.PositiveSmallIntegerField(_("versie"), default=1, editable=False)
    vorige_versie = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="volgende_versie",
        verbose_name=_("vorige versie"),
    )
    scan = ProtectedFileField(
        _("getekende scan"),
        upload_to=convenant_scan_path,
        blank=True,
        types=SCAN_TYPES,
    )
    scan_bestandsnaam = models.CharField(
        _("oorspronkelijke bestandsnaam van de scan"), max_length=255, blank=True, editable=False
    )
    revisie = models.PositiveIntegerField(_("revisie"), default=1, editable=False)
    history = HistoricalRecords()

    objects = ConvenantQuerySet.as_manager()
    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("convenant")
        verbose_name_plural = _("convenanten")
        ordering = ["samenwerkingsverband__naam", "-dagtekening", "titel", "-versie"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(inwerkingtreding__isnull=True)
                | Q(einddatum__gte=F("inwerkingtreding")),
                name="convenant_einddatum_na_inwerkingtreding",
                violation_error_message=_("De einddatum ligt vóór de inwerkingtreding."),
            )
        ]

    def __str__(self):
        if self.versie > 1:
            return f"{self.titel} (versie {self.versie})"
        return self.titel

    def save(self, *args, **kwargs):
        remember_file_name(self.scan, self, "scan_bestandsnaam")
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.dagtekening is not None:  # no dagtekening: not (yet) signed, or not known
            datums.check(self.dagtekening, self.dagtekening_precisie, "dagtekening")
        elif (
            self.status == ConvenantStatus.ONDERTEKEND
            and not self.zonder_tekst
            and self.dagtekening_precisie != datums.Datumprecisie.ONBEKEND
        ):
            # A signed text carries the day it was signed (or says that it is not known).
            raise ValidationError(
                {
                    "dagtekening": _(
                        "Een ondertekend convenant heeft een dagtekening: vul de datum van "
                        "ondertekening in (of kies bij de nauwkeurigheid 'datum onbekend')."
                    )
                }
            )

    @property
    def dagtekening_tekst(self) -> str:
        """'31 augustus 2016', or '2018' when the documents give only the year; '' when none."""
        if self.dagtekening is None and self.dagtekening_precisie != datums.Datumprecisie.ONBEKEND:
            return ""
        return datums.tekst(self.dagtekening, self.dagtekening_precisie, lang=True)

    def latere_zonder_tekst(self):
        """The convenanten known to follow this one whose text is not recorded: this one is
        then not the current convenant, and every page and PDF that shows it says so."""
        return [c for c in self.opvolgers.all() if c.zonder_tekst]

    def get_absolute_url(self):
        return reverse("convenant:convenant-detail", args=[self.pk])

    def get_file_url(self, field_name: str) -> str:
        return reverse("convenant:convenant-scan", args=[self.pk])

    LOCKED_MESSAGE = _(
        "Dit convenant is ondertekend: de tekst verandert niet meer. "
        "Maak een nieuwe versie om een wijziging op te stellen."
    )

    def is_text_locked(self) -> bool:
        """A signed convenant's text (overwegingen, artikelen, ondertekenaars) is final, once it
        is recorded: the text of a signed convenant known only by name (``zonder_tekst``) can
        still be entered.

        Asks the database, so a form that changes the status in memory cannot unlock it.
        """
        if self.pk is None:
            return False
        return Convenant.objects.filter(pk=self.pk, **TEXT_LOCKED).exists()

    @property
    def jaar(self):
        date = self.dagtekening or self.inwerkingtreding
        return date.year if date else None

    def has_next_version(self) -> bool:
        return Convenant.objects.filter(vorige_versie=self).exists()

    def get_versions(self):
        """All versions of this convenant, oldest first, in one query."""
        rows = {
            c.pk: c
            for c in Convenant.objects.filter(
                samenwerkingsverband_id=self.samenwerkingsverband_id
            ).only("pk", "titel", "versie", "status", "dagtekening", "vorige_versie_id")
        }
        first = rows[self.pk]
        while first.vorige_versie_id in rows:
            first = rows[first.vorige_versie_id]
        next_of = {c.vorige_versie_id: c for c in rows.values() if c.vorige_versie_id}
        versions = [first]
        while versions[-1].pk in next_of:
            versions.append(next_of[versions[-1].pk])
        return versions

    @transaction.atomic
    def create_new_version(self):
        """Copy this convenant, with everything it holds, as a new concept version.

        "Een wijziging van dit convenant wordt schriftelijk overeengekomen": the signed text
        stays as it was, the change is drafted in the new version.
        """
        if self.has_next_version():
            raise ValueError("Van deze versie bestaat al een volgende versie.")
        nieuw = Convenant.objects.create(
            titel=self.titel,
            samenwerkingsverband=self.samenwerkingsverband,
            status=ConvenantStatus.CONCEPT,
            inwerkingtreding=self.inwerkingtreding,
            opmerking_inwerkingtreding=self.opmerking_inwerkingtreding,
            einddatum=self.einddatum,
            toelichting=self.toelichting,
            zonder_tekst=self.zonder_tekst,
            bron=self.bron,
            kop=self.kop,
            ondertitel=self.ondertitel,
            aanhef=self.aanhef,
            begripsbepaling=self.begripsbepaling,
            kop_artikelen=self.kop_artikelen,
            voorganger=self.voorganger,
            versie=self.versie + 1,
            vorige_versie=self,
        )
        _copy(self.overwegingen.all(), ("letter", "tekst"), convenant=nieuw)
        for artikel in self.artikelen.prefetch_related("onderdelen"):
            kopie = Artikel.objects.create(
                convenant=nieuw,
                nummer=artikel.nummer,
                tekst=artikel.tekst,
                slottekst=artikel.slottekst,
            )
            _copy(artikel.onderdelen.all(), ("letter", "tekst"), artikel=kopie)
        # The parties stay the same: who signs for each is the starting point of the new
        # version (changed there when another wethouder signs); the college's decision of the
        # earlier version is not this one's.
        signers = ("gemeente_id", "naam", "aanspreekvorm", "functie")
        _copy(self.ondertekenaars.all(), signers, convenant=nieuw)
        moments = ("soort", "datum", "datum_precisie", "omschrijving")
        _copy(self.herijkingsmomenten.all(), moments, convenant=nieuw)
        return nieuw


def _copy(rows, fields: tuple[str, ...], **parent) -> None:
    """A copy of each row, with these fields, under ``parent`` (a new version's convenant)."""
    for row in rows:
        type(row).objects.create(**{name: getattr(row, name) for name in fields}, **parent)


class Overweging(Versioned):
    convenant = models.ForeignKey(
        Convenant,
        on_delete=models.CASCADE,
        related_name="overwegingen",
        verbose_name=_("convenant"),
    )
    letter = models.CharField(_("letter"), max_length=3)
    tekst = models.TextField(_("tekst"))
    history = HistoricalRecords()

    access_scope = Scope(via=("convenant__samenwerkingsverband",))

    class Meta:
        verbose_name = _("overweging")
        verbose_name_plural = _("overwegingen")
        ordering = ["convenant", Length("letter"), "letter"]
        constraints = [
            models.UniqueConstraint(
                fields=["convenant", "letter"],
                name="unieke_overweging_letter",
                violation_error_message=_("Deze letter is al gebruikt voor een overweging."),
            )
        ]

    def __str__(self):
        return f"{self.letter}) {Truncator(self.tekst).words(10)}"

    def get_absolute_url(self):
        return f"{self.convenant.get_absolute_url()}#overweging-{self.letter}"


class Artikel(Versioned):
    convenant = models.ForeignKey(
        Convenant, on_delete=models.CASCADE, related_name="artikelen", verbose_name=_("convenant")
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    tekst = models.TextField(_("tekst"))
    slottekst = models.TextField(
        _("slottekst"), blank=True, help_text=_("Tekst na de onderdelen, indien aanwezig.")
    )
    history = HistoricalRecords()

    access_scope = Scope(via=("convenant__samenwerkingsverband",))

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        ordering = ["convenant", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["convenant", "nummer"],
                name="uniek_artikelnummer",
                violation_error_message=_("Dit convenant heeft al een artikel met dit nummer."),
            ),
            models.CheckConstraint(
                condition=Q(nummer__gte=1),
                name="artikelnummer_positief",
                violation_error_message=_("Een artikelnummer is 1 of hoger."),
            ),
        ]

    def __str__(self):
        return f"Artikel {self.nummer}"

    def get_absolute_url(self):
        return f"{self.convenant.get_absolute_url()}#artikel-{self.nummer}"

    def full_text(self) -> str:
        """The article as one text: its text, its sub-items and its closing text."""
        regels = [self.tekst]
        regels += [f"{o.letter}. {o.tekst}" for o in self.onderdelen.all()]
        if self.slottekst:
            regels.append(self.slottekst)
        return "\n".join(regels)


class Artikelonderdeel(Versioned):
    artikel = models.ForeignKey(
        Artikel, on_delete=models.CASCADE, related_name="onderdelen", verbose_name=_("artikel")
    )
    letter = models.CharField(_("letter"), max_length=3)
    tekst = models.TextField(_("tekst"))
    history = HistoricalRecords()

    access_scope = Scope(via=("artikel__convenant__samenwerkingsverband",))

    class Meta:
        verbose_name = _("artikelonderdeel")
        verbose_name_plural = _("artikelonderdelen")
        ordering = ["artikel", Length("letter"), "letter"]
        constraints = [
            models.UniqueConstraint(
                fields=["artikel", "letter"],
                name="uniek_artikelonderdeel",
                violation_error_message=_("Dit artikel heeft al een onderdeel met deze letter."),
            )
        ]

    def __str__(self):
        return f"{self.letter}. {Truncator(self.tekst).words(10)}"

    def get_absolute_url(self):
        return self.artikel.get_absolute_url()


class Ondertekenaar(Versioned):
    convenant = models.ForeignKey(
        Convenant,
        on_delete=models.CASCADE,
        related_name="ondertekenaars",
        verbose_name=_("convenant"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("namens gemeente")
    )
    naam = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Zoals midden in een zin: 'drs. P.P.H. Sterk'; onder de handtekening: 'Drs.'."),
    )
    aanspreekvorm = models.CharField(
        _("aanspreekvorm"), max_length=20, choices=Aanspreekvorm.choices, blank=True
    )
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    datum_collegebesluit = models.DateField(_("datum collegebesluit"), null=True, blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("convenant__samenwerkingsverband",))

    class Meta:
        verbose_name = _("ondertekenaar")
        verbose_name_plural = _("ondertekenaars")
        ordering = ["convenant", "gemeente__naam", "naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return self.convenant.get_absolute_url()


class HerijkingsmomentQuerySet(models.QuerySet):
    def geldend(self):
        """The moments of the convenanten the parties agreed on (vastgesteld or ondertekend).
        A new version in concept copies its moments but agrees to nothing yet: its copies (and
        moments added in it) count once it is vastgesteld. Of a samenwerkingsverband with only
        concepten, the concepten's moments: they are all there is."""
        agreed = Convenant.objects.filter(
            samenwerkingsverband=OuterRef("convenant__samenwerkingsverband")
        ).exclude(status=ConvenantStatus.CONCEPT)
        return self.filter(~Q(convenant__status=ConvenantStatus.CONCEPT) | ~Exists(agreed))

    def komend(self, op=None):
        """The herijkingsmomenten on or after ``op`` (today), the next one first. A new
        convenant version copies its moments: of one date, the newest version's copy first."""
        op = op or timezone.localdate()
        return self.filter(datum__gte=op).order_by("datum", "-convenant__versie")

    def geweest(self, op=None):
        """The herijkingsmomenten before ``op`` (today), the last one first."""
        op = op or timezone.localdate()
        return self.filter(datum__lt=op).order_by("-datum", "-convenant__versie")


class Herijkingsmoment(Versioned):
    convenant = models.ForeignKey(
        Convenant,
        on_delete=models.CASCADE,
        related_name="herijkingsmomenten",
        verbose_name=_("convenant"),
    )
    soort = models.CharField(
        _("soort"),
        max_length=20,
        choices=Herijkingssoort.choices,
        default=Herijkingssoort.HERIJKING,
        help_text=_("Een herijking is het go/no-go-moment; een evaluatie bereidt die voor."),
    )
    datum = models.DateField(_("datum"))
    datum_precisie = datums.precisie_field()
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    history = HistoricalRecords()

    objects = HerijkingsmomentQuerySet.as_manager()
    access_scope = Scope(via=("convenant__samenwerkingsverband",))

    class Meta:
        verbose_name = _("herijkingsmoment")
        verbose_name_plural = _("herijkingsmomenten")
        ordering = ["convenant", "datum"]

    def __str__(self):
        return f"{self.datum_tekst}: {self.omschrijving}"

    @property
    def datum_tekst(self) -> str:
        """'1-1-2019', or 'medio 2018' as the document says it (``regiekamer.datums``)."""
        return datums.tekst(self.datum, self.datum_precisie)

    @property
    def datum_tekst_lang(self) -> str:
        """'1 januari 2019', or 'medio 2018' as the document says it."""
        return datums.tekst(self.datum, self.datum_precisie, lang=True)

    @property
    def exact(self) -> bool:
        """Known to the day: only then does counting the days until it mean anything."""
        return self.datum_precisie == datums.Datumprecisie.DAG

    def clean(self):
        super().clean()
        if self.datum is not None:  # an empty date is the field's own error
            datums.check(self.datum, self.datum_precisie)

    def get_absolute_url(self):
        return self.convenant.get_absolute_url()
