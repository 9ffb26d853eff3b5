"""The begrotingscyclus as the regiegroep meets it: give MLW a begroting of its own, record
begrotingsjaar 2027 typing the dates the Dutch way (2-7-2026), see the six steps with their
latest dates and status, correct an impossible date, download the agenda; then read it on a
phone. Screenshots at desktop size and at 390 px."""

from datetime import date

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def type_date(user, label: str, typed: str):
    """Type a date into the field as an official does: day, month, year; what the field holds."""
    field = user.page.get_by_label(label, exact=True)
    field.focus()
    user.page.keyboard.type(typed)
    return field.input_value()


def test_regiegroep_records_a_begrotingsjaar(browse):
    user = browse()
    user.page.set_viewport_size(DESKTOP)
    user.log_in("regie")
    user.follow(SV)
    assert user.page.get_by_role("link", name="Begrotingscyclus").count() == 0
    user.follow("Bewerken")
    user.page.get_by_label("Eigen begroting").check()
    user.submit("Opslaan")
    user.follow("Begrotingscyclus")
    assert "Nog geen begrotingsjaren vastgelegd" in user.text()
    user.follow("Nieuw begrotingsjaar")
    user.page.get_by_label("Begrotingsjaar").fill("2027")
    assert type_date(user, "Vaststelling begroting", "2-7-2026") == "2-7-2026"
    assert type_date(user, "Kaders verzonden", "28-4-2026") == "28-4-2026"
    # Sent to Gedeputeerde Staten before the adoption: impossible, and said so.
    assert type_date(user, "Begroting naar Gedeputeerde Staten", "1-7-2026") == "1-7-2026"
    user.submit("Opslaan")
    assert "Niet opgeslagen" in user.text()
    assert "De begroting gaat pas na de vaststelling naar Gedeputeerde Staten." in user.text()
    user.screenshot("begroting-fout")
    user.page.get_by_label("Begroting naar Gedeputeerde Staten", exact=True).fill("")
    assert type_date(user, "Begroting naar Gedeputeerde Staten", "10-7-2026") == "10-7-2026"
    user.submit("Opslaan")
    assert "Aangemaakt." in user.text(), user.text()
    text = user.text()
    assert "donderdag 30-04-2026" in text  # kaders, art. 34b
    assert "donderdag 09-04-2026" in text  # twaalf weken vóór 2-7-2026
    assert "donderdag 16-07-2026" in text  # twee weken na vaststelling
    assert "Op tijd gedaan" in text
    assert "maandag 01-05-2028" in text  # 30-4-2028 is een zondag
    assert "valt op een zondag" in text
    user.screenshot("begroting-cyclus")

    calendar = Calendar.from_ical(user.download("Agenda (.ics)"))
    starts = {e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert date(2028, 5, 1) in starts and date(2026, 4, 30) not in starts  # kaders done

    user.follow("← Begrotingscyclus Sociaal Domein Midden-Limburg West")
    assert "2027" in user.text()
    user.screenshot("begroting-overzicht")
    user.page.set_viewport_size(PHONE)
    user.screenshot("begroting-overzicht-390")
    user.follow("2027")
    fits = user.page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    assert fits, f"{user.path} scrolls sideways on a phone"
    user.screenshot("begroting-cyclus-390")
    user.assert_clean()
