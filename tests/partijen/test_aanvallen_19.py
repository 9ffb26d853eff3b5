"""Issue 19's letterhead as an attacker sees it: crafted SVG logos and forged functionaris rows."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from partijen.models import Functionaris
from regiekamer.logo import check_logo, check_svg
from tests.conftest import logged_in
from tests.fuzz import page_data
from tests.partijen.factories import FunctionarisFactory
from tests.partijen.test_briefhoofd import edit_url, world  # noqa: F401 (fixture)


def svg(body: str) -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>'.encode()


@pytest.mark.parametrize(
    "body",
    [
        r"<style>rect{fill:\75rl(http://evil/x)}</style><rect/>",  # \75 = u
        r'<rect style="fill:\75 rl(http://evil/x)"/>',
        r'<style>@\69mport "http://evil/a.css";</style>',  # \69 = i
        r"<style>@font-face{font-family:x;src:\75rl(http://evil/f.ttf)}</style>",
        r"<style>rect{fill:u\rl(file:///etc/passwd)}</style>",
        "<style>rect{fill:url(/*x*/#a)}</style>",  # the comment is part of the URL
    ],
)
def test_a_css_escape_does_not_hide_a_reference_outside_the_logo(body):
    with pytest.raises(ValidationError, match="buiten het bestand"):
        check_svg(svg(body))


def test_an_svg_with_a_local_paint_reference_is_still_accepted():
    check_svg(svg('<defs><linearGradient id="a"/></defs><rect style="fill:url(#a)"/>'))


def test_a_forged_row_id_of_another_gemeentes_functionaris_changes_nothing(world):  # noqa: F811
    """The formset's rows are the page's gemeente's: an id of Venlo's signatory is not edited."""
    nederweert, venlo = world["nederweert"], world["venlo"]
    theirs = FunctionarisFactory(gemeente=venlo, naam="A. Venlo")
    client = logged_in(world["regie"])
    data = page_data(client.get(edit_url(nederweert)))
    data |= {
        "functionarissen-0-id": str(theirs.pk),
        "functionarissen-0-functie": "burgemeester",
        "functionarissen-0-naam": "X. Vreemd",
        "functionarissen-0-bron": "vervalst",
        "functionarissen-0-DELETE": "",
    }
    response = client.post(edit_url(nederweert), data)
    assert response.status_code in (200, 302, 403, 404)
    theirs.refresh_from_db()
    assert theirs.naam == "A. Venlo" and theirs.gemeente == venlo
    assert not Functionaris.objects.filter(naam="X. Vreemd").exists()


def test_style_text_after_a_child_element_is_checked_too():
    """A browser reads all of a <style>'s text; the check read only what came before a child."""
    with pytest.raises(ValidationError, match="buiten het bestand"):
        check_svg(svg("<style>a{}<g/>rect{fill:url(http://evil/x)}</style><rect/>"))


def apng() -> bytes:
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (40, 20), colour) for colour in ("red", "blue")]
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:], duration=100)
    return buffer.getvalue()


def test_an_animated_png_is_refused_as_an_animated_svg_is():
    """APNG frames (fdAT) are pixels neither Pillow's verify nor the IDAT bomb check read."""
    data = apng()
    assert b"acTL" in data and b"fdAT" in data
    with pytest.raises(ValidationError, match="bewegende PNG"):
        check_logo(SimpleUploadedFile("logo.png", data))


def test_a_png_with_something_after_its_end_is_refused():
    """A PNG followed by HTML (or a ZIP) is a polyglot: refused, not stored as it came."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, "PNG")
    with pytest.raises(ValidationError, match="na het einde van de afbeelding"):
        check_logo(
            SimpleUploadedFile("logo.png", buffer.getvalue() + b"<html><script>x()</script>")
        )
    check_logo(SimpleUploadedFile("logo.png", buffer.getvalue()))


def test_a_deeply_nested_svg_is_refused_rather_than_left_out_of_the_pdf():
    """3.000 nested groups pass expat, but WeasyPrint's drawing recurses too deep and prints the
    letter without its logo, silently: refused with a message instead."""
    with pytest.raises(ValidationError, match="diep genest"):
        check_svg(svg("<g>" * 3000 + "<rect/>" + "</g>" * 3000))
    check_svg(svg("<g>" * 50 + "<rect/>" + "</g>" * 50))


def nested_uses(levels: int, copies: int) -> str:
    """A few hundred bytes whose <use> copies draw copies ** levels rectangles."""
    parts = ['<defs><rect id="l0" width="1" height="1"/>']
    for i in range(1, levels + 1):
        uses = "".join(f'<use href="#l{i - 1}"/>' for _ in range(copies))
        parts.append(f'<g id="l{i}">{uses}</g>')
    return "".join(parts) + f'</defs><use href="#l{levels}"/>'


def test_use_copies_that_draw_millions_or_themselves_are_refused():
    """4 ** 8 rectangles took WeasyPrint 33 s, 10 ** 6 more than a minute, for every letter of
    that gemeente; a self-copy is refused too."""
    for body in (nested_uses(8, 4), nested_uses(6, 10)):
        with pytest.raises(ValidationError, match="meer dan 5.000 elementen"):
            check_svg(svg(body))
    with pytest.raises(ValidationError, match="naar zichzelf"):
        check_svg(svg('<g id="a"><g><use href="#b"/></g></g><use id="b" href="#a"/>'))
    check_svg(svg(nested_uses(3, 4)))  # 64 rectangles: a logo may reuse its shapes


def test_a_marker_drawn_at_every_vertex_is_refused():
    """A 100 kB path of 20.000 vertices with marker-mid of 50 shapes: WeasyPrint draws a
    million shapes and the letter's PDF takes more than a minute and a half."""
    marker = '<marker id="m">' + '<rect width="1" height="1"/>' * 50 + "</marker>"
    path = '<path d="M0 0' + " l1 0" * 20000 + '" marker-mid="url(#m)"/>'
    with pytest.raises(ValidationError, match="<marker>"):
        check_svg(svg(f"<defs>{marker}</defs>{path}"))


@pytest.mark.parametrize(
    "kind, attribute", [("mask", "mask"), ("clipPath", "clip-path"), ("pattern", "fill")]
)
def test_a_mask_clip_or_pattern_named_by_thousands_is_refused(kind, attribute):
    """2.000 rectangles each naming a mask of 2.000: four million shapes, a PDF of minutes."""
    inner = '<rect width="1" height="1"/>' * 2000
    named = f'<rect width="5" height="5" {attribute}="url(#m)"/>' * 2000
    with pytest.raises(ValidationError, match="meer dan 5.000 elementen"):
        check_svg(svg(f'<defs><{kind} id="m">{inner}</{kind}></defs>{named}'))
    styled = (
        f'<style>rect{{{attribute}:url(#m)}}</style><defs><{kind} id="m">{inner}</{kind}></defs>'
    )
    with pytest.raises(ValidationError, match="meer dan 5.000 elementen"):
        check_svg(svg(styled + '<rect width="5" height="5"/>' * 10))
