"""The history a user reads: labels and Dutch dates, one line per save (issue 15, Words)."""

import html
import re

import pytest
from django.urls import reverse

from programma.models import Voortgangsrapportage

from .helpers import page_data, plan

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"programma:{name}", args=["MLW", *args])


def history_lines(page: str) -> list[str]:
    """The rows of the page's history table, as text."""
    section = page.split("<h2>Geschiedenis</h2>")[1].split("</section>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", section, flags=re.S)[1:]  # without the header
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def drafted_report(client) -> Voortgangsrapportage:
    """The first report of the MLW plan, drafted through its page."""
    client.post(
        url("rapportage-create", plan().pk),
        {"peildatum": "2021-10-31", "periode": "september–oktober 2021"},
    )
    return Voortgangsrapportage.objects.get(plan=plan())


def test_one_save_is_one_line_with_labels_and_dutch_dates(demo, regie_client):
    report = drafted_report(regie_client)
    edit = url("rapportage-update", report.pk)
    data = page_data(regie_client.get(edit))
    codes = [r.opdracht.code for r in report.regels.select_related("opdracht")]
    i, j = codes.index("1.4"), codes.index("1.5")
    data |= {
        f"regels-{i}-uitvoering": "lopend",
        f"regels-{i}-kleurstatus": "risico",
        f"regels-{i}-bijgestelde_datum": "2027-06-01",
        f"regels-{i}-toelichting": "Juridisch advies later.",
        f"regels-{j}-uitvoering": "afgerond",
    }
    assert regie_client.post(edit, data).status_code == 302

    page = regie_client.get(report.get_absolute_url()).content.decode()
    lines = history_lines(page)
    assert len(lines) == 2, lines  # the draft, and the one save of its rows
    changed, drafted = lines
    assert "17 voortgangsregels aangemaakt" in drafted
    assert "voortgangsrapportage: Voortgangsrapportage september–oktober 2021 aangemaakt" in drafted
    assert "2 voortgangsregels gewijzigd" in changed
    assert "uitvoering van 1.4 : Nog niet gestart → Loopt" in changed
    assert "kleurstatus van 1.4 : — → Risico" in changed
    assert "bijgestelde datum van 1.4 : — → 1 juni 2027" in changed
    assert "uitvoering van 1.5 : Nog niet gestart → Afgerond" in changed
    for raw in ("niet_gestart", "lopend", "2027-06-01", "risico →"):
        assert raw not in page.split("<h2>Geschiedenis</h2>")[1], raw


def test_saving_a_report_as_it_was_adds_no_history(demo, regie_client):
    report = drafted_report(regie_client)
    edit = url("rapportage-update", report.pk)
    before = report.history.count()
    assert regie_client.post(edit, page_data(regie_client.get(edit))).status_code == 302
    assert report.history.count() == before
    page = regie_client.get(report.get_absolute_url()).content.decode()
    assert len(history_lines(page)) == 1
