"""A gemeente's letterhead: the address for council mail, a logo (PNG or SVG, checked as a
hostile file) and its signatories by function with their periods, edited on the gemeente's page
by who may edit its address, and shown there as a reader sees it."""

import io
import struct
import zlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from partijen.models import Functie, Functionaris, Gemeente
from regiekamer.logo import check_logo
from regiekamer.roles import REGIEGROEP, STUURGROEP
from tests.conftest import logged_in
from tests.fuzz import page_data
from tests.partijen.factories import FunctionarisFactory, GemeenteFactory
from tests.regiekamer.test_versioning import admin_data
from tests.uploads import HTML
from tests.world import mlw_with_nml, user_with_place

pytestmark = pytest.mark.django_db


def png(width=40, height=20, mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), "white" if mode == "RGB" else 1).save(buffer, "PNG")
    return buffer.getvalue()


SVG_OK = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'width="120" height="40" viewBox="0 0 120 40"><defs><linearGradient id="g">'
    b'<stop offset="0" stop-color="#036"/></linearGradient></defs>'
    b'<rect width="120" height="40" fill="url(#g)"/><use xlink:href="#g"/>'
    b'<text x="6" y="26" style="fill:#fff">Weert</text></svg>'
)
HOSTILE_SVG = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "event": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
    "event op kind": b'<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()"/></svg>',
    "foreignObject": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>x</div></foreignObject></svg>'
    ),
    "externe href": (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<use xlink:href="https://example.org/logo.svg#a"/></svg>'
    ),
    "href naar bestand": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><use href="file:///etc/passwd#x"/></svg>'
    ),
    "image": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,AA"/></svg>'
    ),
    "url in stijl": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x/y)"/></svg>'
    ),
    "import": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "http://x/a.css";</style></svg>'
    ),
    "entiteiten": (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
    ),
    "externe entiteit": (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    ),
    "stylesheet-instructie": (
        b'<?xml version="1.0"?><?xml-stylesheet href="http://x/a.css"?>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    ),
    "link": b'<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><rect/></a></svg>',
    "animatie": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect><set attributeName="fill" to="red"/>'
        b"</rect></svg>"
    ),
    "geen svg": b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>',
    "kapotte xml": b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
}


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        check_logo(upload(name, data))
    return error.value.messages[0]


# --- the logo check ----------------------------------------------------------------------------


def test_a_real_png_and_a_plain_svg_are_accepted():
    assert check_logo(upload("weert.png", png())) == "png"
    assert check_logo(upload("Weert logo.svg", SVG_OK)) == "svg"


@pytest.mark.parametrize("soort", HOSTILE_SVG)
def test_an_svg_that_runs_embeds_or_reaches_out_is_refused_in_dutch(soort):
    message = refusal("logo.svg", HOSTILE_SVG[soort])
    assert message.startswith("Dit logo is geweigerd: logo.svg: ")


def test_the_refusal_says_why():
    assert "<script>" in refusal("a.svg", HOSTILE_SVG["script"])
    assert "gebeurtenis-attribuut (onload)" in refusal("a.svg", HOSTILE_SVG["event"])
    assert "buiten het bestand (href)" in refusal("a.svg", HOSTILE_SVG["externe href"])
    assert "DOCTYPE of entiteiten" in refusal("a.svg", HOSTILE_SVG["externe entiteit"])


def test_a_png_that_is_not_a_png_is_refused():
    assert "alleen een PNG- of SVG-afbeelding" in refusal("logo.png", HTML)
    broken = png()[:8] + b"\x00\x00\x00\rIHDR" + b"\xff" * 40
    assert "geen geldige PNG-afbeelding" in refusal("logo.png", broken)
    truncated = png()[:-20]
    assert "geen geldige PNG-afbeelding" in refusal("logo.png", truncated)


def test_the_name_must_match_the_content():
    assert "PNG-bestand, maar de naam eindigt niet op .png" in refusal("logo.svg", png())
    assert "SVG-bestand, maar de naam eindigt niet op .svg" in refusal("logo.png", SVG_OK)


def test_a_huge_image_is_refused_before_it_is_decoded():
    # A small file (one bit per pixel, all white compresses to almost nothing) of 6000 px.
    limits = "hooguit 4.000 pixels per zijde en 8.000.000 in totaal"
    assert f"6.000 × 100 pixels; {limits}" in refusal("logo.png", png(6000, 100, mode="1"))
    assert f"3.000 × 3.000 pixels; {limits}" in refusal("logo.png", png(3000, 3000, mode="1"))
    # A decompression bomb: a header that promises 40.000 × 40.000 pixels.
    bomb = png(1, 1)
    bomb = bomb[:16] + (40_000).to_bytes(4, "big") * 2 + bomb[24:]
    assert "Dit logo is geweigerd" in refusal("logo.png", bomb)


