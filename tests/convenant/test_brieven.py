"""The raadsinformatiebrief: drafted from a standard text with merge fields, printed with the
figures of the moment, frozen with its text and figures once it is sent to the council."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from brieven.forms import RaadsinformatiebriefForm
from brieven.models import Briefstatus, Raadsinformatiebrief
from brieven.opstellen import draft_letter, send_letter
from brieven.velden import merge, merge_fields, standard_text
from formatie.models import Bezetting
from kosten.gegevens import load_kostenverdeling
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.opmaak import format_euro
from tests.brieven.factories import complete_letterhead
from tests.pdfs import assert_pages_have_content, pdf_info, pdf_text

pytestmark = pytest.mark.django_db

EDITABLE = [name for name in RaadsinformatiebriefForm.Meta.fields if name != "gemeente"]


def url(name, *args):
    return reverse(f"brieven:{name}", args=["MLW", *args])


def text(response) -> str:
    return response.content.decode()


def letter(response) -> str:
    """The letter itself on its page (not the table of fields below it)."""
    return text(response).split('<article class="brief')[1].split("</article>")[0]


def mlw() -> Samenwerkingsverband:
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def gemeente(naam: str) -> Gemeente:
    return Gemeente.objects.get(naam=naam)


def saved_draft(naam="Nederweert", **changes) -> Raadsinformatiebrief:
    """A stored concept; the date of the college's decision filled in, as sending asks."""
    complete_letterhead(gemeente(naam))
    brief = draft_letter(mlw(), gemeente(naam))
    changes.setdefault("besluitdatum", date(2026, 3, 3))
    for key, value in changes.items():
        setattr(brief, key, value)
    brief.full_clean()
    brief.save()
    return brief


def form_data(brief: Raadsinformatiebrief, **changes) -> dict:
    data = {}
    for name in EDITABLE:
        value = getattr(brief, name)
        if value is None:
            value = ""
        elif hasattr(value, "pk"):
            value = value.pk
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        data[name] = value
    data["versie"] = brief.versie  # the version the form was opened on
    return data | changes


def command_pdf(tmp_path, *args) -> bytes:
    target = tmp_path / "brief.pdf"
    call_command(
        "rapport", "raadsinformatiebrief", "MLW", *args, "-o", str(target), stdout=io.StringIO()
    )
    return target.read_bytes()


def change_the_formation():
    """Twice the FTE for Beleid Wmo in fase 1: every share changes."""
    cell = Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1")
    cell.fte = 2
    cell.save()


# --- merging ------------------------------------------------------------------------------


def test_merge_replaces_known_fields_and_prints_doubled_brackets_once():
    fields = {"gemeente": "Nederweert", "aandeel_2017": "€ 95.730"}
    assert merge("[gemeente] betaalt [aandeel_2017].", fields) == "Nederweert betaalt € 95.730."
    assert merge("zie [[1]] en [[zie bijlage]]", fields) == "zie [1] en [zie bijlage]"
    # Template code in a letter is text, never run.
    assert merge("{{ gemeente }} {% now 'Y' %}", fields) == "{{ gemeente }} {% now 'Y' %}"


def test_merge_refuses_unknown_fields_listing_them():
    with pytest.raises(ValidationError) as error:
        merge("[gemeente] [aandeel_2099] [foo] [foo]", {"gemeente": "Weert"})
    assert "Onbekende velden: [aandeel_2099], [foo]." in error.value.messages[0]
    assert "Beschikbaar: [gemeente]." in error.value.messages[0]


def test_merge_fields_hold_the_engines_figures_as_text(demo):
    fields = merge_fields(
        mlw(), gemeente("Nederweert"), mlw().convenanten.get(dagtekening__year=2016)
    )
    kv = load_kostenverdeling(mlw())
    assert fields["aandeel_totaal"] == f"€\u00a0{format_euro(kv.totaal_gemeente('Nederweert'))}"
    assert format_euro(kv.totaal_gemeente("Nederweert")) == "187.320"
    assert fields["aandeel_2016"].endswith("36.078")
    assert fields["aandeel_2017"].endswith("95.730")
    assert fields["aandeel_2018"].endswith("55.512")
    assert fields["verdeelsleutel"] == "16%"
    assert fields["gemeenten"] == "Leudal, Nederweert en Weert"
    assert fields["dagtekening"] == "31 augustus 2016"
    assert fields["inwerkingtreding"] == "1 september 2016"
    assert fields["einddatum"] == "geen"
    assert all(isinstance(v, str) for v in fields.values())


