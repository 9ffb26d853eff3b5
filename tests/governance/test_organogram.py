"""The organogram: an inline SVG without scripts or inline styles."""

import xml.etree.ElementTree as ET

import pytest

from governance.organogram import build_organogram_svg
from tests.governance.factories import GremiumFactory, GremiumRelatieFactory
from tests.partijen.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def organogram():
    sv = SamenwerkingsverbandFactory(naam="T", afkorting="T")

    def gremium(naam, soort):
        return GremiumFactory(samenwerkingsverband=sv, naam=naam, soort=soort)

    stuurgroep = gremium("Stuurgroep", "stuurgroep")
    regiegroep = gremium("Ambtelijke regiegroep", "regiegroep")
    werkgroep = gremium("Werkgroep Schuldhulp & Armoede in de regio Midden", "werkgroep_thematisch")
    escalatie = gremium("Gemeentesecretarissen", "escalatie")
    extern = gremium("Zorgkantoor", "extern")
    relaties = [
        GremiumRelatieFactory(van=stuurgroep, naar=regiegroep, soort="opdrachtgever_van"),
        GremiumRelatieFactory(van=regiegroep, naar=werkgroep, soort="opdrachtgever_van"),
        GremiumRelatieFactory(van=regiegroep, naar=escalatie, soort="escaleert_naar"),
        GremiumRelatieFactory(van=regiegroep, naar=extern, soort="afstemming_met"),
    ]
    gremia = [stuurgroep, regiegroep, werkgroep, escalatie, extern]
    return gremia, relaties


def test_contains_names_relations_and_accessibility(organogram):
    gremia, relaties = organogram
    svg = str(build_organogram_svg(gremia, relaties))
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    # Drawn at the size where its smallest text (10 units) is 11 px: it scrolls, never shrinks.
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    assert float(root.get("width")) == pytest.approx(width * 1.1, abs=0.1)
    assert float(root.get("height")) == pytest.approx(height * 1.1, abs=0.1)
    assert root.find(f"{NS}title").text == "Organogram van T"
    desc = root.find(f"{NS}desc").text
    assert "Stuurgroep is opdrachtgever van Ambtelijke regiegroep" in desc
    assert "Ambtelijke regiegroep escaleert naar Gemeentesecretarissen" in desc
    for naam in ["Stuurgroep", "Ambtelijke regiegroep", "Gemeentesecretarissen", "Zorgkantoor"]:
        assert f">{naam}</text>" in svg
    assert "Schuldhulp &amp; Armoede" in svg and "Schuldhulp & Armoede" not in svg
    assert ">Werkgroep (thematisch)</text>" in svg  # the soort label


def test_lines_markers_and_dashes(organogram):
    root = ET.fromstring(str(build_organogram_svg(*organogram)))
    lines = root.findall(f".//{NS}line")
    assert len(lines) == 4
    with_marker = [line for line in lines if line.get("marker-end")]
    assert len(with_marker) == 3  # two opdrachtgever, one escalatie; afstemming has none
    assert {m.get("id") for m in root.iter(f"{NS}marker")} == {"org-pijl", "org-pijl-rood"}
    escalatie = [line for line in lines if line.get("stroke") == "#c0392b"]
    assert len(escalatie) == 1 and escalatie[0].get("stroke-dasharray")
    assert escalatie[0].get("marker-end") == "url(#org-pijl-rood)"
    labels = [t.text for t in root.iter(f"{NS}text")]
    assert {"opdrachtgever", "escalatie", "afstemming"} <= set(labels)


def test_no_inline_styles_and_deterministic(organogram):
    gremia, relaties = organogram
    svg = str(build_organogram_svg(gremia, relaties))
    root = ET.fromstring(svg)
    assert all("style" not in el.attrib for el in root.iter())
    assert root.find(f".//{NS}style") is None and "<script" not in svg
    assert svg == str(build_organogram_svg(list(reversed(gremia)), list(reversed(relaties))))


def test_relation_to_missing_gremium_is_skipped(organogram):
    gremia, relaties = organogram
    root = ET.fromstring(str(build_organogram_svg(gremia[:2], relaties)))
    assert len(root.findall(f".//{NS}line")) == 1


def test_empty():
    svg = str(build_organogram_svg([], []))
    root = ET.fromstring(svg)
    assert "Nog geen gremia" in svg
    assert root.find(f"{NS}title") is not None and root.find(f"{NS}desc") is not None
    assert root.findall(f".//{NS}line") == []
