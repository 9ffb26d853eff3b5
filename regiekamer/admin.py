"""The one admin base of Regiekamer: every ModelAdmin and inline of the apps derives from here.

Shared behaviour is added to these classes once, so no app's admin can forget it:
- history (simple_history);
- the access rules of ``regiekamer/access.py``: a user sees only the rows of the
  samenwerkingsverbanden they take part in (others answer 404), changes only where their role
  and place allow (else the page is read-only and a POST gets 403), and every choice of rows
  in a form is limited to what they may see;
- the version an edit form was opened on (``regiekamer/versioning.py``): a save over a newer
  version is refused with what the other person changed.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from . import access
from .versioning import FIELD, VersionedBase, versioned_form, versioned_formset


class AccessMixin:
    """The access rules, for a ModelAdmin and for an inline (whose ``obj`` is the parent)."""

    def get_queryset(self, request):
        return access.scope(request.user, super().get_queryset(request))

    def _allowed(self, request, action, obj):
        return obj is None or access.allowed(request.user, action, obj, self.model)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._allowed(request, "view", obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._allowed(request, "change", obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._allowed(request, "delete", obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and getattr(field, "queryset", None) is not None:
            field.queryset = access.scope(request.user, field.queryset)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and getattr(field, "queryset", None) is not None:
            field.queryset = access.scope(request.user, field.queryset)
        return field


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


class ModelAdmin(AccessMixin, VersionedAdminMixin, SimpleHistoryAdmin):
    """A model's admin page, with its history."""

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # A row the user may not see is, for them, a row that does not exist.
        raise Http404("Niet gevonden, of u heeft er geen toegang toe.")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Where the row now belongs (a samenwerkingsverband chosen in the form) must be a
        # place the user may act on; otherwise the whole save is rolled back.
        obj.__dict__.pop("_access_sv_ids", None)
        if not access.allowed(request.user, "change" if change else "add", obj):
            raise PermissionDenied


class InlineMixin(AccessMixin):
    """Shared behaviour of the inlines."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._allowed(request, "add", obj)

    def get_fieldsets(self, request, obj=None):
        # ``obj`` is the parent; an inline without change permission shows its rows read-only.
        may_edit = self.has_change_permission(request, obj)
        return _with_version(super().get_fieldsets(request, obj), self.model, may_edit)

    def get_formset(self, request, obj=None, **kwargs):
        kwargs = _without_version(kwargs, lambda: self.get_fieldsets(request, obj))
        kwargs["form"] = versioned_form(kwargs.get("form", self.form))
        # Its stored rows are checked and saved only when the user changed them.
        kwargs["formset"] = versioned_formset(kwargs.get("formset", self.formset))
        return super().get_formset(request, obj, **kwargs)


class TabularInline(InlineMixin, admin.TabularInline):
    """A table of rows: its inputs stand under a column head, without a label of their own, so
    each is named by its field (aria-label) for a screen reader (WCAG 1.3.1, 4.1.2)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for name, field in formset.form.base_fields.items():
            if not field.widget.is_hidden:
                field.widget.attrs.setdefault("aria-label", str(field.label or name))
        formset.deletion_widget = forms.CheckboxInput(attrs={"aria-label": "Verwijderen"})
        return formset


class StackedInline(InlineMixin, admin.StackedInline):
    pass
