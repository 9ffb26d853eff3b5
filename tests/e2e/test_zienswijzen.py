"""The councils' say as the regiegroep records it: MLW (given a begroting of its own) sent the
ontwerpbegroting 2027; the official types Leudal's zienswijze and the response the Dutch way
(2-4-2027), corrects a response dated before the zienswijze, then ticks Nederweert into a
pluspakket for 2027 on the uitvoeringsplan and sees the shares change; the dashboard names the
councils still to answer. Screenshots at desktop size and at 390 px."""

from datetime import date

import pytest

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def mlw_begroting(demo_site):
    from begroting.models import Begrotingscyclus
    from formatie.constants import Pakketsoort, Pakketverdeling
    from formatie.models import Pakket, Pakketdeelname, Rol
    from partijen.models import Gemeente, Samenwerkingsverband

    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    Samenwerkingsverband.objects.filter(pk=sv.pk).update(eigen_begroting=True)
    Begrotingscyclus.objects.create(
        samenwerkingsverband=sv,
        jaar=2017,
        vaststelling_begroting=date(2016, 7, 7),
        ontwerpbegroting_verzonden=date(2016, 4, 1),
    )
    pakket = Pakket.objects.create(
        samenwerkingsverband=sv,
        naam="Inkoop plus",
        soort=Pakketsoort.PLUS,
        verdeling=Pakketverdeling.GELIJK,
    )
    for naam in ("Leudal", "Weert"):
        Pakketdeelname.objects.create(pakket=pakket, gemeente=Gemeente.objects.get(naam=naam))
    Rol.objects.filter(samenwerkingsverband=sv, naam="Contractmanagement").update(pakket=pakket)
    return sv


def type_into(user, field, typed: str) -> str:
    field.fill("")
    field.focus()
    user.page.keyboard.type(typed)
    return field.input_value()


def test_regiegroep_legt_zienswijzen_en_uitvoeringsplan_vast(browse, mlw_begroting):
    user = browse()
    user.page.set_viewport_size(DESKTOP)
    user.log_in("regie")
    user.open("/samenwerkingsverbanden/MLW/begroting/2017/zienswijzen/")
    leudal = user.page.get_by_role("group", name="Leudal", exact=True)
    assert type_into(user, leudal.get_by_label("Zienswijze ontvangen op"), "2-4-2016") == "2-4-2016"
    leudal.get_by_label("Zienswijze (tekst of kenmerk van het stuk)").fill(
        "De raad vraagt de kosten van contractmanagement te beperken."
    )
    type_into(user, leudal.get_by_label("Reactie verzonden op"), "1-4-2016")
    leudal.get_by_label("Reactie van het dagelijks bestuur").fill("Het bestuur neemt het over.")
    user.submit("Opslaan")
    assert "Niets opgeslagen" in user.text()
    assert "De reactie ligt vóór de ontvangst van de zienswijze." in user.text()
    user.screenshot("zienswijzen-fout")
    leudal = user.page.get_by_role("group", name="Leudal", exact=True)
    assert type_into(user, leudal.get_by_label("Reactie verzonden op"), "20-4-2016") == "20-4-2016"
    weert = user.page.get_by_role("group", name="Weert", exact=True)
    weert.get_by_label("Geen zienswijze").check()
    type_into(user, weert.get_by_label("Zienswijze ontvangen op"), "5-4-2016")
    user.submit("Opslaan")
    assert "Opgeslagen: de zienswijzen van Leudal, Weert (2017)." in user.text(), user.text()
    # Saved, the official is back on the year's page, which says who has not answered yet.
    assert user.path == "/samenwerkingsverbanden/MLW/begroting/2017/"
    stand = user.page.locator("section.zienswijzen").inner_text()
    assert "Nog geen antwoord van de raad van Nederweert." in stand, stand
    user.open("/samenwerkingsverbanden/MLW/begroting/2017/zienswijzen/")
    assert user.page.get_by_label("Reactie verzonden op").first.input_value() == "20-04-2016"
    user.screenshot("zienswijzen")
    user.page.set_viewport_size(PHONE)
    fits = user.page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    assert fits, f"{user.path} scrolls sideways on a phone"
    user.screenshot("zienswijzen-390")

    user.page.set_viewport_size(DESKTOP)
    user.open("/samenwerkingsverbanden/MLW/begroting/2017/uitvoeringsplan/")
    assert user.text().count("€ 64.057") == 2  # 128.113 in two equal parts
    user.page.get_by_label("Tekst van het uitvoeringsplan").fill("Nederweert doet mee.")
    user.page.get_by_label("Nederweert neemt Inkoop plus af in 2017").check()
    user.submit("Opslaan")
    text = user.text()
    assert "Nederweert neemt Inkoop plus af" in text, text
    assert text.count("€ 42.704") == 3  # now in three
    user.screenshot("uitvoeringsplan")
    user.page.set_viewport_size(PHONE)
    user.screenshot("uitvoeringsplan-390")

    user.page.set_viewport_size(DESKTOP)
    user.open("/samenwerkingsverbanden/MLW/dashboard/")
    blok = user.page.locator(".dashboard-begroting").inner_text()
    assert "Nog geen antwoord van de raad van: Nederweert" in blok
    user.screenshot("dashboard-begroting")
    user.assert_clean()
