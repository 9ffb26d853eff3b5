from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regiekamer.fields import AantalField
from regiekamer.freeze import FrozenGuard
from regiekamer.getallen import AANTAL, format_number
from regiekamer.uploads import SCAN_TYPES, ProtectedFileField, random_path, remember_file_name
from regiekamer.versioning import Versioned, VersionedBase

from .constants import ConvenantStatus, JuridischeVorm
from .query import GemeenteQuerySet


class Domein(Versioned):
    """A policy domain the collaboration covers: Wmo, Jeugd, Participatiewet, ..."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gemeente(Versioned):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    adres = models.CharField(_("adres (straat en huisnummer)"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    history = HistoricalRecords()

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("convenant:gemeente-detail", args=[self.pk])

    def get_latest_inwonertal(self):
        """The inwonertal with the latest peildatum, or None when none is known."""
        return self.inwonertallen.order_by("-peildatum").first()


class Inwonertal(Versioned):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="inwonertallen", verbose_name=_("gemeente")
    )
    peildatum = models.DateField(_("peildatum"))
    aantal = AantalField(_("aantal inwoners"))
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        ordering = ["gemeente__naam", "-peildatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "peildatum"],
                name="uniek_inwonertal_per_peildatum",
                violation_error_message=_(
                    "Voor deze gemeente is op deze peildatum al een inwonertal."
                ),
            )
        ]

    def __str__(self):
        return f"{format_number(self.aantal, AANTAL)} inwoners op {self.peildatum:%d-%m-%Y}"

    def get_absolute_url(self):
        return self.gemeente.get_absolute_url()


class Samenwerkingsverband(Versioned):
    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.SlugField(
        _("afkorting"),
        max_length=20,
        unique=True,
        help_text=_("Unieke code, bijvoorbeeld MLW; gebruikt in adressen en opdrachten."),
    )
    juridische_vorm = models.CharField(
        _("juridische vorm"), max_length=40, choices=JuridischeVorm.choices
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

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["naam"]

    def __str__(self):
        return f"{self.naam} ({self.afkorting})"

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

    class Meta:
        verbose_name = _("toegang")
        verbose_name_plural = _("toegang")

    def __str__(self):
        return f"Toegang van {self.gebruiker}"


def convenant_scan_path(instance, filename: str) -> str:
    """A random name under ``convenanten/YYYY/MM/``; the user's name is kept on the convenant."""
    return random_path("convenanten", filename)


