"""The Jinja2 fragments (regiekamer/jinja.py) print a value as the Django template language does."""

import datetime
from decimal import Decimal

from django.template import engines
from django.utils.safestring import mark_safe

from regiekamer import jinja
from regiekamer.renderers import FormRenderer


def _both(django_source: str, jinja_source: str, **context) -> tuple[str, str]:
    django = engines["django"].from_string(django_source).render(context)
    return django, jinja.environment().from_string(jinja_source).render(context)


def test_values_print_localized_and_escaped_as_in_django():
    values = {
        "tekst": "Jeugd & \"Wmo\" 'samen' <b>",
        "veilig": mark_safe("<b>vet</b>"),
        "getal": Decimal("1.50"),
        "datum": datetime.date(2026, 6, 30),
        "niets": None,
        "leeg": "",
    }
    for name in values:
        source = "{{ " + name + " }}"
        django, jinja2 = _both(source, source, **values)
        assert jinja2 == django, name


def test_the_filters_are_djangos():
    context = {"v": None, "d": datetime.date(2026, 6, 30), "l": ["a", "<b>"], "f": Decimal("0.5")}
    pairs = [
        ('{{ d|date:"j-n-Y" }}', '{{ d|date("j-n-Y") }}'),
        ('{{ v|default:"—" }}', '{{ v|default("—") }}'),
        ('{{ l|join:", " }}', '{{ l|join(", ") }}'),
        ("{% load opmaak %}{{ f|fte }}", "{{ f|fte }}"),
    ]
    for django_source, jinja_source in pairs:
        django, jinja2 = _both(django_source, jinja_source, **context)
        assert jinja2 == django, django_source


def test_a_plain_input_is_written_as_djangos_template_writes_it():
    widget = {
        "type": "text",
        "name": "grid-0-fase_1",
        "value": "0,50",
        "attrs": {"size": 6, "aria-label": 'Rol "x" & y', "required": True, "disabled": False},
    }
    template = FormRenderer().jinja2.get_template("django/forms/widgets/input.html")
    assert FormRenderer().render("django/forms/widgets/text.html", {"widget": widget}) == (
        template.render({"widget": widget}).strip()
    )
