"""The regiegroep changes one cell of the formation grid; the cost table and its PDF follow."""

from decimal import Decimal

import pytest

from kosten.gegevens import load_formatie, load_kostenverdeling, load_sleutels
from kosten.tabel import rol_label
from kosten.verdeling import calculate_kostenverdeling
from partijen.models import Samenwerkingsverband
from regiekamer.opmaak import format_decimal, format_euro
from tests.pdfs import pdf_text

pytestmark = pytest.mark.e2e

SV = "Sociaal Domein Midden-Limburg West"
ROL, FASE = "Beleid Jeugd", "Fase 3"
EXTRA_FTE = Decimal("0.5")


def fte_in(user, label: str) -> Decimal:
    """The number in a cell of the grid (written the Dutch way: 1,5)."""
    return Decimal(user.page.get_by_label(label, exact=True).input_value().replace(",", "."))


def label(kv, rol_naam: str) -> str:
    """The rol as the cost table labels it: "beleid jeugd (schaal 12)"."""
    return rol_label(next(r for r in kv.rollen if r.naam == rol_naam), kv.fasen)


def cost_row(user, kv, rol: str) -> list[str]:
    """The cells of a rol's row in the cost table, as the user reads them."""
    row = user.page.locator("table.cost-table tbody tr").filter(
        has=user.page.get_by_role("rowheader", name=label(kv, rol), exact=True)
    )
    return [cell.strip() for cell in row.locator("td").all_inner_texts()]


def expected_row(kv, rol_naam: str) -> list[str]:
    """A rol's row as the page writes it: costs per year, then each gemeente's share."""
    rol = next(r for r in kv.rollen if r.naam == rol_naam)
    cells = [kv.regel(rol, j).kosten for j in kv.jaren]
    cells += [kv.regel(rol, j).aandelen.get(g) for j in kv.jaren for g in kv.gemeenten]
    return [format_euro(v) if v else "—" for v in cells]


def expected_after_the_change(sv):
    """The cost distribution computed by the engine from the formation as it was, with the
    one cell changed in memory: independent of how the page saves it."""
    formatie = load_formatie(sv)
    fase = next(f for f in formatie.fasen if f.naam == FASE)
    rol = next(r for r in formatie.rollen if r.naam == ROL)
    rol.bezetting[fase.id] = rol.bezetting.get(fase.id, Decimal(0)) + EXTRA_FTE
    return calculate_kostenverdeling(formatie, load_sleutels(sv, formatie.jaren))


def test_regiegroep_edits_the_grid_and_the_cost_table_and_its_pdf_follow(browse):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    before = load_kostenverdeling(sv)
    expected = expected_after_the_change(sv)
    changed_years = [
        j for j in before.jaren if expected.totaal_kosten(j) != before.totaal_kosten(j)
    ]
    # Fase 3 runs from September 2017 to December 2018: both years cost more.
    assert changed_years == [2017, 2018]

    user = browse()
    user.log_in("regie")
    user.follow(SV)
    user.follow("Formatie")
    user.follow("Kostenverdeling")
    assert cost_row(user, before, ROL) == expected_row(before, ROL)

    user.follow("Bezetting")
    old = fte_in(user, f"{ROL}: {FASE}")
    user.page.get_by_label(f"{ROL}: {FASE}", exact=True).fill(format_decimal(old + EXTRA_FTE))
    user.submit("Opslaan")
    assert "Bezetting opgeslagen. De kostenverdeling is bijgewerkt." in user.text()
    assert fte_in(user, f"{ROL}: {FASE}") == old + EXTRA_FTE

    user.follow("Kostenverdeling")
    row = cost_row(user, expected, ROL)
    assert row == expected_row(expected, ROL)
    assert row != expected_row(before, ROL)
    totals = user.page.locator("table.cost-table tfoot tr.total td").all_inner_texts()
    for index, jaar in enumerate(expected.jaren):
        assert totals[index].strip() == format_euro(expected.totaal_kosten(jaar))

    text = pdf_text(user.download("PDF"))
    for jaar in changed_years:
        assert format_euro(expected.totaal_kosten(jaar)) in text
    rol = next(r for r in expected.rollen if r.naam == ROL)
    kosten = " ".join(format_euro(expected.regel(rol, j).kosten) for j in expected.jaren)
    assert f"{label(expected, ROL)} {kosten}" in text

    user.screenshot("formatie")
    user.assert_clean()
