"""An object's name (admin messages, delete pages, history) shows its numbers the Dutch way."""

from datetime import date
from decimal import Decimal

from formatie.models import Salarisschaal
from kosten.models import Verdeelsleutelaandeel
from partijen.models import Inwonertal


def test_salarisschaal_names_its_amount_in_euros():
    schaal = Salarisschaal(schaal=8, jaar=2016, jaarkosten_per_fte=Decimal("73000.00"))
    assert str(schaal) == "schaal 8 vanaf 2016: € 73.000"


def test_inwonertal_has_a_thousands_dot():
    inwonertal = Inwonertal(aantal=50250, peildatum=date(2016, 1, 1))
    assert str(inwonertal) == "50.250 inwoners op 01-01-2016"


def test_aandeel_is_a_dutch_percentage():
    assert str(Verdeelsleutelaandeel(percentage=Decimal("36.00"))) == "36%"
    assert str(Verdeelsleutelaandeel(percentage=Decimal("33.33"))) == "33,33%"