def test_a_large_file_is_refused(settings):
    assert "groter dan 1 MB" in refusal("logo.svg", SVG_OK + b" " * (1024 * 1024))


# --- the signatories ---------------------------------------------------------------------------


def test_who_signs_on_a_date_follows_the_periods():
    weert = GemeenteFactory(naam="Weert")
    FunctionarisFactory(gemeente=weert, naam="A. Oud", tot=date(2016, 12, 31))
    FunctionarisFactory(gemeente=weert, naam="B. Nieuw", vanaf=date(2017, 1, 1))
    FunctionarisFactory(gemeente=weert, functie=Functie.GEMEENTESECRETARIS, naam="S. Ecretaris")
    FunctionarisFactory(gemeente=weert, functie=Functie.WETHOUDER, naam="W. Ethouder")

    assert weert.ondertekenaars_op(date(2016, 8, 30)) == {
        "burgemeester": "A. Oud",
        "gemeentesecretaris": "S. Ecretaris",
    }
    assert weert.ondertekenaars_op(date(2021, 7, 5))["burgemeester"] == "B. Nieuw"
    in_office = [f.naam for f in Functionaris.objects.op(date(2017, 1, 1))]
    assert in_office[0] == "B. Nieuw"  # the most recently started first
    assert sorted(in_office[1:]) == ["S. Ecretaris", "W. Ethouder"]
    assert GemeenteFactory().ondertekenaars_op(date(2016, 1, 1)) == {}


def test_a_period_reads_as_known():
    assert FunctionarisFactory.build(vanaf=date(2010, 1, 1)).periode == "vanaf 1-1-2010"
    assert FunctionarisFactory.build().periode == "periode onbekend"
    both = FunctionarisFactory.build(vanaf=date(2010, 1, 1), tot=date(2017, 12, 31))
    assert both.periode == "1-1-2010 t/m 31-12-2017"


def test_the_demo_has_weerts_letterhead_from_the_2016_letter(demo, regie_client):
    weert = Gemeente.objects.get(naam="Weert")
    assert (weert.adres, weert.postcode, weert.plaats) == (
        "Wilhelminasingel 101",
        "6001 GS",
        "Weert",
    )
    assert weert.ondertekenaars_op(date(2016, 8, 30)) == {
        "gemeentesecretaris": "M.H.F. Knaapen",
        "burgemeester": "A.A.M.M. Heijmans",
    }
    rows = weert.functionarissen.all()
    assert {(f.vanaf, f.tot, f.bron) for f in rows} == {
        (None, None, "raadsinformatiebrief van 30 augustus 2016")
    }
    assert not weert.logo  # the documents have none

    page = regie_client.get(weert.get_absolute_url()).content.decode()
    assert "Adres voor raadspost" in page
    assert "6001 GS WEERT" in page
    assert "Geen logo: de brief draagt alleen de naam &ldquo;Gemeente Weert&rdquo;." in page
    assert "<td>burgemeester</td><td>A.A.M.M. Heijmans</td><td>periode onbekend</td>" in page
    assert "<td>M.H.F. Knaapen</td>" in page


# --- editing on the gemeente's page ------------------------------------------------------------


@pytest.fixture
def world(django_user_model, media):
    rows = mlw_with_nml(django_user_model)
    rows["regie_nml"] = user_with_place(django_user_model, "regie-nml", [REGIEGROEP], [rows["nml"]])
    rows["stuur"] = user_with_place(django_user_model, "stuur-mlw", [STUURGROEP], [rows["mlw"]])
    return rows


def edit_url(gemeente) -> str:
    return reverse("gemeenten:gemeente-update", args=[gemeente.pk])


def logo_url(gemeente) -> str:
    return reverse("gemeenten:gemeente-logo", args=[gemeente.pk])


def with_letterhead(data: dict, logo=None, **rows) -> dict:
    """The edit page's data with a logo and functionaris rows (functie, naam, vanaf, tot)."""
    data = dict(data)
    if logo is not None:
        data["logo"] = logo
    existing = int(data["functionarissen-TOTAL_FORMS"])
    for index, (functie, naam, vanaf, tot) in enumerate(rows.get("functionarissen", [])):
        prefix = f"functionarissen-{existing - 1 + index}"
        data |= {
            f"{prefix}-functie": functie,
            f"{prefix}-naam": naam,
            f"{prefix}-vanaf": vanaf,
            f"{prefix}-tot": tot,
            f"{prefix}-bron": "gemeentegids",
        }
    data["functionarissen-TOTAL_FORMS"] = str(existing + len(rows.get("functionarissen", [])))
    return data