def test_the_next_herijkingsmoment_follows_the_letters_date(demo):
    convenant = mlw().convenanten.get(dagtekening__year=2016)
    brief = saved_draft(convenant=convenant, datum=date(2016, 8, 30))
    fields = brief.velden()
    # The herijking (go/no-go) itself, not the evaluation that prepares it.
    assert fields["herijkingsdatum"] == "1 januari 2019"
    assert fields["herijkingsmoment"].startswith("1 januari 2019: Eerste herijking")
    assert "go/no-go" in fields["herijkingsmoment"]
    assert fields["evaluatie"] == "medio 2018"
    brief.datum = date(2018, 7, 2)
    assert brief.velden()["herijkingsdatum"] == "1 januari 2019"
    assert brief.velden()["evaluatie"] == "nog niet gepland"
    brief.datum = date(2030, 1, 1)
    assert brief.velden()["herijkingsmoment"] == "nog niet gepland"


def test_the_standard_text_merges_without_unknown_fields(demo):
    convenant = mlw().convenanten.get(dagtekening__year=2016)
    body = standard_text(convenant)
    fields = merge_fields(mlw(), gemeente("Leudal"), convenant, besluitdatum=date(2026, 3, 3))
    merged = merge(body, fields)
    assert "[" not in merged and "]" not in merged
    assert "In onze vergadering van 3 maart 2026 hebben wij" in merged
    assert "421.468" not in merged  # costs only where the regiegroep puts a field


# --- the printed letter -------------------------------------------------------------------


def test_command_prints_the_nederweert_letter(demo, tmp_path):
    pdf = command_pdf(tmp_path, "--gemeente", "Nederweert")
    content = pdf_text(pdf)
    assert "Aan de gemeenteraad van de gemeente Nederweert" in content
    assert "werken de gemeenten Leudal, Nederweert en Weert samen" in content
    assert "Samenwerkingsafspraken" in content and "Ter inzage" in content
    assert "Geachte leden van de gemeenteraad," in content
    assert "burgemeester en wethouders," in content
    assert "Concept, nog niet verzonden" in content  # no letter stored: a draft is printed
    assert not Raadsinformatiebrief.objects.filter(gemeente__naam="Nederweert").exists()
    info = pdf_info(pdf)
    assert info == {
        "title": "Raadsinformatiebrief gemeente Nederweert",
        "lang": "nl",
        "tagged": True,
        "pages": 2,
        "size": pytest.approx([595.28, 841.89], abs=0.1),  # A4 portrait
    }
    assert_pages_have_content(pdf)


def test_command_prints_the_address_of_weert(demo, tmp_path):
    # Weert's latest letter is the real one of 30 August 2016 (the demo's).
    content = pdf_text(command_pdf(tmp_path, "--gemeente", "weert"))
    assert "Aan de gemeenteraad van de gemeente Weert Wilhelminasingel 101 6001 GS WEERT" in content
    assert "30 augustus 2016" in content and "Samenwerken loont" in content


def test_command_needs_a_participating_gemeente(demo, tmp_path):
    with pytest.raises(CommandError, match="Kies een gemeente met --gemeente"):
        command_pdf(tmp_path)
    Gemeente.objects.create(naam="Roermond")
    with pytest.raises(
        CommandError, match="'Roermond' neemt niet deel .* Kies uit: Leudal, Nederweert, Weert"
    ):
        command_pdf(tmp_path, "--gemeente", "Roermond")
    with pytest.raises(CommandError, match="'Venlo' neemt niet deel"):
        command_pdf(tmp_path, "--gemeente", "Venlo")


