"""Sending a voortgangsrapportage to the stuurgroep: it is frozen, and every member of the
current stuurgroep gets it by e-mail with the PDF (berichten/)."""

from django.core.exceptions import ValidationError

from berichten.constants import Berichtsoort
from berichten.verzenden import Bijlage, Ontvanger, verstuur
from governance.query import stuurgroepleden
from regiekamer.pdf import make_pdf
from regiekamer.woorden import display_name

from .models import Voortgangsrapportage
from .rapporten import voortgang_report
from .voortgang import freeze_report


def send_report(rapportage: Voortgangsrapportage, user) -> list:
    """Freeze ``rapportage`` and mail it to the stuurgroep; the outbox rows, one per member
    (a member without an address is listed, not skipped). Refused when the stuurgroep has no
    members: then nobody would receive it."""
    sv = rapportage.plan.samenwerkingsverband
    leden = stuurgroepleden(sv)
    if not leden:
        raise ValidationError(
            "De stuurgroep van dit samenwerkingsverband heeft geen leden: de rapportage zou "
            "niemand bereiken. Voeg de leden toe bij Governance en verstuur dan."
        )
    rapportage = freeze_report(rapportage, user)
    pdf, filename = make_pdf("voortgang", voortgang_report, sv, rapportage=rapportage)
    afzender = display_name(user) or "De programmamanager"
    tekst = (
        "Beste leden van de stuurgroep,\n\n"
        f"Bijgaand de voortgangsrapportage over {rapportage.periode} van "
        f"{rapportage.plan.titel} ({sv.naam}), met de kleurstatus per deelopdracht, "
        f"peildatum {rapportage.peildatum:%d-%m-%Y}.\n\n"
        f"{afzender} heeft deze rapportage vastgesteld en verstuurd; zij verandert niet meer. "
        "U vindt haar ook in Regiekamer onder Programma, Voortgangsrapportages."
    )
    return verstuur(
        over=rapportage,
        samenwerkingsverband=sv,
        soort=Berichtsoort.RAPPORTAGE,
        ontvangers=[Ontvanger(p.naam, p.email, p) for p in leden],
        onderwerp=f"Voortgangsrapportage {rapportage.periode} - {sv.naam}",
        tekst=tekst,
        afzender=user,
        bijlagen=[Bijlage(filename, pdf, "application/pdf")],
    )
