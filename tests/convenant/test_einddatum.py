"""The convenants' dates as a reader sees them (review of issue 19): the list writes dates as
the rest of Regiekamer does ("1-9-2016", not "01-09-2016"), and a convenant known only by name
(the 2018 one of seed 004, whose text, and so its term, nobody has recorded) has an end date
"onbekend", not "geen" (which would say the parties agreed on none, as article 16 of the 2016
convenant does)."""

import re

import pytest
from django.urls import reverse

from convenant.models import Convenant

pytestmark = pytest.mark.django_db


def cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)
        ]
        for r in rows
    ]


def test_the_list_writes_dates_the_dutch_way_and_an_unknown_end_as_unknown(demo, stuur_client):
    html = stuur_client.get(reverse("convenant:convenant-list")).content.decode()
    rows = {row[0]: row for row in cells(html) if row}
    row_2016 = rows["Uitvoeringsconvenant Samenwerking Sociaal Domein gemeenten ML-West 2016"]
    assert row_2016[4:7] == ["31 augustus 2016", "1-9-2016", "geen"]
    row_2018 = rows["Uitvoeringsconvenant Samenwerking Sociaal Domein gemeenten ML-West 2018"]
    assert row_2018[4:7] == ["2018", "—", "onbekend"]
    row_2014 = rows["CONVENANT Samenwerking Sociaal Domein gemeenten ML-West"]
    assert row_2014[6] == "31-12-2015"


def test_the_2018_convenants_page_says_its_end_is_unknown(demo, stuur_client):
    later = Convenant.objects.get(titel__endswith="ML-West 2018")
    page = stuur_client.get(reverse("convenant:convenant-detail", args=[later.pk]))
    text = " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())
    assert "Einddatum onbekend" in text
    assert "Einddatum geen" not in text