def test_the_regiegroep_uploads_a_logo_and_names_who_signs(world):
    nederweert = world["nederweert"]
    client = logged_in(world["regie"])
    form = client.get(edit_url(nederweert))
    assert 'enctype="multipart/form-data"' in form.content.decode()
    data = with_letterhead(
        page_data(form),
        logo=upload("nederweert.png", png()),
        functionarissen=[
            ("burgemeester", "M. Burgemeester", "2010-01-01", ""),
            ("gemeentesecretaris", "S. Secretaris", "", ""),
        ],
    )
    response = client.post(edit_url(nederweert), data)
    assert response.status_code == 302, response.context and response.context["form"].errors

    nederweert.refresh_from_db()
    assert nederweert.logo.name.startswith("logos/") and nederweert.logo.name.endswith(".png")
    assert nederweert.logo_bestandsnaam == "nederweert.png"
    assert nederweert.ondertekenaars_op(date(2016, 8, 30)) == {
        "burgemeester": "M. Burgemeester",
        "gemeentesecretaris": "S. Secretaris",
    }
    page = client.get(nederweert.get_absolute_url()).content.decode()
    assert f'src="{logo_url(nederweert)}"' in page
    assert "<td>M. Burgemeester</td><td>vanaf 1-1-2010</td>" in page
    assert "Functionaris" in page  # the history names what was added

    served = client.get(logo_url(nederweert))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served["Content-Security-Policy"]
    assert b"".join(served.streaming_content) == png()


def test_an_svg_logo_is_served_so_that_it_never_runs(world):
    nederweert = world["nederweert"]
    client = logged_in(world["regie"])
    data = page_data(client.get(edit_url(nederweert))) | {"logo": upload("n.svg", SVG_OK)}
    assert client.post(edit_url(nederweert), data).status_code == 302
    served = client.get(logo_url(nederweert))
    assert served["Content-Type"] == "image/svg+xml"
    assert served["Content-Security-Policy"].startswith("default-src 'none'")
    assert "sandbox" in served["Content-Security-Policy"]
    assert served["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("logo.svg", HOSTILE_SVG["script"], "<script>"),
        ("logo.svg", HOSTILE_SVG["externe href"], "buiten het bestand"),
        ("logo.png", HTML, "alleen een PNG- of SVG-afbeelding"),
        ("logo.png", png(6000, 100, mode="1"), "pixels per zijde"),
    ],
)
def test_a_hostile_logo_is_refused_on_the_page_and_nothing_is_stored(world, name, data, says):
    nederweert = world["nederweert"]
    client = logged_in(world["regie"])
    posted = page_data(client.get(edit_url(nederweert))) | {"logo": upload(name, data)}
    response = client.post(edit_url(nederweert), posted)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Niet opgeslagen" in page
    assert "Dit logo is geweigerd" in page
    assert escape(says) in page
    nederweert.refresh_from_db()
    assert not nederweert.logo


def test_overlapping_signatories_are_refused_with_what_to_do(world):
    nederweert = world["nederweert"]
    client = logged_in(world["regie"])
    data = with_letterhead(
        page_data(client.get(edit_url(nederweert))),
        functionarissen=[
            ("burgemeester", "A. Een", "2010-01-01", ""),
            ("burgemeester", "B. Twee", "2015-01-01", ""),
        ],
    )
    page = client.post(edit_url(nederweert), data).content.decode()
    assert "B. Twee en A. Een zijn in dezelfde periode burgemeester" in page
    assert not nederweert.functionarissen.exists()

    data = with_letterhead(
        page_data(client.get(edit_url(nederweert))),
        functionarissen=[("burgemeester", "A. Een", "2016-01-01", "2015-01-01")],
    )
    page = client.post(edit_url(nederweert), data).content.decode()
    assert "De einddatum ligt vóór de begindatum." in page
    assert not nederweert.functionarissen.exists()


def test_another_samenwerkingsverbands_user_sees_nor_changes_the_letterhead(world):
    nederweert = world["nederweert"]
    FunctionarisFactory(gemeente=nederweert, naam="M. Burgemeester")
    nederweert.logo = upload("n.png", png())
    nederweert.save()
    stranger = logged_in(world["regie_nml"])
    assert stranger.get(nederweert.get_absolute_url()).status_code == 404
    assert stranger.get(logo_url(nederweert)).status_code == 404
    forged = with_letterhead(
        page_data(logged_in(world["regie"]).get(edit_url(nederweert))),
        logo=upload("x.png", png(10, 10)),
        functionarissen=[("gemeentesecretaris", "X. Vreemd", "", "")],
    )
    assert stranger.post(edit_url(nederweert), forged).status_code in (403, 404)
    nederweert.refresh_from_db()
    assert nederweert.logo_bestandsnaam == "n.png"
    assert list(nederweert.functionarissen.values_list("naam", flat=True)) == ["M. Burgemeester"]


