"""Load the collaboration, its gemeenten and its convenanten from a fixture of the documents."""

from partijen.models import Domein, Functionaris, Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.datums import Datumprecisie
from regiekamer.demo import add_missing, parse_date, upsert

from .constants import Herijkingssoort
from .models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)

# The convenant's own words around its parties and articles, and where it is known from.
DOCUMENT_TEXT = (
    "opmerking_inwerkingtreding",
    "bron",
    "kop",
    "ondertitel",
    "aanhef",
    "begripsbepaling",
    "kop_artikelen",
)


def load_convenant_record(data: dict) -> None:
    for naam in data.get("domeinen", []):
        upsert(Domein, naam=naam)

    gemeenten = {}
    for g in data["gemeenten"]:
        gemeente = upsert(
            Gemeente,
            naam=g["naam"],
            defaults={"adres": g["adres"], "postcode": g["postcode"], "plaats": g["plaats"]},
        )
        gemeenten[gemeente.naam] = gemeente
        for i in g.get("inwonertallen", []):
            upsert(
                Inwonertal,
                gemeente=gemeente,
                peildatum=parse_date(i["peildatum"]),
                defaults={"aantal": i["aantal"], "bron": i.get("bron", "")},
            )
        for f in g.get("functionarissen", []):
            # The letterhead's signatories; a period the documents do not give stays empty.
            upsert(
                Functionaris,
                gemeente=gemeente,
                functie=f["functie"],
                naam=f["naam"],
                defaults={
                    "vanaf": parse_date(f["vanaf"]),
                    "tot": parse_date(f["tot"]),
                    "bron": f.get("bron", ""),
                },
            )

    verbanden = {}
    for s in data["samenwerkingsverbanden"]:
        sv = upsert(
            Samenwerkingsverband,
            afkorting=s["afkorting"],
            defaults={"naam": s["naam"], "juridische_vorm": s["juridische_vorm"]},
        )
        add_missing(sv.domeinen, Domein.objects.filter(naam__in=s["domeinen"]))
        add_missing(sv.gemeenten, [gemeenten[naam] for naam in s["gemeenten"]])
        verbanden[sv.afkorting] = sv

    convenanten = {}
    for c in data["convenanten"]:
        convenant = upsert(
            Convenant,
            samenwerkingsverband=verbanden[c["samenwerkingsverband"]],
            titel=c["titel"],
            versie=1,
            defaults={
                "status": c["status"],
                "dagtekening": parse_date(c["dagtekening"]),
                "dagtekening_precisie": c.get("dagtekening_precisie", Datumprecisie.DAG),
                "inwerkingtreding": parse_date(c["inwerkingtreding"]),
                "einddatum": parse_date(c["einddatum"]),
                "toelichting": c["toelichting"],
                "voorganger": convenanten.get(c["voorganger"]),
                **{field: c.get(field, "") for field in DOCUMENT_TEXT},
                "zonder_tekst": c.get("zonder_tekst", False),
            },
        )
        convenanten[c["sleutel"]] = convenant
        for o in c["overwegingen"]:
            upsert(
                Overweging, convenant=convenant, letter=o["letter"], defaults={"tekst": o["tekst"]}
            )
        for a in c["artikelen"]:
            artikel = upsert(
                Artikel,
                convenant=convenant,
                nummer=a["nummer"],
                defaults={"tekst": a["tekst"], "slottekst": a["slottekst"]},
            )
            for o in a["onderdelen"]:
                upsert(
                    Artikelonderdeel,
                    artikel=artikel,
                    letter=o["letter"],
                    defaults={"tekst": o["tekst"]},
                )
        for o in c["ondertekenaars"]:
            # Found by the name in any case: an earlier load wrote "Drs. P.P.H. Sterk".
            eerder = convenant.ondertekenaars.filter(
                gemeente=gemeenten[o["gemeente"]], naam__iexact=o["naam"]
            ).first()
            values = {
                "convenant": convenant,
                "gemeente": gemeenten[o["gemeente"]],
                "naam": o["naam"],
                "aanspreekvorm": o.get("aanspreekvorm", ""),
                "functie": o["functie"],
                "datum_collegebesluit": parse_date(o["datum_collegebesluit"]),
            }
            if eerder is None:
                Ondertekenaar.objects.create(**values)
            else:
                upsert(Ondertekenaar, pk=eerder.pk, defaults=values)
        for h in c["herijkingsmomenten"]:
            upsert(
                Herijkingsmoment,
                convenant=convenant,
                datum=parse_date(h["datum"]),
                defaults={
                    "omschrijving": h["omschrijving"],
                    "soort": h.get("soort", Herijkingssoort.HERIJKING),
                    "datum_precisie": h.get("datum_precisie", Datumprecisie.DAG),
                },
            )
