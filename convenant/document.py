"""The convenant printed as a document: parties, considerations, articles, signature block."""

from django.db.models import F, Prefetch

from regiekamer.pdf import RapportFout

from .constants import ConvenantStatus
from .models import Artikel, Convenant, Ondertekenaar

DOCUMENT_QUERYSET = Convenant.objects.select_related("samenwerkingsverband").prefetch_related(
    "overwegingen",
    Prefetch("artikelen", queryset=Artikel.objects.prefetch_related("onderdelen")),
    Prefetch("ondertekenaars", queryset=Ondertekenaar.objects.select_related("gemeente")),
    "herijkingsmomenten",
)


def current_convenant(sv) -> Convenant:
    """The latest signed convenant of the samenwerkingsverband, else its latest draft."""
    convenanten = DOCUMENT_QUERYSET.filter(samenwerkingsverband=sv)
    found = (
        convenanten.filter(status=ConvenantStatus.ONDERTEKEND)
        .order_by(F("dagtekening").desc(nulls_last=True), "-versie")
        .first()
        or convenanten.order_by("-versie", "-pk").first()
    )
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