def test_the_stuurgroep_reads_but_a_forged_post_changes_nothing(world):
    nederweert = world["nederweert"]
    stuur = logged_in(world["stuur"])
    assert stuur.get(nederweert.get_absolute_url()).status_code == 200
    forged = with_letterhead(
        page_data(logged_in(world["regie"]).get(edit_url(nederweert))),
        logo=upload("x.png", png(10, 10)),
        functionarissen=[("burgemeester", "X. Vreemd", "", "")],
    )
    assert stuur.post(edit_url(nederweert), forged).status_code == 403
    assert not Gemeente.objects.get(pk=nederweert.pk).logo
    assert not nederweert.functionarissen.exists()


def test_mlws_regiegroep_does_not_change_the_letterhead_of_a_gemeente_nml_shares(world):
    """Weert takes part in NML too: its letterhead is its own data, as its address is."""
    weert = world["weert"]
    regie = logged_in(world["regie"])
    forged = with_letterhead(
        page_data(logged_in(world["beheer"]).get(edit_url(weert))),
        functionarissen=[("burgemeester", "X. Vreemd", "", "")],
    )
    assert regie.post(edit_url(weert), forged).status_code == 403
    assert not weert.functionarissen.exists()
    # Weert's own official does.
    official = logged_in(world["ambtenaar"])
    data = with_letterhead(
        page_data(official.get(edit_url(weert))),
        logo=upload("weert.svg", SVG_OK),
        functionarissen=[("burgemeester", "A.A.M.M. Heijmans", "", "")],
    )
    assert official.post(edit_url(weert), data).status_code == 302
    weert.refresh_from_db()
    assert weert.logo and weert.ondertekenaars_op(date(2016, 8, 30)) == {
        "burgemeester": "A.A.M.M. Heijmans"
    }


def test_a_forged_row_for_another_gemeente_is_refused(world):
    """The formset's gemeente is the page's: a post that says otherwise stores nothing."""
    nederweert, venlo = world["nederweert"], world["venlo"]
    client = logged_in(world["regie"])
    data = with_letterhead(
        page_data(client.get(edit_url(nederweert))),
        functionarissen=[("burgemeester", "X. Vreemd", "", "")],
    )
    data["functionarissen-0-gemeente"] = str(venlo.pk)
    response = client.post(edit_url(nederweert), data)
    assert response.status_code == 200
    assert "Niet opgeslagen" in response.content.decode()
    assert not Functionaris.objects.exists()


def crafted_png(width: int, height: int, idat: bytes) -> bytes:
    """A PNG whose chunks all have the right checksums, around the pixel stream ``idat``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def test_a_png_whose_pixels_are_broken_is_refused():
    # Refused also after a PDF was made (WeasyPrint lets Pillow read truncated images).
    printed = png_to_pdf_once()
    assert printed
    broken = crafted_png(40, 20, b"geen zlib-stroom")
    assert "geen geldige PNG-afbeelding" in refusal("logo.png", broken)
    cut = crafted_png(40, 20, zlib.compress(b"\0" * (20 * 121))[:-6])
    assert "geen geldige PNG-afbeelding" in refusal("logo.png", cut)
    whole = crafted_png(40, 20, zlib.compress(b"\0" * (20 * 121)))
    assert check_logo(upload("logo.png", whole)) == "png"


def test_a_png_whose_pixels_unpack_into_far_more_is_refused():
    bomb = crafted_png(100, 100, zlib.compress(b"\0" * 20_000_000, 9))
    assert len(bomb) < 30_000
    assert "pakt uit tot meer dan haar pixels" in refusal("logo.png", bomb)


def png_to_pdf_once() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>x</p>").write_pdf()


def test_the_admin_refuses_a_hostile_logo_too(world):
    nederweert = world["nederweert"]
    admin = logged_in(world["beheer"])
    url = reverse("admin:partijen_gemeente_change", args=[nederweert.pk])
    data = admin_data(admin.get(url)) | {"logo": upload("logo.svg", HOSTILE_SVG["script"])}
    response = admin.post(url, data)
    assert response.status_code == 200
    assert "Dit logo is geweigerd: logo.svg: het bevat een &lt;script&gt;-element" in (
        response.content.decode()
    )
    nederweert.refresh_from_db()
    assert not nederweert.logo
