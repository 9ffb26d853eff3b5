"""The convenant in the real browser (issue 19): the 2016 convenant says a later one is known,
shows the inwerkingtreding contradiction and "medio 2018"; its form edits a moment's soort and
precision; the 2018 convenant says its text is not recorded."""

import pytest

from convenant.models import Convenant

pytestmark = pytest.mark.e2e


def test_the_convenant_page_reads_as_the_record_of_the_documents(browse):
    user = browse()
    user.log_in("regie")
    c2016 = Convenant.objects.get(titel__endswith="ML-West 2016")
    user.open(c2016.get_absolute_url())
    text = user.text()
    assert "Er is een later convenant bekend: Uitvoeringsconvenant Samenwerking" in text
    assert "UITVOERINGSCONVENANT" in text and "rechtsgeldig vertegenwoordigd door" in text
    assert "De bronnen spreken elkaar tegen." in text
    assert "medio 2018, evaluatie:" in text and "1 juli 2018" not in text
    user.screenshot("convenant-2016")
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.screenshot("convenant-2016-390")
    user.page.set_viewport_size({"width": 1280, "height": 900})

    user.follow("Bewerken")
    soort = user.page.locator("#id_herijkingsmomenten-0-soort")
    precisie = user.page.locator("#id_herijkingsmomenten-0-datum_precisie")
    assert soort.input_value() == "evaluatie" and precisie.input_value() == "medio"
    user.screenshot("convenant-2016-bewerken")
    user.page.locator("#id_herijkingsmomenten-1-datum_precisie").select_option("maand")
    user.submit("Opslaan")
    assert "januari 2019, herijking (go/no-go):" in user.text()
    assert "1 januari 2019" not in user.text()

    user.follow("Uitvoeringsconvenant Samenwerking Sociaal Domein gemeenten ML-West 2018")
    assert "De tekst van dit convenant is niet vastgelegd; het is bekend uit: ORGfit" in user.text()
    user.screenshot("convenant-2018")
    user.assert_clean()
