"""Dates as the documents give them: exact ("30-8-2016"), or not ("medio 2018", "vóór 5-7-2021",
"datum onbekend").

A record with such a date stores two fields: ``datum`` (a real date, or empty when it is unknown)
and ``datum_precisie`` (how exact that date is). The date is what the record sorts on: "medio
2018" is stored as 1 July 2018 with precision ``medio``, "augustus 2016" as 1 August 2016 with
precision ``maand``, "vóór 5-7-2021" as 5 July 2021 with precision ``voor``. Showing it (``tekst``)
says only what is known; a record of unknown date sorts after the dated ones (``SORT``).

Used by besluiten (governance) and herijkingsmomenten (convenant); it imports no app.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class Datumprecisie(models.TextChoices):
    DAG = "dag", _("op de dag")
    MAAND = "maand", _("in de maand")
    MEDIO = "medio", _("medio het jaar")
    JAAR = "jaar", _("in het jaar")
    VOOR = "voor", _("vóór de datum")
    ONBEKEND = "onbekend", _("datum onbekend")


def precisie_field(**kwargs) -> models.CharField:
    """The model field that says how exact a record's ``datum`` is."""
    kwargs.setdefault("default", Datumprecisie.DAG)
    return models.CharField(
        _("nauwkeurigheid van de datum"),
        max_length=10,
        choices=Datumprecisie.choices,
        help_text=_(
            "Zo exact als de bron het zegt: 'medio 2018' is medio met datum 1-7-2018, "
            "'vóór 5-7-2021' is vóór met datum 5-7-2021."
        ),
        **kwargs,
    )


def tekst(datum: date | None, precisie: str = Datumprecisie.DAG, *, lang: bool = False) -> str:
    """The date as far as it is known: '30-8-2016' (or '30 augustus 2016' with ``lang``),
    'augustus 2016', 'medio 2018', '2018', 'vóór 5-7-2021', 'datum onbekend'."""
    if precisie == Datumprecisie.ONBEKEND or datum is None:
        return "datum onbekend"
    if precisie == Datumprecisie.MAAND:
        return formats.date_format(datum, "F Y")
    if precisie == Datumprecisie.MEDIO:
        return f"medio {datum.year}"
    if precisie == Datumprecisie.JAAR:
        return str(datum.year)
    # "j-n-Y" written out: the same digits, without the formatter (a list shows hundreds).
    exact = (
        formats.date_format(datum, "j F Y")
        if lang
        else f"{datum.day}-{datum.month}-{datum.year:04d}"
    )
    return f"vóór {exact}" if precisie == Datumprecisie.VOOR else exact


def check(datum: date | None, precisie: str, field: str = "datum") -> None:
    """Refuse a date that contradicts its precision: a date for 'onbekend', none for the rest."""
    if precisie == Datumprecisie.ONBEKEND and datum is not None:
        raise ValidationError(
            {
                field: _(
                    "Bij 'datum onbekend' hoort geen datum: maak dit veld leeg, of kies een "
                    "andere nauwkeurigheid."
                )
            }
        )
    if precisie != Datumprecisie.ONBEKEND and datum is None:
        raise ValidationError(
            {field: _("Vul een datum in, of kies 'datum onbekend' als nauwkeurigheid.")}
        )


def sort_key(datum_field: str = "datum", *, descending: bool = False):
    """The ordering expression: by date, an unknown date last either way."""
    expression = F(datum_field)
    if descending:
        return expression.desc(nulls_last=True)
    return expression.asc(nulls_last=True)


class SortKeyIndex(models.Index):
    """An index in the order of :func:`sort_key` (``SortKeyIndex(sort_key("datum", ...))``): a
    list's first page is read from it, not sorted from every row. PostgreSQL stores it as the
    ordering says (``DESC NULLS LAST``); SQLite cannot say ``NULLS`` in an index, and needs not:
    an unknown date (NULL) is its smallest value, so plain ``DESC`` ends with it and ``ASC``
    begins with it (that index then serves a descending list read backwards)."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        statement = super().create_sql(model, schema_editor, using=using, **kwargs)
        if schema_editor.connection.vendor == "sqlite":
            return str(statement).replace(" NULLS LAST", "").replace(" NULLS FIRST", "")
        return statement
