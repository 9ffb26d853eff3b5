"""The outbox: one row per message to one recipient, about one object (a rapportage, a letter,
a meeting, an actiepunt). The message itself, its attachments, its sending, retries and the log
of every attempt are django-post-office's (``Email``, ``Attachment``, ``Log``); this row says
what it is about, to whom, from whom, and gives the page its status in Dutch."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from post_office.models import STATUS

from partijen.models import Samenwerkingsverband
from regiekamer.declarations import Scope

from .constants import Berichtsoort, Verzendstatus
from .redenen import last_failure

POST_OFFICE_STATUS = {
    STATUS.sent: Verzendstatus.VERZONDEN,
    STATUS.failed: Verzendstatus.MISLUKT,
    STATUS.queued: Verzendstatus.WACHTRIJ,
    STATUS.requeued: Verzendstatus.WACHTRIJ,
    None: Verzendstatus.WACHTRIJ,
}


class BerichtQuerySet(models.QuerySet):
    def with_status(self):
        """Everything the outbox shows, in a fixed number of queries."""
        return self.select_related("email", "afzender", "onderwerp_type").prefetch_related(
            "email__logs"
        )

    def over(self, obj):
        return self.filter(
            onderwerp_type=ContentType.objects.get_for_model(obj), onderwerp_id=obj.pk
        )


class Bericht(models.Model):
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="berichten",
        verbose_name=_("samenwerkingsverband"),
    )
    onderwerp_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    onderwerp_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("onderwerp_type", "onderwerp_id")
    soort = models.CharField(_("soort"), max_length=30, choices=Berichtsoort.choices)
    onderwerpregel = models.CharField(_("onderwerp"), max_length=300)
    ontvanger_naam = models.CharField(_("ontvanger"), max_length=200)
    ontvanger_email = models.EmailField(_("e-mailadres"), blank=True)
    # Where the address came from (a persoon, a gemeente, a gebruiker): read again when the
    # message is sent again, so that an address filled in or corrected since then is used.
    bron_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bron_id = models.PositiveBigIntegerField(null=True, blank=True)
    bron = GenericForeignKey("bron_type", "bron_id")
    afzender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afzender"),
    )
    email = models.OneToOneField(
        "post_office.Email",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bericht",
        verbose_name=_("e-mail"),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    objects = BerichtQuerySet.as_manager()
    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt", "ontvanger_naam"]
        indexes = [models.Index(fields=["onderwerp_type", "onderwerp_id"])]

    def __str__(self):
        return f"{self.onderwerpregel} aan {self.ontvanger_naam}"

    def get_absolute_url(self):
        onderwerp = self.onderwerp
        return onderwerp.get_absolute_url() if onderwerp is not None else ""

    @property
    def status(self) -> Verzendstatus:
        if self.email_id is None and self.ontvanger_email:
            return Verzendstatus.OPGERUIMD
        if not self.ontvanger_email or self.email_id is None:
            return Verzendstatus.GEEN_ADRES
        return POST_OFFICE_STATUS.get(self.email.status, Verzendstatus.WACHTRIJ)

    @property
    def status_label(self) -> str:
        return Verzendstatus(self.status).label

    @property
    def reden(self) -> str:
        """Why the last attempt failed, in Dutch (empty unless it failed)."""
        if self.status != Verzendstatus.MISLUKT:
            return ""
        return last_failure(self.email)

    @property
    def verzonden_op(self):
        return self.email.last_updated if self.status == Verzendstatus.VERZONDEN else None

    @property
    def pogingen(self) -> int:
        return len(self.email.logs.all()) if self.email_id else 0

    @property
    def adres_url(self) -> str:
        """Where the address of a recipient without one is filled in: the page of its source
        (a persoon, a gemeente), which names it with ``get_adres_url(samenwerkingsverband)``."""
        bron = self.bron
        own = getattr(bron, "get_adres_url", None)
        return own(self.samenwerkingsverband) if callable(own) else ""

    @property
    def may_resend(self) -> bool:
        return self.status in (Verzendstatus.MISLUKT, Verzendstatus.GEEN_ADRES)
