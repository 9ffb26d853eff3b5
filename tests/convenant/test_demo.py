import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from brieven.models import Raadsinformatiebrief
from convenant.models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)
from formatie.models import Bezetting, Fase, Rol, Salarisschaal, Werkgroep
from governance.models import Besluit, Gremium, GremiumRelatie, Lidmaatschap, Persoon, Subregio
from kosten.models import Budget, Verdeelsleutel, Verdeelsleutelaandeel
from partijen.models import Functionaris, Gemeente, Samenwerkingsverband

pytestmark = pytest.mark.django_db

COUNTED = [
    Gemeente,
    Samenwerkingsverband,
    Convenant,
    Overweging,
    Artikel,
    Artikelonderdeel,
    Ondertekenaar,
    Herijkingsmoment,
    Fase,
    Rol,
    Bezetting,
    Salarisschaal,
    Werkgroep,
    Verdeelsleutel,
    Verdeelsleutelaandeel,
    Budget,
    Gremium,
    GremiumRelatie,
    Persoon,
    Lidmaatschap,
    Subregio,
    Besluit,
    Functionaris,
    Raadsinformatiebrief,
]


def convenant_2016():
    return Convenant.objects.get(titel__endswith="ML-West 2016")


def test_demo_holds_the_mlw_record(demo):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    assert mlw.naam == "Sociaal Domein Midden-Limburg West"
    assert mlw.get_juridische_vorm_display() == "Regeling zonder meer (art. 1 Wgr)"
    assert sorted(d.naam for d in mlw.domeinen.all()) == ["Jeugd", "Wmo"]
    assert sorted(g.naam for g in mlw.gemeenten.all()) == ["Leudal", "Nederweert", "Weert"]

    convenant = convenant_2016()
    assert convenant.overwegingen.count() == 11
    assert [o.letter for o in convenant.overwegingen.all()] == list("abcdefghijk")
    assert convenant.artikelen.count() == 17
    assert str(convenant.dagtekening) == "2016-08-31"
    assert convenant.einddatum is None
    assert convenant.voorganger.einddatum.isoformat() == "2015-12-31"


def test_demo_texts_are_the_documents_words(demo):
    convenant = convenant_2016()
    art1 = convenant.artikelen.get(nummer=1)
    assert [o.letter for o in art1.onderdelen.all()] == list("abcde")
    assert (
        art1.onderdelen.get(letter="d").tekst == "Leudal: business controller Jeugdhulp (0,5 fte)."
    )
    assert art1.slottekst.startswith("Zie bijlage 1 voor een beschrijving")
    assert convenant.artikelen.get(nummer=8).tekst == (
        "Iedere gemeente wijst één contactpersoon voor het sociaal domein aan."
    )
    assert convenant.overwegingen.get(letter="j").tekst.startswith(
        "dat de gemeenten hierbij juridisch gezien kiezen voor publiekrechtelijke samenwerking "
        "via een Regeling zonder meer"
    )
    signers = {o.gemeente.naam: o for o in Ondertekenaar.objects.filter(convenant=convenant)}
    assert signers["Leudal"].naam == "R.A.M. Verheul"
    assert signers["Nederweert"].naam == "H.W.M. Geraats"
    assert signers["Weert"].naam == "drs. P.P.H. Sterk"  # mid-sentence, as the parties say it
    assert {str(o.datum_collegebesluit) for o in signers.values()} == {"2016-08-30"}
    assert [str(h.datum) for h in Herijkingsmoment.objects.filter(convenant=convenant)] == [
        "2018-07-01",
        "2019-01-01",
    ]


def test_unknown_facts_stay_empty(demo):
    weert = Gemeente.objects.get(naam="Weert")
    assert (weert.adres, weert.postcode) == ("Wilhelminasingel 101", "6001 GS")
    leudal = Gemeente.objects.get(naam="Leudal")
    assert leudal.adres == "" and leudal.inwonertallen.count() == 0


def test_second_run_duplicates_and_changes_nothing(demo):
    counts = {m: m.objects.count() for m in COUNTED}
    history = {m: m.history.count() for m in COUNTED}
    # As the shared ``demo`` loaded it: without issue 20's scenario's and G12 (those have
    # their own test, tests/scenarios/test_demo.py).
    call_command("laad_demo", zonder_scenarios=True, verbosity=0)
    call_command("laad_demo", zonder_scenarios=True, verbosity=0)
    assert {m: m.objects.count() for m in COUNTED} == counts
    assert {m: m.history.count() for m in COUNTED} == history
    assert get_user_model().objects.filter(username__in=["regie", "stuur", "beheer"]).count() == 3


def test_a_second_run_over_an_older_demo_keeps_one_row_per_signatory(demo):
    """An earlier demo wrote "Drs. P.P.H. Sterk"; the documents' "drs." replaces it in place."""
    sterk = Ondertekenaar.objects.get(convenant=convenant_2016(), naam="drs. P.P.H. Sterk")
    Ondertekenaar.objects.filter(pk=sterk.pk).update(naam="Drs. P.P.H. Sterk")
    call_command("laad_demo", verbosity=0)
    rows = Ondertekenaar.objects.filter(
        convenant=convenant_2016(), naam__iexact="drs. p.p.h. sterk"
    )
    assert [o.naam for o in rows] == ["drs. P.P.H. Sterk"]


def test_demo_users_have_their_roles(db):
    call_command("laad_demo", verbosity=0)
    User = get_user_model()
    assert User.objects.get(username="regie").has_perm("convenant.change_convenant")
    assert not User.objects.get(username="stuur").has_perm("convenant.change_convenant")
    assert User.objects.get(username="stuur").has_perm("convenant.view_convenant")
    assert User.objects.get(username="beheer").has_perm("auth.change_user")


def test_demo_refuses_without_debug(db, settings):
    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(CommandError, match="DEBUG uit"):
        call_command("laad_demo", verbosity=0)
    assert not Convenant.objects.exists()
