"""No lost edits: every edit form carries the version of the row it was opened on.

A model that users edit derives from :class:`Versioned`: its ``versie`` goes up by one on every
save of an existing row, and django-simple-history records it in each historical row. A form
with :class:`VersionedFormMixin` carries that number in a hidden field ``versie``; on submit it
locks the row (``select_for_update``, inside the request's transaction) and refuses the save
when the row has moved on, naming who changed what. The user's input stays in the form, and
the hidden number is brought up to date, so saving again after review keeps their version.

A formset row (:class:`VersionedFormSetMixin`) is checked and saved only when the user changed
it: its input is compared with the row as it was opened (the version it carries, read back from
the history), so another official's edit of a row this user did not touch is neither a conflict
nor overwritten. An untouched row that moved on is shown (and validated) with its current
values and version, so saving the page again cannot undo the other's edit.

The browser's base views (``regiekamer.views.FormsetMixin``) and the admin base classes
(``regiekamer.admin``) wrap every form and formset with :func:`versioned_form` and
:func:`versioned_formset`, so no page can forget it.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.utils import get_m2m_reverse_field_name

from .getallen import BEDRAG, format_number
from .opmaak import format_decimal, format_euro
from .woorden import display_name

FIELD = "versie"  # the hidden form field (the access-matrix test checks every edit form has it)

MISSING_MESSAGE = _(
    "Dit formulier mist de versie waarop het is geopend, dus wijzigingen van anderen sinds "
    "het openen zijn niet te zien. Uw invoer staat nog in het formulier: controleer haar en "
    "sla opnieuw op."
)
DELETED_MESSAGE = _("Iemand anders heeft dit intussen verwijderd; het kan niet worden opgeslagen.")
# A save that ran into a unique constraint: someone saved the same row at the same moment.
SAVED_MEANWHILE = _(
    "Niet opgeslagen: iemand anders heeft tegelijk hetzelfde opgeslagen. Bekijk de gegevens en "
    "sla opnieuw op."
)
KEEP_INPUT = _(
    "Uw invoer staat nog in het formulier: controleer en sla opnieuw op om uw versie te bewaren."
)


class VersionedBase(models.Model):
    """The save rule, for a model whose counter is named by ``version_field``.

    Use :class:`Versioned`; only a model that already has a field ``versie`` with another
    meaning (``Convenant``: versie 1, 2 of the document) names its own counter.
    """

    version_field = FIELD

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.bump_version()
            update_fields = kwargs.get("update_fields")
            if update_fields:  # None: all fields; empty: Django saves nothing
                kwargs["update_fields"] = {*update_fields, self.version_field}
        super().save(*args, **kwargs)

    def get_version(self) -> int:
        return getattr(self, self.version_field)

    def bump_version(self) -> None:
        """The next version of a stored row: on every save, and by a bulk update itself."""
        setattr(self, self.version_field, (self.get_version() or 0) + 1)


class Versioned(VersionedBase):
    versie = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    class Meta:
        abstract = True


# -- what the other person changed ---------------------------------------------------------


def display_value(field, value) -> str:
    """A field's value as a user reads it: the choice's label, ja/nee, a related row by its
    name, a Dutch date ("1 juni 2027") and a Dutch number ("58.500", "0,5"), never the raw
    value. Shared by the conflict message here and the history (``regiekamer.history``)."""
    if value is None or value == "":
        return "—"
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    elif isinstance(value, bool):
        value = _("ja") if value else _("nee")
    elif field.many_to_many:  # the rows of the snapshot, with their related objects
        key = get_m2m_reverse_field_name(field)
        value = ", ".join(sorted(str(row[key]) for row in value)) or "—"
    elif isinstance(value, (Decimal, float)) and getattr(field, "kind", None) == BEDRAG:
        value = format_number(value, BEDRAG)  # money: "73.000,50", "58.500", never "73.000,5"
    elif isinstance(value, (Decimal, float)):
        places = getattr(field, "decimal_places", None) or 2
        value = format_decimal(value, places)
    elif isinstance(value, int):
        # Years, numbers and scales are read as written (2027, not 2.027); counts get dots.
        small = isinstance(field, models.SmallIntegerField)  # also PositiveSmallIntegerField
        value = str(value) if small else format_euro(value)
    elif hasattr(value, "tzinfo") and hasattr(value, "hour"):
        value = formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    elif hasattr(value, "year"):
        value = formats.date_format(value, "DATE_FORMAT")
    return Truncator(str(value)).chars(80)


def who_and_when(record) -> str:
    user = record.history_user
    who = display_name(user) or _("het systeem")
    when = formats.date_format(timezone.localtime(record.history_date), "j F Y H:i")
    return f"{who} op {when}"


def describe_changes(instance, since: int, now: int) -> str:
    """What changed between version ``since`` and ``now`` of the row, from its history."""
    history = getattr(instance, "history", None)
    if history is None:
        return str(_("Iemand anders heeft dit intussen gewijzigd."))
    field = instance.version_field
    records = history.select_related("history_user").order_by("-history_date", "-history_id")
    new = records.filter(**{field: now}).first() or records.first()
    old = records.filter(**{field: since}).first()
    if new is None:
        return str(_("Iemand anders heeft dit intussen gewijzigd."))
    text = f"Iemand anders heeft dit intussen gewijzigd ({who_and_when(new)})"
    if old is None or old.history_id == new.history_id:
        return text + "."
    delta = new.diff_against(old, excluded_fields=[field], foreign_keys_are_objs=True)
    opts = type(instance)._meta
    parts = []
    for change in delta.changes:
        model_field = opts.get_field(change.field)
        label = str(model_field.verbose_name)
        old, new = display_value(model_field, change.old), display_value(model_field, change.new)
        parts.append(f"{label}: {old} → {new}")
    return text + (": " + "; ".join(parts) if parts else "") + "."


# -- forms -----------------------------------------------------------------------------------


class VersionedFormMixin:
    """A ModelForm that refuses a save over a newer version of its row (see the module)."""

    version_from_db = False  # the admin's revert form: the instance is an old version
    row_of_formset = False  # set by VersionedFormSetMixin: an untouched row is left alone

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not isinstance(self.instance, VersionedBase):
            return
        initial = None
        if self._is_existing():
            initial = self._current_version() if self.version_from_db else None
            initial = initial if initial is not None else self.instance.get_version()
        # As text, as the browser sends it back: a number would differ from "3", so every
        # untouched row of a formset would count as changed and be saved (and recorded) again.
        self.fields[FIELD] = forms.CharField(
            required=False,
            widget=forms.HiddenInput,
            initial=None if initial is None else str(initial),
        )

    def _is_existing(self) -> bool:
        return self.instance.pk is not None and not self.instance._state.adding

    def _current_version(self, lock: bool = False) -> int | None:
        model = type(self.instance)
        rows = model._base_manager.filter(pk=self.instance.pk)
        if lock and transaction.get_connection(rows.db).in_atomic_block:
            rows = rows.select_for_update()
        return rows.values_list(self.instance.version_field, flat=True).first()

    def _is_row(self) -> bool:
        """A stored row of a formset (checked and saved only when the user changed it)."""
        return (
            self.row_of_formset and isinstance(self.instance, VersionedBase) and self._is_existing()
        )

    def full_clean(self):
        # An untouched row that moved on since the page was opened takes its current values
        # first: they are what the formset validates, and what the page shows if it returns.
        if self.is_bound and self._is_row() and not self.has_changed():
            version = str(self.instance.get_version())
            if self._submitted_version() != version:
                self._show_current(version)
        super().full_clean()

    def has_changed(self) -> bool:
        if not (self.is_bound and self._is_row()):
            return super().has_changed()
        if not hasattr(self, "_row_changed"):
            self._row_changed = self._changed_since_opened()
        return self._row_changed

    def _submitted_version(self) -> str:
        return str(self.data.get(self.add_prefix(FIELD)) or "").strip()

    def _opened_values(self) -> dict | None:
        """The row's model fields as the form was opened (at the version it carries)."""
        submitted = self._submitted_version()
        if submitted == str(self.instance.get_version()):
            return {}  # opened on the row as it is read now
        history = getattr(self.instance, "history", None)
        if not submitted.isdigit() or history is None:
            return None
        record = (
            history.filter(**{self.instance.version_field: int(submitted)})
            .exclude(history_type="-")
            .order_by("-history_date", "-history_id")
            .first()
        )
        if record is None:
            return None
        return model_to_dict(record.instance, self._meta.fields, self._meta.exclude)

    def _changed_since_opened(self) -> bool:
        """Whether the user changed this row: input against the row as it was opened."""
        opened = self._opened_values()
        if opened is None:  # unknown: check it (and say so) rather than skip it
            return True
        initial, cache = self.initial, self._bound_fields_cache
        self.initial, self._bound_fields_cache = {**initial, **opened}, {}
        try:
            return any(bf._has_changed() for name, bf in self._bound_items() if name != FIELD)
        finally:
            self.initial, self._bound_fields_cache = initial, cache

    def _show_current(self, version: str) -> None:
        """Put the row's current values in the data, as the browser would send them."""
        data = self.data.copy()
        names = model_to_dict(self.instance, self._meta.fields, self._meta.exclude).keys()
        for name in names & self.fields.keys():
            field = self.fields[name]
            value = field.prepare_value(self.get_initial_for_field(field, name))
            context = field.widget.get_context(self.add_prefix(name), value, {})["widget"]
            for sub in context.get("subwidgets") or [context]:
                _put(data, sub)
        data[self.add_prefix(FIELD)] = version
        self.data = data

    def clean(self):
        untouched_row = self._is_row() and not self.has_changed()  # neither checked nor saved
        if isinstance(self.instance, VersionedBase) and self._is_existing() and not untouched_row:
            self._check_version()
        return super().clean()

    def _check_version(self) -> None:
        current = self._current_version(lock=True)
        if current is None:
            self.add_error(None, ValidationError(DELETED_MESSAGE, code="verwijderd"))
            return
        submitted = str(self.data.get(self.add_prefix(FIELD)) or "").strip()
        if not submitted.isdigit():
            self._refresh_version(current)
            self.add_error(None, ValidationError(MISSING_MESSAGE, code="versie_ontbreekt"))
            return
        if int(submitted) != current:
            text = describe_changes(self.instance, int(submitted), current)
            self._refresh_version(current)
            self.add_error(None, ValidationError(f"{text} {KEEP_INPUT}", code="versie_conflict"))
            return
        # The row is locked at this version: save from it, whatever the instance was read as.
        setattr(self.instance, self.instance.version_field, current)

    def _refresh_version(self, current: int) -> None:
        """A deliberate second save (after review) goes through: it was opened on ``current``."""
        self.data = self.data.copy()
        self.data[self.add_prefix(FIELD)] = str(current)


