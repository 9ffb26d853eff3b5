"""The one admin base of Regiekamer: every ModelAdmin and inline of the apps derives from here.

Shared behaviour (history, who may see and change what, the version an edit form was opened
on) is added to these classes once, so no app's admin can forget it.
"""

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from simple_history.admin import SimpleHistoryAdmin

from .versioning import FIELD, VersionedBase, versioned_form


def _without_version(kwargs: dict, fieldsets) -> dict:
    """The form factory's ``fields``: the hidden ``versie`` is the form's own, not the model's."""
    if "fields" not in kwargs:
        kwargs["fields"] = flatten_fieldsets(fieldsets())
    if kwargs["fields"] is not None:
        kwargs["fields"] = [name for name in kwargs["fields"] if name != FIELD]
    return kwargs


def _with_version(fieldsets, model, may_edit: bool) -> list:
    """Show the hidden ``versie`` (the admin renders only fields named in a fieldset)."""
    if not (issubclass(model, VersionedBase) and may_edit):
        return fieldsets
    fieldsets = [(name, dict(options)) for name, options in fieldsets]
    if fieldsets and FIELD not in flatten_fieldsets(fieldsets):
        name, options = fieldsets[-1]
        options["fields"] = [*options["fields"], FIELD]
    return fieldsets


class VersionedAdminMixin:
    """The change form carries the version it was opened on (``regiekamer.versioning``)."""

    def get_fieldsets(self, request, obj=None):
        may_edit = (
            self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
        )
        return _with_version(super().get_fieldsets(request, obj), self.model, may_edit)

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs = _without_version(kwargs, lambda: self.get_fieldsets(request, obj))
        from_db = getattr(request, "_versie_from_db", False)
        kwargs["form"] = versioned_form(kwargs.get("form", self.form), from_db)
        return super().get_form(request, obj, change, **kwargs)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting shows an old version of the row: the form must carry the current one.
        request._versie_from_db = True
        return super().history_form_view(request, object_id, version_id, extra_context)


class ModelAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    """A model's admin page, with its history."""


class InlineMixin:
    """Shared behaviour of the inlines."""

    def get_fieldsets(self, request, obj=None):
        # ``obj`` is the parent; an inline without change permission shows its rows read-only.
        may_edit = self.has_change_permission(request, obj)
        return _with_version(super().get_fieldsets(request, obj), self.model, may_edit)

    def get_formset(self, request, obj=None, **kwargs):
        kwargs = _without_version(kwargs, lambda: self.get_fieldsets(request, obj))
        kwargs["form"] = versioned_form(kwargs.get("form", self.form))
        return super().get_formset(request, obj, **kwargs)


class TabularInline(InlineMixin, admin.TabularInline):
    pass


class StackedInline(InlineMixin, admin.StackedInline):
    pass
