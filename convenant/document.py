"""The convenant printed as a document: parties, considerations, articles, signature block."""

from django.db.models import Prefetch

from regiekamer.pdf import RapportFout

from .models import Artikel, Convenant, Ondertekenaar

DOCUMENT_QUERYSET = Convenant.objects.select_related("samenwerkingsverband").prefetch_related(
    "overwegingen",
    Prefetch("artikelen", queryset=Artikel.objects.prefetch_related("onderdelen")),
    Prefetch("ondertekenaars", queryset=Ondertekenaar.objects.select_related("gemeente")),
    "herijkingsmomenten",
    "opvolgers",
)


def current_convenant(sv) -> Convenant:
    """The current convenant of the samenwerkingsverband (``Convenant.objects.huidig()``), with
    what the document prints; a Dutch RapportFout when it has none."""
    found = DOCUMENT_QUERYSET.filter(samenwerkingsverband=sv).huidig()
    if found is None:
        raise RapportFout(f"{sv.naam} heeft nog geen convenant.")
    return found


def convenant_report(sv, convenant=None, **options) -> tuple[str, dict]:
    convenant = convenant or current_convenant(sv)
    stand = f"versie {convenant.versie}, {convenant.get_status_display().lower()}"
    return "rapporten/convenant.html", {
        "titel": convenant.titel,
        "object": convenant,
        "gegevens_stand": stand,
    }
