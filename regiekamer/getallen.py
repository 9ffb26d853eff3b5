"""Numbers as Dutch officials type them: one parser, one form field, one plausibility check.

``parse_number`` reads Dutch notation (``0,5``, ``1.234,56``, ``73.000``, ``€ 73.000,-``,
``1 234``, ``12,5%``, ``-3``) and refuses what is ambiguous or English (``1.5``, ``1,234.56``)
with a message that shows how to write it. ``GetalField`` is the form field every amount in the
app uses (through the model fields in ``regiekamer.fields``): a text input with ``inputmode``
that shows its value the Dutch way. ``implausible`` is the rule for a change that deserves a
second look (a factor of ten, more than 5 fte in one cell); ``PlausibilityMixin`` and the
formation grid ask for confirmation with it.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

from .opmaak import format_decimal

SPACES = "\u00a0\u202f\u2009 "
MINUS = "-\u2212\u2013"
HINT = "Schrijf {decimaal} (komma voor decimalen) of 1.500 (punt voor duizendtallen)."
GENERAL = "Vul een getal in, bijvoorbeeld 1.234,56 of 0,5."

# re.ASCII: \d is 0-9 only, never an Arabic-Indic or full-width digit that Decimal would read.
_PLAIN = re.compile(r"^\d+$", re.ASCII)
_COMMA = re.compile(r"^\d*,\d+$", re.ASCII)
_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$", re.ASCII)
_SPACED = re.compile(r"^\d{1,3}( \d{3})+(,\d+)?$", re.ASCII)
_ENGLISH = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$", re.ASCII)
_ONE_DOT = re.compile(r"^\d*\.\d+$", re.ASCII)
_THREE_AFTER_COMMA = re.compile(r"[\d.]*\d,\d{3}(?=\s*$)", re.ASCII)


class Getalfout(ValueError):
    """Text that is not a Dutch number; ``str()`` is the Dutch message with the hint."""


def _strip_signs(text: str) -> tuple[str, bool]:
    """Without euro sign, percent sign, ``,-`` and a leading minus: (rest, negative)."""
    text = text.strip()
    negative = False
    if text[:1] in MINUS:
        negative, text = True, text[1:].strip()
    if text.startswith("€"):
        text = text[1:].strip()
        if text[:1] in MINUS and not negative:
            negative, text = True, text[1:].strip()
    text = text.removesuffix("%").strip()
    for suffix in (",-", ",--", ",\u2013", ",\u2014"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return text, negative


def parse_number(text) -> Decimal | None:
    """A number typed the Dutch way as a Decimal; None for empty text. Raises ``Getalfout``.

    >>> parse_number("€ 73.000,-"), parse_number("0,5"), parse_number("1 234")
    (Decimal('73000'), Decimal('0.5'), Decimal('1234'))
    """
    if text is None:
        return None
    raw = str(text).strip()
    if not raw:
        return None
    body, negative = _strip_signs(raw)
    for space in SPACES:
        body = body.replace(space, " ")
    body = " ".join(body.split())
    if _PLAIN.match(body):
        number = body
    elif _COMMA.match(body):
        number = body.replace(",", ".")
    elif _DOTS.match(body):
        number = body.replace(".", "").replace(",", ".")
    elif _SPACED.match(body):
        number = body.replace(" ", "").replace(",", ".")
    else:
        raise Getalfout(_refusal(raw, body))
    try:
        value = Decimal(number)
    except InvalidOperation as error:  # pragma: no cover - the patterns admit digits only
        raise Getalfout(GENERAL) from error
    return -value if negative else value


def kort(text: str, limit: int = 40) -> str:
    """``text`` as a message quotes it: a long one cut, with its length (``99… (10000 tekens)``)."""
    return text if len(text) <= limit else f"{text[: limit - 10]}… ({len(text)} tekens)"


def _refusal(raw: str, body: str) -> str:
    """Why ``raw`` is not read, and how to write it."""
    raw = kort(raw)
    if _ONE_DOT.match(body):
        decimaal = body.replace(".", ",")
        return f'"{raw}" is niet eenduidig. ' + HINT.format(decimaal=kort(decimaal))
    if _ENGLISH.match(body):
        dutch = body.replace(",", " ").replace(".", ",").replace(" ", ".")
        return (
            f'"{raw}" is Engelse notatie. Schrijf {kort(dutch)} '
            "(punt voor duizendtallen, komma voor decimalen)."
        )
    if re.fullmatch(r"[\d.,]+", body, re.ASCII):
        return (
            f'"{raw}" is geen getal. Een punt staat alleen tussen groepjes van drie cijfers '
            "(1.234.567), een komma één keer voor de decimalen. " + HINT.format(decimaal="1,5")
        )
    return f'"{raw}" is geen getal. Schrijf bijvoorbeeld 1.234,56 of 0,5.'


# --------------------------------------------------------------------------------------------
# Display
# --------------------------------------------------------------------------------------------

BEDRAG, FTE, AANTAL, PERCENTAGE, UREN = "bedrag", "fte", "aantal", "percentage", "uren"


def format_number(value, kind: str) -> str:
    """A stored value as a form shows it: bedrag ``58.500`` / ``1.234,50``, fte ``0,50``,
    aantal ``50.250``, percentage and uren without trailing zeros (``36``, ``12,5``)."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if kind == FTE:
        return format_decimal(value, 2, trailing_zeros=True)
    if kind == BEDRAG and value != value.to_integral_value():
        return format_decimal(value, 2, trailing_zeros=True)
    if kind in (BEDRAG, AANTAL):
        return format_decimal(value, 0)
    return format_decimal(value, max(2, -value.as_tuple().exponent))


