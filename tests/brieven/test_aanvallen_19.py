"""Issue 19's letter as an attacker sees it: the sent 2016 letter, crafted text and names."""

import pytest
from django.urls import reverse

from brieven.models import Raadsinformatiebrief
from partijen.models import Gemeente
from regiekamer.pdf_fetcher import StaticFilesOnly
from tests.fuzz import page_data

from .test_briefhoofd import printed, weert_letter

pytestmark = pytest.mark.django_db


def sent_2016_letter():
    return Raadsinformatiebrief.objects.get(verzonden_op__isnull=False, datum__year=2016)


def test_a_forged_post_on_the_sent_2016_letter_changes_nothing(demo, regie_client):
    brief = sent_2016_letter()
    before = (brief.tekst, brief.datum, brief.versie, brief.verzonden_op)
    args = ["MLW", brief.pk]
    concept = weert_letter()
    data = page_data(regie_client.get(reverse("brieven:brief-update", args=["MLW", concept.pk])))
    data |= {"tekst": "Vervalst.", "versie": str(brief.versie)}
    assert regie_client.post(reverse("brieven:brief-update", args=args), data).status_code == 302
    assert regie_client.post(reverse("brieven:brief-send", args=args)).status_code == 302
    brief.refresh_from_db()
    assert (brief.tekst, brief.datum, brief.versie, brief.verzonden_op) == before


def test_the_pdf_of_a_letter_with_crafted_html_reads_no_file_nor_network(demo, monkeypatch):
    weert = Gemeente.objects.get(naam="Weert")
    weert.adres = '<img src="file:///etc/passwd"><link rel="stylesheet" href="http://x/a.css">'
    weert.save()
    asked = []
    original = StaticFilesOnly.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticFilesOnly, "fetch", spy)
    brief = weert_letter(
        onderwerp='<img src="http://x/y.png">',
        tekst='<style>@import "file:///etc/passwd";</style>\n\n<img src="file:///etc/hosts">',
    )
    printed(brief)
    assert asked and all(u.startswith(("file:///static/", "data:")) for u in asked), asked
