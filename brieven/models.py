"""The raadsinformatiebrief: a college's letter to its own council about the collaboration,
with the cost figures of the moment (``brieven.velden``). It stands above ``kosten/``.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from berichten.constants import Berichtsoort, Verzendstatus
from convenant.models import Convenant
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.declarations import Scope
from regiekamer.freeze import FrozenGuard
from regiekamer.versioning import Versioned

from .velden import ESCAPE_HELP, merge_fields, problems


class Briefstatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VERZONDEN = "verzonden", _("Verzonden")


BRIEF_FROZEN_MESSAGE = _(
    "Deze raadsinformatiebrief is verzonden aan de gemeenteraad en verandert niet meer. "
    "Stel zo nodig een nieuwe brief op."
)


class Raadsinformatiebrief(FrozenGuard, Versioned):
    """A letter of a college of burgemeester en wethouders to its own council.

    Drafted from a standard text with merge fields (``[aandeel_2017]``, ``brieven.velden``);
    the preview and the printed letter take the figures of the moment and the letter's date.
    Sending stores the merged text and the figures on the letter, and from then on it never
    changes.
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
    besluitdatum = models.DateField(
        _("datum collegebesluit"),
        null=True,
        blank=True,
        help_text=_(
            "De vergadering van burgemeester en wethouders waarin over de brief is besloten; "
            "de tekst noemt haar met [datum_collegebesluit]."
        ),
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    kenmerk = models.CharField(_("ons kenmerk"), max_length=100, blank=True)
    aanhef = models.CharField(
        _("aanhef"), max_length=200, default="Geachte leden van de gemeenteraad,"
    )
    tekst = models.TextField(
        _("tekst"),
        help_text=_(
            "Alinea's scheidt u met een lege regel; een regel die begint met '# ' is een "
            "tussenkop. Velden tussen rechte haken, zoals [gemeente], worden bij het tonen en "
            "afdrukken ingevuld. "
        )
        + ESCAPE_HELP,
    )
    slot = models.CharField(_("slot"), max_length=200, default="Met vriendelijke groet,")
    burgemeester = models.CharField(
        _("naam burgemeester"),
        max_length=200,
        blank=True,
        help_text=_(
            "Leeg: de burgemeester volgens het briefhoofd van de gemeente op de datum van de "
            "brief; bij verzenden wordt die naam vastgelegd."
        ),
    )
    gemeentesecretaris = models.CharField(
        _("naam gemeentesecretaris"),
        max_length=200,
        blank=True,
        help_text=_(
            "Leeg: de gemeentesecretaris volgens het briefhoofd van de gemeente op de datum van "
            "de brief; bij verzenden wordt die naam vastgelegd."
        ),
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
    bron = models.CharField(
        _("bron"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_(
            "Bij een brief die uit de documenten is overgenomen: welk document. Van zo'n brief "
            "is het tijdstip van verzenden niet bekend, alleen de datum."
        ),
    )
    history = HistoricalRecords()
    # The outbox rows about this letter (the griffie's, the sender's copy): what became of it.
    berichten = GenericRelation(
        "berichten.Bericht", content_type_field="onderwerp_type", object_id_field="onderwerp_id"
    )

    access_scope = Scope(via=("samenwerkingsverband",))

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

    @cached_property
    def griffie_verzending(self) -> str:
        """What became of the e-mail to the griffie of a letter sent from Regiekamer, when it
        did not arrive at the mail server: "niet verzonden: geen e-mailadres", "in de
        wachtrij", "mislukt"; "" when it did, for a concept, and for a letter taken over from
        the documents. The status Verzonden says the text is fixed; this says whether the
        council has it (a user review read "Verzonden" on a letter that went nowhere)."""
        if not self.is_frozen or self.bron:
            return ""
        griffie = [b for b in self.berichten.all() if b.soort == Berichtsoort.RAADSINFORMATIEBRIEF]
        if not griffie:
            return ""
        laatste = max(griffie, key=lambda b: (b.aangemaakt, b.pk))
        if laatste.status == Verzendstatus.VERZONDEN:
            return ""
        return laatste.status_label

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
            self.check_placeholders()

    @property
    def peildatum(self):
        """The date the letter's fields are taken on: its own date, or (a draft without one)
        today, the date it will carry when it is sent."""
        return self.datum or timezone.localdate()

    def velden(self):
        """The values of the merge fields for this letter at this moment (``brieven.velden``),
        on the letter's own date (``peildatum``)."""
        return merge_fields(
            self.samenwerkingsverband,
            self.gemeente,
            self.convenant,
            peildatum=self.peildatum,
            besluitdatum=self.besluitdatum,
        )

    def check_placeholders(self) -> None:
        """Refuse a text with an unknown merge field or a lone bracket (on its ``tekst``)."""
        message = problems(self.tekst, self.velden())
        if message:
            raise ValidationError({"tekst": message})
