"""One current convenant and one next herijkingsmoment, whoever asks: the convenant PDF, a
raadsinformatiebrief and the pages."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from brieven.opstellen import draft_letter
from convenant.document import convenant_report
from convenant.models import Convenant, Herijkingsmoment
from partijen.models import Gemeente, Samenwerkingsverband

pytestmark = pytest.mark.django_db


@pytest.fixture
def regio():
    sv = Samenwerkingsverband.objects.create(
        naam="Testregio", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    sv.gemeenten.add(Gemeente.objects.create(naam="Testdorp"))
    return sv


def signed(sv, titel, inwerkingtreding, versie=1, dagtekening=None):
    return Convenant.objects.create(
        samenwerkingsverband=sv,
        titel=titel,
        status="ondertekend",
        dagtekening=dagtekening,
        inwerkingtreding=inwerkingtreding,
        versie=versie,
    )


def test_the_convenant_pdf_and_a_letter_are_about_the_same_convenant(regio):
    """Two signed convenanten whose dagtekening was never entered: the PDF took the higher
    version (the 2014 convenant's second version), a letter the later inwerkingtreding."""
    signed(regio, "Convenant 2014", date(2014, 1, 1), versie=2)
    nieuw = signed(regio, "Convenant 2016", date(2016, 1, 1))

    _, context = convenant_report(regio)
    letter = draft_letter(regio, regio.gemeenten.get())
    assert context["object"] == letter.convenant == nieuw


def test_the_latest_signed_wins_over_a_later_draft_and_a_later_version_on_one_day(regio):
    getekend = signed(regio, "Convenant 2016", date(2016, 1, 1), dagtekening=date(2016, 8, 30))
    Convenant.objects.create(samenwerkingsverband=regio, titel="Concept 2026", versie=1)
    assert regio.convenanten.huidig() == getekend
    tweede = signed(
        regio, "Convenant 2016", date(2016, 1, 1), versie=2, dagtekening=date(2016, 8, 30)
    )
    assert regio.convenanten.huidig() == tweede
    assert Convenant.objects.filter(samenwerkingsverband__afkorting="ANDERS").huidig() is None


def test_the_next_herijkingsmoment_prefers_the_newest_versions_copy(regio):
    vandaag = timezone.localdate()
    eerste = signed(regio, "Convenant", date(2016, 1, 1), dagtekening=date(2016, 8, 30))
    tweede = eerste.create_new_version()
    for convenant in (eerste, tweede):
        for dagen, omschrijving in ((-400, "Evaluatie"), (200, "Herijking")):
            Herijkingsmoment.objects.create(
                convenant=convenant,
                datum=vandaag + timedelta(days=dagen),
                omschrijving=omschrijving,
            )
    momenten = Herijkingsmoment.objects.filter(convenant__samenwerkingsverband=regio)
    volgende = momenten.komend().first()
    assert (volgende.omschrijving, volgende.convenant) == ("Herijking", tweede)
    laatste = momenten.geweest().first()
    assert (laatste.omschrijving, laatste.convenant) == ("Evaluatie", tweede)
    assert momenten.komend(vandaag + timedelta(days=201)).first() is None