def _put(data, widget: dict) -> None:
    """One widget's value (from its template context) in ``data``, as a browser posts it."""
    name, value = widget["name"], widget["value"]
    data.pop(name, None)
    if widget.get("type") == "checkbox" and not isinstance(value, list):
        if widget["attrs"].get("checked"):
            data[name] = value or "on"
        return
    values = value if isinstance(value, list) else ["" if value is None else value]
    if hasattr(data, "setlist"):
        data.setlist(name, [str(v) for v in values])
    else:
        data[name] = [str(v) for v in values] if isinstance(value, list) else str(values[0])


class VersionedFormSetMixin:
    """A formset whose stored rows are checked and saved only when the user changed them."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.row_of_formset = isinstance(form, VersionedFormMixin)
        return form


@lru_cache(maxsize=512)
def versioned_form(form_class, from_db: bool = False):
    """``form_class`` with :class:`VersionedFormMixin` (the same class on every call)."""
    if issubclass(form_class, VersionedFormMixin) and form_class.version_from_db == from_db:
        return form_class
    attrs = {"__module__": form_class.__module__}
    if from_db:
        attrs["version_from_db"] = True
    return type(form_class.__name__, (VersionedFormMixin, form_class), attrs)


@lru_cache(maxsize=512)
def versioned_formset(formset_class):
    """``formset_class`` whose forms are :func:`versioned_form` forms, and
    :class:`VersionedFormSetMixin`."""
    form = getattr(formset_class, "form", None)  # None: a base class, given its form later
    if issubclass(formset_class, VersionedFormSetMixin) and (
        form is None or form is versioned_form(form)
    ):
        return formset_class
    attrs = {"__module__": formset_class.__module__}
    if form is not None:
        attrs["form"] = versioned_form(form)
    return type(formset_class.__name__, (VersionedFormSetMixin, formset_class), attrs)
