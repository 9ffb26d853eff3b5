"""One begrotingsjaar of a samenwerkingsverband with a begroting of its own: when each step of
the Wgr cycle was done (the latest dates are computed by ``begroting.kalender``, never stored),
the dates on which the algemeen bestuur adopts the begroting and the jaarrekening (planned or
done), each council's zienswijze with the dagelijks bestuur's answer, and the uitvoeringsplan."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.declarations import Scope
from regiekamer.versioning import Versioned


class CleanAnyFormMixin:
    """``clean`` errors of a field a form leaves out (the uitvoeringsplan's form has only that
    text, a formset row no gemeente) are said above the form: Django raises ValueError (a
    server error) for an error of a field the form does not have."""

    def full_clean(self, exclude=None, *args, **kwargs):
        self._clean_exclude = set(exclude or ())
        try:
            super().full_clean(exclude, *args, **kwargs)
        finally:
            del self._clean_exclude

    def raise_errors(self, errors: dict) -> None:
        if not errors:
            return
        exclude = getattr(self, "_clean_exclude", set())
        routed: dict = {}
        for name, message in errors.items():
            routed.setdefault(NON_FIELD_ERRORS if name in exclude else name, []).append(message)
        raise ValidationError(routed)


class Begrotingscyclus(CleanAnyFormMixin, Versioned):
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.CASCADE,
        related_name="begrotingscycli",
        verbose_name=_("samenwerkingsverband"),
    )
    jaar = models.PositiveSmallIntegerField(_("begrotingsjaar"))
    vaststelling_begroting = models.DateField(
        _("vaststelling begroting"),
        null=True,
        blank=True,
        help_text=_(
            "De dag waarop het algemeen bestuur de begroting vaststelt (gepland of gedaan)."
        ),
    )
    vaststelling_jaarrekening = models.DateField(
        _("vaststelling jaarrekening"),
        null=True,
        blank=True,
        help_text=_(
            "De dag waarop het algemeen bestuur de jaarrekening vaststelt (gepland of gedaan)."
        ),
    )
    # When each step was done; empty while it is open. The zienswijzen step is done per gemeente
    # (Zienswijze).
    kaders_verzonden = models.DateField(_("kaders verzonden"), null=True, blank=True)
    ontwerpbegroting_verzonden = models.DateField(
        _("ontwerpbegroting verzonden"), null=True, blank=True
    )
    begroting_naar_gs = models.DateField(
        _("begroting naar Gedeputeerde Staten"), null=True, blank=True
    )
    voorlopige_jaarrekening_verzonden = models.DateField(
        _("voorlopige jaarrekening verzonden"), null=True, blank=True
    )
    jaarrekening_naar_gs = models.DateField(
        _("jaarrekening naar Gedeputeerde Staten"), null=True, blank=True
    )
    uitvoeringsplan = models.TextField(
        _("uitvoeringsplan"),
        blank=True,
        help_text=_(
            "De doorvertaling van de begroting naar de activiteiten en projecten van het jaar; "
            "welke pluspakketten elke gemeente afneemt staat bij de deelnemers van de pakketten."
        ),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("samenwerkingsverband",))

    class Meta:
        verbose_name = _("begrotingscyclus")
        verbose_name_plural = _("begrotingscycli")
        ordering = ["samenwerkingsverband", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "jaar"],
                name="unieke_begrotingscyclus_per_jaar",
                violation_error_message=_("Voor dit begrotingsjaar is er al een cyclus."),
            )
        ]

    def __str__(self):
        return f"Begrotingscyclus {self.samenwerkingsverband.afkorting} {self.jaar}"

    def get_absolute_url(self):
        return reverse("begroting:cyclus", args=[self.samenwerkingsverband.afkorting, self.jaar])

    def clean(self):
        """Every path (the page, the admin) asks the same: a year and dates the calendar can
        compute, and a real samenwerkingsverband with a begroting of its own."""
        from .kalender import DATUMVELDEN, datumfouten, geen_begroting_melding, jaarfout

        errors = {}
        if self.samenwerkingsverband_id:
            sv = self.samenwerkingsverband
            if sv.is_scenario or (self._state.adding and not sv.heeft_eigen_begroting):
                errors["samenwerkingsverband"] = geen_begroting_melding(sv)
        if self.jaar is not None:
            if fout := jaarfout(self.jaar):
                errors["jaar"] = fout
            else:
                datums = {name: getattr(self, name) for name in DATUMVELDEN}
                errors |= datumfouten(self.jaar, datums)
        self.raise_errors(errors)


class Zienswijze(CleanAnyFormMixin, Versioned):
    """A council's zienswijze on the ontwerpbegroting (Wgr art. 35) and the dagelijks bestuur's
    written, reasoned response to it."""

    cyclus = models.ForeignKey(
        Begrotingscyclus,
        on_delete=models.CASCADE,
        related_name="zienswijzen",
        verbose_name=_("begrotingscyclus"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    ontvangen = models.DateField(_("ontvangen"), null=True, blank=True)
    geen_zienswijze = models.BooleanField(
        _("geen zienswijze"),
        default=False,
        help_text=_("De raad heeft laten weten geen zienswijze in te dienen."),
    )
    tekst = models.TextField(_("zienswijze"), blank=True)
    reactie_verzonden = models.DateField(_("reactie verzonden"), null=True, blank=True)
    reactie = models.TextField(_("reactie van het dagelijks bestuur"), blank=True)
    history = HistoricalRecords()

    access_scope = Scope(via=("cyclus__samenwerkingsverband",), gemeente="gemeente")

    class Meta:
        verbose_name = _("zienswijze")
        verbose_name_plural = _("zienswijzen")
        ordering = ["cyclus", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["cyclus", "gemeente"],
                name="unieke_zienswijze_per_gemeente",
                violation_error_message=_("Deze gemeente heeft al een zienswijze in deze cyclus."),
            )
        ]

    def __str__(self):
        return f"Zienswijze {self.gemeente} {self.cyclus.jaar}"

    def get_absolute_url(self):
        return self.cyclus.get_absolute_url()

    def clean(self):
        errors = {}
        if self.cyclus_id and self.cyclus.samenwerkingsverband.is_scenario:
            errors["cyclus"] = _("Een scenario heeft geen begroting en dus geen zienswijzen.")
        if (
            self.cyclus_id
            and self.gemeente_id
            and not self.cyclus.samenwerkingsverband.gemeenten.filter(pk=self.gemeente_id).exists()
        ):
            errors["gemeente"] = _(
                "Deze gemeente neemt niet deel aan het samenwerkingsverband van deze cyclus."
            )
        if self.geen_zienswijze and self.tekst.strip():
            errors["tekst"] = _("Bij 'geen zienswijze' hoort geen tekst.")
        if self.reactie_verzonden and not (self.ontvangen and not self.geen_zienswijze):
            errors["reactie_verzonden"] = _(
                "Een reactie volgt op een ontvangen zienswijze: vul eerst de datum van "
                "ontvangst in."
            )
        if self.ontvangen and self.reactie_verzonden and self.reactie_verzonden < self.ontvangen:
            errors["reactie_verzonden"] = _("De reactie ligt vóór de ontvangst van de zienswijze.")
        self.raise_errors(errors)

    @property
    def beantwoord(self) -> bool:
        """The council has answered: a zienswijze received, or word that it gives none."""
        return bool(self.ontvangen) or self.geen_zienswijze