class ConvenantQuerySet(models.QuerySet):
    def huidig(self):
        """The current convenant among these (those of one samenwerkingsverband): the latest
        signed one, else the latest at all; None when there is none. Latest: by dagtekening,
        then inwerkingtreding (a convenant without a date counts as older), then the newest
        version. The convenant PDF and the raadsinformatiebrief both ask this."""
        ordered = self.order_by(
            F("dagtekening").desc(nulls_last=True),
            F("inwerkingtreding").desc(nulls_last=True),
            "-versie",
            "-pk",
        )
        return ordered.filter(status=ConvenantStatus.ONDERTEKEND).first() or ordered.first()


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
    inwerkingtreding = models.DateField(_("inwerkingtreding"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
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

    def get_absolute_url(self):
        return reverse("convenant:convenant-detail", args=[self.pk])

    def get_file_url(self, field_name: str) -> str:
        return reverse("convenant:convenant-scan", args=[self.pk])

    LOCKED_MESSAGE = _(
        "Dit convenant is ondertekend: de tekst verandert niet meer. "
        "Maak een nieuwe versie om een wijziging op te stellen."
    )

    def is_text_locked(self) -> bool:
        """A signed convenant's text (overwegingen, artikelen, ondertekenaars) is final.

        Asks the database, so a form that changes the status in memory cannot unlock it.
        """
        if self.pk is None:
            return False
        return Convenant.objects.filter(pk=self.pk, status=ConvenantStatus.ONDERTEKEND).exists()

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
            einddatum=self.einddatum,
            toelichting=self.toelichting,
            voorganger=self.voorganger,
            versie=self.versie + 1,
            vorige_versie=self,
        )
        for overweging in self.overwegingen.all():
            Overweging.objects.create(
                convenant=nieuw, letter=overweging.letter, tekst=overweging.tekst
            )
        for artikel in self.artikelen.prefetch_related("onderdelen"):
            kopie = Artikel.objects.create(
                convenant=nieuw,
                nummer=artikel.nummer,
                tekst=artikel.tekst,
                slottekst=artikel.slottekst,
            )
            for onderdeel in artikel.onderdelen.all():
                Artikelonderdeel.objects.create(
                    artikel=kopie, letter=onderdeel.letter, tekst=onderdeel.tekst
                )
        for moment in self.herijkingsmomenten.all():
            Herijkingsmoment.objects.create(
                convenant=nieuw, datum=moment.datum, omschrijving=moment.omschrijving
            )
        return nieuw


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
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    datum_collegebesluit = models.DateField(_("datum collegebesluit"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ondertekenaar")
        verbose_name_plural = _("ondertekenaars")
        ordering = ["convenant", "gemeente__naam", "naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return self.convenant.get_absolute_url()


class HerijkingsmomentQuerySet(models.QuerySet):
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
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    history = HistoricalRecords()

    objects = HerijkingsmomentQuerySet.as_manager()

    class Meta:
        verbose_name = _("herijkingsmoment")
        verbose_name_plural = _("herijkingsmomenten")
        ordering = ["convenant", "datum"]

    def __str__(self):
        return f"{self.datum:%d-%m-%Y}: {self.omschrijving}"

    def get_absolute_url(self):
        return self.convenant.get_absolute_url()


# --- raadsinformatiebrief -----------------------------------------------------------------


class Briefstatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VERZONDEN = "verzonden", _("Verzonden")


BRIEF_FROZEN_MESSAGE = _(
    "Deze raadsinformatiebrief is verzonden aan de gemeenteraad en verandert niet meer. "
    "Stel zo nodig een nieuwe brief op."
)


class Raadsinformatiebrief(FrozenGuard, Versioned):
    """A letter of a college of burgemeester en wethouders to its own council.

    Drafted from a standard text with merge fields (``[aandeel_2017]``); the preview and the
    printed letter take the figures of the moment. Sending stores the merged text and the
    figures on the letter, and from then on it never changes.
    """

    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.PROTECT,
        related_name="raadsinformatiebrieven",
        verbose_name=_("samenwerkingsverband"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="raadsinformatiebrieven",
        verbose_name=_("gemeente"),
        help_text=_("De gemeente aan wier gemeenteraad de brief is gericht."),
    )
    convenant = models.ForeignKey(
        Convenant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="raadsinformatiebrieven",
        verbose_name=_("convenant"),
        help_text=_("Het convenant waarover de brief gaat; levert de velden [convenant] e.d."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Briefstatus.choices,
        default=Briefstatus.CONCEPT,
        editable=False,
    )
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    datum = models.DateField(
        _("datum"), null=True, blank=True, help_text=_("Leeg: de datum van verzending.")
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    kenmerk = models.CharField(_("ons kenmerk"), max_length=100, blank=True)
    aanhef = models.CharField(
        _("aanhef"), max_length=200, default="Geachte leden van de gemeenteraad,"
    )
    tekst = models.TextField(
        _("tekst"),
        help_text=_(
            "Alinea's scheidt u met een lege regel. Velden tussen rechte haken, zoals "
            "[aandeel_totaal], worden bij het afdrukken ingevuld."
        ),
    )
    slot = models.CharField(_("slot"), max_length=200, default="Met vriendelijke groet,")
    burgemeester = models.CharField(
        _("naam burgemeester"), max_length=200, blank=True, help_text=_("Leeg: nog onbekend.")
    )
    gemeentesecretaris = models.CharField(
        _("naam gemeentesecretaris"),
        max_length=200,
        blank=True,
        help_text=_("Leeg: nog onbekend."),
    )
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True, editable=False)
    # PROTECT: deleting the user would change the frozen record ("verzonden door ..."); a
    # beheerder deactivates such a user instead.
    verzonden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("verzonden door"),
    )
    verzonden_adres = models.TextField(_("verzonden aan (adres)"), blank=True, editable=False)
    verzonden_tekst = models.TextField(_("verzonden tekst"), blank=True, editable=False)
    verzonden_cijfers = models.JSONField(
        _("verzonden cijfers"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("De waarden van de velden op het moment van verzenden, als tekst."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("raadsinformatiebrief")
        verbose_name_plural = _("raadsinformatiebrieven")
        ordering = ["samenwerkingsverband", F("datum").desc(nulls_first=True), "-pk"]

    def __str__(self):
        return f"Raadsinformatiebrief {self.gemeente.naam}: {self.onderwerp}"

    def get_absolute_url(self):
        return reverse("brieven:brief-detail", args=[self.samenwerkingsverband.afkorting, self.pk])

    frozen_message = BRIEF_FROZEN_MESSAGE

    def frozen_record(self):
        return Raadsinformatiebrief, {"status": Briefstatus.VERZONDEN}, self.pk

    @property
    def is_frozen(self) -> bool:
        return self.status == Briefstatus.VERZONDEN

    def gemeente_takes_part(self) -> bool:
        return Samenwerkingsverband.gemeenten.through.objects.filter(
            samenwerkingsverband_id=self.samenwerkingsverband_id, gemeente_id=self.gemeente_id
        ).exists()

    def clean(self):
        super().clean()
        errors = {}
        if self.samenwerkingsverband_id and self.gemeente_id and not self.gemeente_takes_part():
            errors["gemeente"] = _("Deze gemeente neemt niet deel aan het samenwerkingsverband.")
        if (
            self.convenant_id
            and self.samenwerkingsverband_id
            and self.convenant.samenwerkingsverband_id != self.samenwerkingsverband_id
        ):
            errors["convenant"] = _("Dit convenant hoort bij een ander samenwerkingsverband.")
        if errors:
            raise ValidationError(errors)
        if self.tekst and self.samenwerkingsverband_id and self.gemeente_id:
            from .brieven import check_placeholders  # the merge fields need the cost engine

            check_placeholders(self)
