from django.db import models
from django.utils.translation import gettext_lazy as _


class Gremiumsoort(models.TextChoices):
    STUURGROEP = "stuurgroep", _("Stuurgroep")
    REGIEGROEP = "regiegroep", _("Ambtelijke regiegroep")
    BESTUURLIJKE_REGIEGROEP = "bestuurlijke_regiegroep", _("Bestuurlijke regiegroep")
    RST = "rst", _("Regionaal sturingsteam (RST)")
    LST = "lst", _("Lokaal sturingsteam (LST)")
    WERKGROEP_STRUCTUREEL = "werkgroep_structureel", _("Werkgroep (structureel)")
    WERKGROEP_THEMATISCH = "werkgroep_thematisch", _("Werkgroep (thematisch)")
    BELEIDSTEAM = "beleidsteam", _("Beleidsteam")
    PROJECTGROEP = "projectgroep", _("Projectgroep")
    ESCALATIE = "escalatie", _("Escalatie-overleg gemeentesecretarissen")
    EXTERN = "extern", _("Extern overleg")
    # A college of B&W is no body of the collaboration: its decisions about it are recorded
    # (the convenant was entered into by the three colleges), it meets outside Regiekamer.
    COLLEGE = "college", _("College van burgemeester en wethouders")
    # The two organs of a gemeenschappelijke regeling (openbaar lichaam, Wgr art. 12-14).
    ALGEMEEN_BESTUUR = "algemeen_bestuur", _("Algemeen bestuur")
    DAGELIJKS_BESTUUR = "dagelijks_bestuur", _("Dagelijks bestuur")


class Voorzitterregel(models.TextChoices):
    VAST = "vast", _("Vaste voorzitter")
    ROULEREND = "roulerend", _("Roulerend onder de portefeuillehouders")


class Relatiesoort(models.TextChoices):
    OPDRACHTGEVER_VAN = "opdrachtgever_van", _("is opdrachtgever van")
    ESCALEERT_NAAR = "escaleert_naar", _("escaleert naar")
    AFSTEMMING_MET = "afstemming_met", _("stemt af met")


class Lidrol(models.TextChoices):
    VOORZITTER = "voorzitter", _("Voorzitter")
    LID = "lid", _("Lid")
    AMBTELIJK_OPDRACHTGEVER = "ambtelijk_opdrachtgever", _("Ambtelijk opdrachtgever")
    ADVISEUR = "adviseur", _("Adviseur")
    SECRETARIS = "secretaris", _("Secretaris")
    OP_AFROEP = "op_afroep", _("Op afroep")


class Vergaderstatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    AGENDA_VERZONDEN = "agenda_verzonden", _("Agenda verzonden")
    GEHOUDEN = "gehouden", _("Gehouden")
    VERSLAG_VASTGESTELD = "verslag_vastgesteld", _("Verslag vastgesteld")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Agendapuntsoort(models.TextChoices):
    INFORMATIE = "informatie", _("Ter informatie")
    BESPREKING = "bespreking", _("Ter bespreking (opiniërend)")
    BESLUITVORMING = "besluitvorming", _("Ter besluitvorming")


class Besluituitkomst(models.TextChoices):
    AANGENOMEN = "aangenomen", _("Aangenomen")
    AANGEHOUDEN = "aangehouden", _("Aangehouden")
    VERWORPEN = "verworpen", _("Verworpen")
    ONBEKEND = "onbekend", _("Uitkomst niet bekend")


class Besluitroute(models.TextChoices):
    VERGADERING = "vergadering", _("In de vergadering")
    SCHRIFTELIJK = "schriftelijk", _("Schriftelijke ronde")
    STUKKEN = "stukken", _("Volgens de stukken")


class Actiestatus(models.TextChoices):
    OPEN = "open", _("Open")
    GEREED = "gereed", _("Gereed")


class Orgaan(models.TextChoices):
    """Who in a gemeente decides on a voorstel of the collaboration."""

    COLLEGE = "college", _("College van B&W")
    RAAD = "raad", _("Gemeenteraad")