def test_command_prints_the_latest_stored_letter(demo, tmp_path):
    saved_draft(onderwerp="Eerste brief")
    saved_draft(onderwerp="Tweede brief", kenmerk="RIB-2026-7", burgemeester="B. Meester")
    content = pdf_text(command_pdf(tmp_path, "--gemeente", "Nederweert"))
    assert "Tweede brief" in content and "Eerste brief" not in content
    assert "RIB-2026-7" in content and "B. Meester burgemeester" in content


# --- drafting and editing in the browser --------------------------------------------------


def test_regiegroep_drafts_edits_and_sees_the_merged_figures(demo, regie_client):
    sv_page = text(regie_client.get(mlw().get_absolute_url()))
    assert url("brief-list") in sv_page and "Raadsinformatiebrieven" in sv_page

    choose = regie_client.get(url("brief-create"))
    assert choose.status_code == 200 and "Kies de gemeente" in text(choose)
    nederweert = gemeente("Nederweert")
    form = regie_client.get(url("brief-create"), {"gemeente": nederweert.pk})
    assert form.status_code == 200
    initial = form.context["form"].initial
    assert "[datum_collegebesluit]" in initial["tekst"] and "[aandeel" not in initial["tekst"]
    assert "[aandeel_2017]" in text(form)  # the panel of fields, with today's values
    assert "95.730" in text(form)

    data = {k: "" if v is None else getattr(v, "pk", v) for k, v in initial.items()}
    response = regie_client.post(url("brief-create"), data | {"besluitdatum": "2026-03-03"})
    brief = Raadsinformatiebrief.objects.get(gemeente=nederweert)
    assert response.status_code == 302 and response.url == brief.get_absolute_url()
    assert brief.status == Briefstatus.CONCEPT and brief.gemeente == nederweert
    assert brief.history.get().history_user.username == "regie-test"

    page = letter(regie_client.get(brief.get_absolute_url()))
    assert "Aan de gemeenteraad van de gemeente Nederweert" in page
    assert "In onze vergadering van 3 maart 2026" in page and "[" not in page

    edit = url("brief-update", brief.pk)
    assert regie_client.get(edit).status_code == 200
    data = form_data(
        brief, tekst="Ons aandeel in 2017: [aandeel_2017].\n\nTotaal: [aandeel_totaal]."
    )
    assert regie_client.post(edit, data).status_code == 302
    page = text(regie_client.get(brief.get_absolute_url()))
    assert "Ons aandeel in 2017: €\u00a095.730." in page
    assert "Totaal: €\u00a0187.320." in page

    # A PDF of exactly this letter, with today's figures.
    response = regie_client.get(brief.get_absolute_url(), {"download": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert (
        f'filename="raadsinformatiebrief-MLW-nederweert-{brief.pk}.pdf"'
        in (response["Content-Disposition"])
    )
    assert "Ons aandeel in 2017: € 95.730." in pdf_text(response.content)


def test_an_unknown_field_is_refused_and_nothing_is_saved(demo, regie_client):
    brief = saved_draft()
    before = brief.tekst
    data = form_data(brief, tekst="Ons aandeel: [aandeel_2099] en [naam_wethouder].")
    response = regie_client.post(url("brief-update", brief.pk), data)
    assert response.status_code == 200
    assert "Onbekende velden: [aandeel_2099], [naam_wethouder]." in text(response)
    brief.refresh_from_db()
    assert brief.tekst == before

    data = form_data(brief, tekst="[onbekend]") | {"gemeente": gemeente("Weert").pk}
    response = regie_client.post(url("brief-create"), data)
    assert "Onbekend veld: [onbekend]." in text(response)
    assert Raadsinformatiebrief.objects.filter(gemeente__naam="Weert").count() == 1  # 2016


def test_user_text_is_shown_as_text(demo, regie_client):
    brief = saved_draft(tekst="<script>alert(1)</script> {{ request.user }} {% debug %}")
    page = text(regie_client.get(brief.get_absolute_url()))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "{{ request.user }} {% debug %}" in page


def test_the_gemeente_must_take_part(demo, regie_client):
    roermond = Gemeente.objects.create(naam="Roermond")
    brief = draft_letter(mlw(), gemeente("Weert"))
    brief.gemeente = roermond
    with pytest.raises(ValidationError) as error:
        brief.full_clean()
    assert "Deze gemeente neemt niet deel aan het samenwerkingsverband." in str(error.value)
    data = form_data(draft_letter(mlw(), gemeente("Weert"))) | {"gemeente": roermond.pk}
    response = regie_client.post(url("brief-create"), data)
    assert response.status_code == 200
    assert not Raadsinformatiebrief.objects.filter(gemeente=roermond).exists()


# --- sending freezes ----------------------------------------------------------------------


def test_sending_freezes_text_and_figures(demo, regie_client, tmp_path):
    sent = saved_draft(onderwerp="Verzonden brief", tekst="Totaal: [aandeel_totaal].")
    concept = saved_draft(onderwerp="Conceptbrief", tekst="Totaal: [aandeel_totaal].")

    confirm = regie_client.get(url("brief-send", sent.pk))
    assert confirm.status_code == 200 and "Verzenden en vastleggen" in text(confirm)
    response = regie_client.post(url("brief-send", sent.pk))
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == Briefstatus.VERZONDEN and sent.datum is not None
    assert sent.verzonden_door.username == "regie-test" and sent.verzonden_op is not None
    assert sent.verzonden_tekst == "Totaal: €\u00a0187.320."
    assert sent.verzonden_cijfers["aandeel_totaal"] == "€\u00a0187.320"
    assert all(isinstance(v, str) for v in sent.verzonden_cijfers.values())
    assert sent.verzonden_adres == (
        "Aan de gemeenteraad van de gemeente Nederweert\nRaadhuisplein 1\n1234 AB NEDERWEERT"
    )

    change_the_formation()
    new_total = format_euro(load_kostenverdeling(mlw()).totaal_gemeente("Nederweert"))
    assert new_total != "187.320"

    sent_pdf = pdf_text(regie_client.get(sent.get_absolute_url(), {"download": "pdf"}).content)
    assert "Totaal: € 187.320." in sent_pdf and new_total not in sent_pdf
    assert "Concept" not in sent_pdf
    concept_pdf = pdf_text(
        regie_client.get(concept.get_absolute_url(), {"download": "pdf"}).content
    )
    assert f"Totaal: € {new_total}." in concept_pdf and "187.320" not in concept_pdf

    page = text(regie_client.get(sent.get_absolute_url()))
    assert "Totaal: €\u00a0187.320." in page and "veranderen niet meer" in page
    assert url("brief-update", sent.pk) not in page and url("brief-send", sent.pk) not in page

    # The command prints the latest stored letter: the concept, with the new figures.
    assert new_total in pdf_text(command_pdf(tmp_path, "--gemeente", "Nederweert"))
    concept.delete()
    command_text = pdf_text(command_pdf(tmp_path, "--gemeente", "Nederweert"))
    assert "Totaal: € 187.320." in command_text


def test_a_sent_letter_never_changes(demo, regie_client, client, django_user_model):
    brief = saved_draft(tekst="Totaal: [aandeel_totaal].")
    send_letter(brief, None)
    brief.refresh_from_db()

    # The browser: the edit page sends the user back; a POST changes nothing.
    response = regie_client.post(
        url("brief-update", brief.pk), form_data(brief, tekst="gewijzigd"), follow=True
    )
    assert "verandert niet meer" in text(response)
    assert regie_client.post(url("brief-send", brief.pk)).status_code == 302

    # The code.
    brief.tekst = "gewijzigd"
    with pytest.raises(ValidationError, match="verandert niet meer"):
        brief.save()
    with pytest.raises(ValidationError, match="verandert niet meer"):
        brief.delete()
    with pytest.raises(ValidationError, match="al verzonden"):
        send_letter(brief, None)

    # The admin, even for a superuser.
    admin = django_user_model.objects.create_superuser("admin-test", password="x-geheim-123!")
    client.force_login(admin)
    change = reverse("admin:brieven_raadsinformatiebrief_change", args=[brief.pk])
    page = client.get(change)
    assert page.status_code == 200 and 'name="_save"' not in text(page)
    data = form_data(brief, tekst="gewijzigd") | {
        "samenwerkingsverband": brief.samenwerkingsverband_id,
        "gemeente": brief.gemeente_id,
    }
    assert client.post(change, data).status_code == 403
    delete = reverse("admin:brieven_raadsinformatiebrief_delete", args=[brief.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403

    brief.refresh_from_db()
    assert brief.tekst == "Totaal: [aandeel_totaal]." and brief.status == Briefstatus.VERZONDEN


def test_the_admin_edits_a_concept(demo, client, django_user_model):
    brief = saved_draft()
    admin = django_user_model.objects.create_superuser("admin-test", password="x-geheim-123!")
    client.force_login(admin)
    change = reverse("admin:brieven_raadsinformatiebrief_change", args=[brief.pk])
    assert 'name="_save"' in text(client.get(change))
    data = form_data(brief, tekst="[foo]") | {
        "samenwerkingsverband": brief.samenwerkingsverband_id,
        "gemeente": brief.gemeente_id,
    }
    response = client.post(change, data)
    assert response.status_code == 200 and "Onbekend veld: [foo]." in text(response)


# --- roles and pages ----------------------------------------------------------------------


def test_the_stuurgroep_reads_but_cannot_write(demo, stuur_client):
    brief = saved_draft()
    assert stuur_client.get(url("brief-list")).status_code == 200
    page = text(stuur_client.get(brief.get_absolute_url()))
    assert "Aan de gemeenteraad van de gemeente Nederweert" in page
    assert "Bewerken" not in page and url("brief-send", brief.pk) not in page
    assert "Nieuwe brief" not in text(stuur_client.get(url("brief-list")))

    assert stuur_client.get(url("brief-create")).status_code == 403
    data = form_data(brief) | {"gemeente": brief.gemeente_id}
    assert stuur_client.post(url("brief-create"), data).status_code == 403
    assert stuur_client.get(url("brief-update", brief.pk)).status_code == 403
    assert stuur_client.post(url("brief-update", brief.pk), data).status_code == 403
    assert stuur_client.post(url("brief-send", brief.pk)).status_code == 403
    brief.refresh_from_db()
    assert brief.status == Briefstatus.CONCEPT
    assert Raadsinformatiebrief.objects.filter(status=Briefstatus.CONCEPT).count() == 1


def test_every_page_needs_a_login(demo, client):
    brief = saved_draft()
    for address in [
        url("brief-list"),
        url("brief-create"),
        brief.get_absolute_url(),
        url("brief-update", brief.pk),
        url("brief-send", brief.pk),
    ]:
        response = client.get(address)
        assert response.status_code == 302 and "/inloggen/" in response.url, address


def test_the_list_filters_by_gemeente_status_and_text(demo, regie_client):
    saved_draft(onderwerp="Over Nederweert")
    weert = saved_draft("Weert", onderwerp="Over Weert")
    send_letter(weert, None)
    page = text(regie_client.get(url("brief-list")))
    assert "Over Nederweert" in page and "Over Weert" in page and "Nieuwe brief" in page
    page = text(regie_client.get(url("brief-list"), {"gemeente": gemeente("Weert").pk}))
    assert "Over Weert" in page and "Over Nederweert" not in page
    page = text(regie_client.get(url("brief-list"), {"status": "concept"}))
    assert "Over Nederweert" in page and "Over Weert" not in page
    page = text(regie_client.get(url("brief-list"), {"q": "187.320"}))  # the sent text
    assert "Over Weert" not in page
    page = text(regie_client.get(url("brief-list"), {"q": "over weert"}))
    assert "Over Weert" in page and "Over Nederweert" not in page


def test_list_query_count_stays_flat(demo, regie_client, django_assert_max_num_queries):
    saved_draft()
    with django_assert_max_num_queries(30) as few:
        assert regie_client.get(url("brief-list")).status_code == 200
    for naam in ["Leudal", "Nederweert", "Weert"]:
        brief = saved_draft(naam)
        if naam == "Weert":
            send_letter(brief, None)
    assert Raadsinformatiebrief.objects.count() == 5  # with the demo's letter of 2016
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert regie_client.get(url("brief-list")).status_code == 200
