"""Sending a raadsinformatiebrief: frozen (``opstellen.send_letter``), then mailed with its PDF
to the gemeente's address for council mail (griffie), with a copy to the sender."""

from django.utils.text import slugify

from berichten.constants import Berichtsoort
from berichten.verzenden import Bijlage, Ontvanger, verstuur
from regiekamer.pdf import make_pdf
from regiekamer.woorden import display_name

from .models import Raadsinformatiebrief
from .opstellen import send_letter
from .rapporten import raadsinformatiebrief_report


def pdf_filename(brief: Raadsinformatiebrief) -> str:
    sv = brief.samenwerkingsverband
    return f"raadsinformatiebrief-{sv.afkorting}-{slugify(brief.gemeente.naam)}-{brief.pk}.pdf"


def mail_letter(brief: Raadsinformatiebrief, user) -> list:
    """Freeze ``brief`` and mail it: the outbox rows (the griffie, then the sender's copy)."""
    brief = send_letter(brief, user)
    sv, gemeente = brief.samenwerkingsverband, brief.gemeente
    pdf, _ = make_pdf("raadsinformatiebrief", raadsinformatiebrief_report, sv, brief=brief.pk)
    bijlage = Bijlage(pdf_filename(brief), pdf, "application/pdf")
    onderwerp = f"Raadsinformatiebrief: {brief.onderwerp}"
    tekst = (
        f"Aan de griffie van de gemeente {gemeente.naam},\n\n"
        f'Bijgaand de raadsinformatiebrief "{brief.onderwerp}" van {brief.datum:%d-%m-%Y} '
        f"aan de gemeenteraad van {gemeente.naam}, over de samenwerking {sv.naam}. "
        "Wilt u hem aan de raadsleden doorsturen?"
    )
    berichten = verstuur(
        over=brief,
        samenwerkingsverband=sv,
        soort=Berichtsoort.RAADSINFORMATIEBRIEF,
        ontvangers=[Ontvanger(f"Griffie {gemeente.naam}", gemeente.email_raadspost, gemeente)],
        onderwerp=onderwerp,
        tekst=tekst,
        afzender=user,
        bijlagen=[bijlage],
    )
    if user is not None and user.is_authenticated:
        berichten += verstuur(
            over=brief,
            samenwerkingsverband=sv,
            soort=Berichtsoort.KOPIE,
            ontvangers=[Ontvanger(display_name(user), user.email, user)],
            onderwerp=f"Kopie: {onderwerp}",
            tekst=f"Kopie van wat u verstuurde aan de griffie van {gemeente.naam}:\n\n{tekst}",
            afzender=user,
            bijlagen=[bijlage],
        )
    return berichten
