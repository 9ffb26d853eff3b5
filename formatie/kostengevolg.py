"""What the formation costs, as the formation's own pages show it.

The cost engine lives in ``kosten/``, one layer above ``formatie/`` (README, Layout): formatie may
not import it. The formation pages, the admin and the bezetting report ask :func:`engine`;
``kosten`` puts its engine here when it starts (``KostenConfig.ready``). This base class is the
formation without costs: nothing missing, no cost figures.
"""

from __future__ import annotations


class Kostengevolg:
    def ontbrekend(self, sv) -> dict[int, list]:
        """Per rol id, the amounts (salarisschaal, uurtarief) its costs need and lack."""
        return {}

    def rol_waarschuwing(self, sv, ontbrekend, vooraf: str = "") -> str:
        """A warning (HTML) naming what is missing for a rol, with the links to fill it in."""
        return vooraf

    def overzicht(self, sv) -> dict:
        """The bezetting page's cost context: the fix links per rol, the cost per year, or
        why the costs cannot be computed."""
        return {}

    def na_opslaan(self, sv, vooraf: str = "Bezetting opgeslagen.") -> tuple[str, str]:
        """After the formation is saved: the message level ("success" or "warning") and text
        (``vooraf``: what was saved)."""
        return "success", vooraf

    def gegevens_stand(self, sv) -> str:
        """'Stand van de gegevens' of what the figures are computed from."""
        return ""


_engine = Kostengevolg()


def register(engine: Kostengevolg) -> None:
    global _engine
    _engine = engine


def engine() -> Kostengevolg:
    return _engine
