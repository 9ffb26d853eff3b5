from django.db import models
from django.utils.translation import gettext_lazy as _


class JuridischeVorm(models.TextChoices):
    """Legal forms under the Wet gemeenschappelijke regelingen, plus a plain agreement."""

    REGELING_ZONDER_MEER = "regeling_zonder_meer", _("Regeling zonder meer (art. 1 Wgr)")
    CENTRUMREGELING = "centrumregeling", _("Centrumregeling")
    GEMEENSCHAPPELIJK_ORGAAN = "gemeenschappelijk_orgaan", _("Gemeenschappelijk orgaan")
    BEDRIJFSVOERINGSORGANISATIE = "bedrijfsvoeringsorganisatie", _("Bedrijfsvoeringsorganisatie")
    OPENBAAR_LICHAAM = "openbaar_lichaam", _("Openbaar lichaam")
    SAMENWERKINGSOVEREENKOMST = "samenwerkingsovereenkomst", _("Samenwerkingsovereenkomst")

    @classmethod
    def met_eigen_begroting(cls) -> frozenset[str]:
        """The forms with a begroting of their own under the Wgr (art. 34-35)."""
        return frozenset(
            {cls.OPENBAAR_LICHAAM, cls.BEDRIJFSVOERINGSORGANISATIE, cls.GEMEENSCHAPPELIJK_ORGAAN}
        )