class GetalInput(forms.TextInput):
    """A text input for a Dutch number: the phone shows digits, the value reads ``58.500``."""

    def __init__(self, kind: str = BEDRAG, attrs=None):
        self.kind = kind
        mode = "numeric" if kind == AANTAL else "decimal"
        super().__init__({"inputmode": mode, "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return format_number(value, self.kind)
        return super().format_value(value)


MESSAGES = {
    "min_value": "Vul {limit} of meer in.",
    "max_value": "Vul hoogstens {limit} in.",
    "max_digits": "Dit getal is te groot.",
    "max_whole_digits": "Dit getal is te groot.",
    "whole": "Vul een geheel getal in, zoals 50.250 (zonder komma).",
    FTE: "Fte heeft hooguit twee decimalen, zoals 0,75.",
    BEDRAG: "Een bedrag heeft hooguit twee decimalen (centen), zoals 1.234,50.",
}


def _places_message(kind: str, places: int) -> str:
    if kind in MESSAGES:
        return MESSAGES[kind]
    word = "decimaal" if places == 1 else "decimalen"
    return f"Vul hooguit {places} {word} in."


class GetalField(forms.DecimalField):
    """A Dutch number: ``parse_number``, at most ``decimal_places`` decimals that are not zero
    (``1,500`` is 1,5), ``min_value``/``max_value``, shown by ``GetalInput`` of its ``kind``.
    With ``whole`` it returns an int (``50,0`` is 50, ``50,5`` is refused)."""

    widget = GetalInput

    def __init__(self, *, kind: str = BEDRAG, whole: bool = False, **kwargs):
        self.kind, self.whole = kind, whole
        kwargs.setdefault("widget", GetalInput(kind))
        if isinstance(kwargs["widget"], type):
            kwargs["widget"] = kwargs["widget"](kind)
        kwargs.pop("localize", None)
        if whole:
            kwargs.setdefault("decimal_places", 0)
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not _is_limit(v)]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            number = Decimal(value)
        else:
            self._refuse_three_cents(str(value).strip())
            try:
                number = parse_number(value)
            except Getalfout as error:
                raise ValidationError(str(error), code="invalid") from error
            if number is None:
                return None
        return self._within(number)

    def _refuse_three_cents(self, text: str) -> None:
        """An amount typed with three digits after the comma ("12,500") is refused: in English
        that is twelve thousand five hundred, and no amount has a third decimal (a user review
        saw € 12,50 saved, shown as 13). Fte and the other kinds keep "0,750"."""
        found = _THREE_AFTER_COMMA.search(text) if self.kind == BEDRAG else None
        if found is None:
            return
        body = found.group(0)
        raise ValidationError(
            f'"{kort(text)}" is niet eenduidig: een bedrag heeft hooguit twee decimalen. Schrijf '
            f"{body.replace(',', '.')} (punt voor duizendtallen) of {body[:-1]} (komma voor de "
            "centen).",
            code="invalid",
        )

    def _within(self, number: Decimal):
        if self.whole and number != number.to_integral_value():
            raise ValidationError(MESSAGES["whole"], code="whole")
        places = self.decimal_places
        if places is not None:
            step = Decimal(1).scaleb(-places)
            try:
                rounded = number.quantize(step)
            except InvalidOperation as error:  # more digits than Decimal's precision (28)
                raise ValidationError(MESSAGES["max_digits"], code="max_digits") from error
            if number != rounded:
                raise ValidationError(_places_message(self.kind, places), code="max_decimal_places")
            number = rounded
        for limit, broken, code in (
            (self.min_value, lambda lim: number < lim, "min_value"),
            (self.max_value, lambda lim: number > lim, "max_value"),
        ):
            if limit is not None and broken(limit):
                shown = format_decimal(limit)
                raise ValidationError(MESSAGES[code].format(limit=shown), code=code)
        return int(number) if self.whole else number

    def validate(self, value):
        forms.Field.validate(self, value)

    def run_validators(self, value):
        if value is not None and not self.whole:
            super().run_validators(value)

    def widget_attrs(self, widget):
        return forms.Field.widget_attrs(self, widget)


def _is_limit(validator) -> bool:
    return isinstance(validator, MinValueValidator | MaxValueValidator)


# --------------------------------------------------------------------------------------------
# Plausibility
# --------------------------------------------------------------------------------------------

MAX_FTE_PER_CEL = Decimal("5")
FACTOR = 10
CONFIRM = "plausibel_bevestigd"
CONFIRM_LABEL = "Ja, opslaan"


def implausible(old, new, *, fte: bool = False) -> str | None:
    """Why changing ``old`` into ``new`` deserves a second look, or None.

    A factor of ten or more either way (not from or to zero or empty), or, for ``fte``, more
    than 5 fte in one cell."""
    if new is None:
        return None
    new = Decimal(new)
    if fte and new > MAX_FTE_PER_CEL and (old is None or Decimal(old) != new):
        return f"meer dan {format_decimal(MAX_FTE_PER_CEL)} fte in één cel"
    if old in (None, "") or not old or not new:
        return None
    old = Decimal(old)
    if new >= old * FACTOR:
        return "tien keer zo veel" if new == old * FACTOR else "meer dan tien keer zo veel"
    if old >= new * FACTOR:
        return "tien keer zo weinig" if old == new * FACTOR else "minder dan een tiende"
    return None


def plausibility_warning(subject: str, old, new, kind: str) -> str | None:
    """``"Leudal, fase 1: 0,50 → 5,00 fte, tien keer zo veel. Klopt dit?"``, or None."""
    reason = implausible(old, new, fte=kind == FTE)
    if reason is None:
        return None
    shown_old = format_number(old, kind) if old is not None else "leeg"
    shown_new = format_number(new, kind)
    if kind == BEDRAG:
        shown = f"€ {shown_old} → € {shown_new}"
    else:
        shown = f"{shown_old} → {shown_new}" + (" fte" if kind == FTE else "")
    return f"{subject[:1].upper()}{subject[1:]}: {shown}, {reason}. Klopt dit?"


class PlausibilityMixin:
    """A form whose amounts are shown back for confirmation when they change implausibly.

    ``plausibility_fields`` names the fields to check. When one changes by a factor of ten or
    more from the stored value (or, fte, is above 5), the form is invalid with a warning that
    names the field, old and new value, and shows a checkbox "Ja, opslaan": the values typed
    stay, nothing is saved, and the second POST with the box ticked saves.
    """

    plausibility_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONFIRM] = forms.BooleanField(
            label=CONFIRM_LABEL, required=False, widget=forms.HiddenInput
        )

    def plausibility_subject(self, name: str) -> str:
        label = str(self.fields[name].label or name)
        return f"{self.instance}, {label.lower()}" if self.instance.pk else label

    def plausibility_warnings(self) -> list[str]:
        warnings = []
        for name in self.plausibility_fields:
            if name not in self.cleaned_data or name not in self.fields:
                continue
            old = getattr(self.instance, name, None) if self.instance.pk else None
            field = self.fields[name]
            kind = getattr(field, "kind", BEDRAG)
            warning = plausibility_warning(
                self.plausibility_subject(name), old, self.cleaned_data[name], kind
            )
            if warning:
                warnings.append(warning)
        return warnings

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(CONFIRM):
            return cleaned
        warnings = self.plausibility_warnings()
        if warnings:
            self.fields[CONFIRM].widget = forms.CheckboxInput()
            raise ValidationError(
                [*warnings, f'Vink "{CONFIRM_LABEL}" aan en sla opnieuw op om het zo te bewaren.'],
                code="implausible",
            )
        return cleaned


def plausible_form(*names: str, base=forms.ModelForm):
    """A model form (for a formset's rows) that checks ``names`` with ``PlausibilityMixin``."""
    return type("PlausibleForm", (PlausibilityMixin, base), {"plausibility_fields": names})
