"""The cost engine's answers on the formation's pages (``formatie.kostengevolg``): registered
when the app starts (``KostenConfig.ready``)."""

from formatie.kostengevolg import Kostengevolg

from .gegevens import load_formatie, load_kostenverdeling
from .ontbrekend import fout_context, fout_html, herstellen, rol_html
from .rapporten import data_state
from .verdeling import KostenFout, missing_per_rol


class Kosten(Kostengevolg):
    def ontbrekend(self, sv):
        return missing_per_rol(load_formatie(sv))

    def rol_waarschuwing(self, sv, ontbrekend, vooraf=""):
        return rol_html(sv, ontbrekend, vooraf)

    def overzicht(self, sv):
        formatie = load_formatie(sv)
        ontbrekend = missing_per_rol(formatie)
        context = {
            "rol_ontbrekend": {rol_id: herstellen(sv, m) for rol_id, m in ontbrekend.items()}
        }
        try:
            kv = load_kostenverdeling(sv, formatie)
        except KostenFout as fout:
            return context | fout_context(sv, fout)
        return context | {"kosten_per_jaar": [(j, kv.totaal_kosten(j)) for j in kv.jaren], "kv": kv}

    def na_opslaan(self, sv, vooraf="Bezetting opgeslagen."):
        try:
            load_kostenverdeling(sv)
        except KostenFout as fout:
            return "warning", fout_html(sv, fout, vooraf)
        return "success", f"{vooraf} De kostenverdeling is bijgewerkt."

    def gegevens_stand(self, sv):
        return data_state(sv)
