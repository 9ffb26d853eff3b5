"""The official of Weert reads the gemeente's whole bill on its page (MLW's basispakket and a
second samenwerkingsverband's basispakket and pluspakket), and downloads it as PDF for the
own begroting and as CSV: the same figures everywhere."""

import csv
import io

import pytest

from tests.gemeenten.test_rekening import MLW, tweede_verband
from tests.pdfs import page_images, pdf_text

from .browser import SCREENSHOTS

pytestmark = pytest.mark.e2e


def bill_rows(user) -> list[list[str]]:
    rows = []
    for table in user.page.locator("table.rekening").all():
        jaar = table.get_attribute("data-jaar")
        for row in table.locator("tbody tr").all():
            rows.append([jaar, *(c.strip() for c in row.locator("td").all_inner_texts())])
    return rows


def test_weerts_official_reads_and_downloads_the_whole_bill(browse):
    tweede_verband()
    user = browse()
    user.log_in("weert")
    user.visit("/gemeenten/")
    user.follow("Weert")
    user.page.locator("#rekening").scroll_into_view_if_needed()

    rows = bill_rows(user)
    assert rows == [
        ["2016", MLW, "Basispakket", "108.231"],
        ["2017", "Jeugdhulp Testregio", "Basispakket", "40.000"],
        ["2017", "Jeugdhulp Testregio", "Crisisdienst", "12.000"],
        ["2017", MLW, "Basispakket", "287.189"],
        ["2018", MLW, "Basispakket", "166.536"],
    ]
    text = user.text()
    assert "Totaal 2017\t339.189" in text
    assert "Totaal\t613.956" in text  # 108.231 + 339.189 + 166.536
    user.page.locator("#rekening").screenshot(path=SCREENSHOTS / "rekening-weert.png")
    user.screenshot("rekening-weert-pagina")

    pdf = user.download("PDF voor de eigen begroting")
    printed = pdf_text(pdf)
    assert "Rekening gemeente Weert" in printed
    assert "Jeugdhulp Testregio Crisisdienst 12.000" in printed
    assert "Totaal 2017 339.189" in printed
    for number, image in enumerate(page_images(pdf, dpi=60), start=1):
        image.save(SCREENSHOTS / f"rekening-pdf-{number}.png")

    lines = list(csv.reader(io.StringIO(user.download("CSV").decode("utf-8-sig"))))
    assert lines[0] == ["jaar", "samenwerkingsverband", "pakket", "bedrag"]
    assert [[j, sv, p, f"{int(b):,}".replace(",", ".")] for j, sv, p, b in lines[1:]] == rows

    # The samenwerkingsverband's name on the bill leads to its kostenverdeling.
    with user.page.expect_navigation():
        user.page.locator("table.rekening").get_by_role(
            "link", name="Jeugdhulp Testregio"
        ).first.click()
    assert user.path == "/samenwerkingsverbanden/JTR/kosten/"
    assert "Crisisdienst" in user.text()
    user.assert_clean()
