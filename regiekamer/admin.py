"""The one admin base of Regiekamer: every ModelAdmin and inline of the apps derives from here.

Shared behaviour is added to these classes once, so no app's admin can forget it:
- history (simple_history);
- the access rules of ``regiekamer/access.py``: a user sees only the rows of the
  samenwerkingsverbanden they take part in (others answer 404), changes only where their role
  and place allow (else the page is read-only and a POST gets 403), and every choice of rows
  in a form is limited to what they may see.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from . import access


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


class ModelAdmin(AccessMixin, SimpleHistoryAdmin):
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


class TabularInline(InlineMixin, admin.TabularInline):
    pass


class StackedInline(InlineMixin, admin.StackedInline):
    pass
