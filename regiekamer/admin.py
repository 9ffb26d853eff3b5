"""The one admin base of Regiekamer: every ModelAdmin and inline of the apps derives from here.

Shared behaviour is added to these classes once, so no app's admin can forget it:
- history (simple_history);
- the access rules of ``regiekamer/access.py``: a user sees only the rows of the
  samenwerkingsverbanden they take part in (others answer 404), changes only where their role
  and place allow (else the page is read-only and a POST gets 403), and every choice of rows
  in a form is limited to what they may see: filter sidebars (and filters in the address),
  autocomplete, raw id labels, history pages, delete confirmations and "view on site"
  (``view_on_site``) too;
- the version an edit form was opened on (``regiekamer/versioning.py``): a save over a newer
  version is refused with what the other person changed;
- a list filter value the database cannot take (``?gemeente__exact=99999999999999999999``)
  is a wrong filter (Django's "?e=1" page), not a server error.
"""

from contextlib import contextmanager
from functools import update_wrapper

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import (
    NestedObjects,
    flatten_fieldsets,
    reverse_field_path,
    unquote,
)
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import (
    FieldDoesNotExist,
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import DataError, IntegrityError, router, transaction
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404, HttpResponse
from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from . import access
from .dataversie import cached_all, own_token, token_placeholder, viewer
from .history import ACTIONS, GONE
from .versioning import (
    FIELD,
    SAVED_MEANWHILE,
    VersionedBase,
    display_value,
    versioned_form,
    versioned_formset,
)

NOT_FOUND = "Niet gevonden, of u heeft er geen toegang toe."
ELSEWHERE = "gegevens van een samenwerkingsverband waaraan u niet deelneemt"


def visible(user, model) -> Q:
    """The rows of ``model`` the user may see, as a condition on the primary key (empty: all)."""
    rows = model._base_manager.all()
    scoped = access.scope(user, rows)
    return Q() if scoped is rows else Q(pk__in=scoped.values("pk"))


def _limit_choices(field) -> Q:
    limit = (
        field.get_limit_choices_to()
        if hasattr(field, "get_limit_choices_to")
        else field.limit_choices_to
    )
    return limit if isinstance(limit, Q) else Q(**(limit or {}))


class ScopedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A filter on a relation lists only the rows the user may see; a chosen row they may not
    see filters the list to nothing (it does not tell whether that row exists or is related)."""

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        condition = _limit_choices(field) & self.rows(field, request, model_admin)
        return field.get_choices(include_blank=False, limit_choices_to=condition, ordering=ordering)

    def rows(self, field, request, model_admin) -> Q:
        return visible(request.user, field.related_model)

    def has_output(self):
        # With one choice Django leaves the filter out, and then ignores what was chosen.
        return bool(self.lookup_val) or super().has_output()

    def queryset(self, request, queryset):
        shown = {str(pk) for pk, _name in self.lookup_choices}
        if any(value not in shown for value in self.lookup_val or ()):
            return queryset.none()
        return super().queryset(request, queryset)


def within(parent: str, beside: str | None = None):
    """A filter on a relation (a gremium) that offers only the rows of the samenwerkingsverband
    chosen in the filter beside it, and the rows already chosen. ``parent`` is the path from the
    related row to it (``"samenwerkingsverband"`` from a gremium), ``beside`` the path of that
    filter on the list's own rows (default: through this filter's relation,
    ``"gremium__samenwerkingsverband"``). Hundreds of gremia or gemeenten are no list to choose
    from, and reading and rendering them all cost every page of the list; before a
    samenwerkingsverband is chosen the filter is not shown. Scoped as every filter."""

    class WithinParentFilter(ScopedRelatedFieldListFilter):
        def rows(self, field, request, model_admin) -> Q:
            path = beside or f"{self.field_path}__{parent}"
            parent_ids = _ids(request.GET.getlist(f"{path}__id__exact"))
            of_parent = field.related_model._base_manager.filter(**{f"{parent}__in": parent_ids})
            narrowed = Q(pk__in=of_parent.values("pk")) | Q(pk__in=_ids(self.lookup_val or ()))
            return narrowed & super().rows(field, request, model_admin)

    return WithinParentFilter


def _ids(values) -> list[int]:
    """The whole numbers among filter values from the address (others choose nothing)."""
    values = [str(value) for value in values]
    return [int(v) for v in values if v.isascii() and v.isdigit() and len(v) < 19]


class ScopedRelatedOnlyFieldListFilter(ScopedRelatedFieldListFilter):
    """Django's RelatedOnlyFieldListFilter (rows the list refers to), scoped."""

    def rows(self, field, request, model_admin) -> Q:
        used = model_admin.get_queryset(request).distinct()
        used = used.values_list(f"{self.field_path}__pk", flat=True)
        return Q(pk__in=used) & super().rows(field, request, model_admin)


class ScopedAllValuesFieldListFilter(admin.AllValuesFieldListFilter):
    """The values of a field; across a relation only those of rows the user may see."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        parent_model, _path = reverse_field_path(model, field_path)
        if parent_model is not model:  # the model's own rows are scoped by get_queryset
            self.lookup_choices = self.lookup_choices.filter(visible(request.user, parent_model))


SCOPED_FILTERS = {
    admin.RelatedFieldListFilter: ScopedRelatedFieldListFilter,
    admin.RelatedOnlyFieldListFilter: ScopedRelatedOnlyFieldListFilter,
    admin.AllValuesFieldListFilter: ScopedAllValuesFieldListFilter,
}


def scoped_list_filter(field, request, params, model, model_admin, field_path):
    """``FieldListFilter.create`` (the filter Django picks for a field), scoped."""
    for test, list_filter_class in admin.FieldListFilter._field_list_filters:
        if test(field):
            list_filter_class = SCOPED_FILTERS.get(list_filter_class, list_filter_class)
            return list_filter_class(
                field, request, params, model, model_admin, field_path=field_path
            )


def _scoped_list_filter(item):
    """A ``list_filter`` entry with the scoped filter: a field name gets the one Django would
    pick, a (field, Django's filter class) pair its scoped version; own filter classes stay."""
    if isinstance(item, str):
        return (item, scoped_list_filter)
    if isinstance(item, (list, tuple)) and item[1] in SCOPED_FILTERS:
        return (item[0], SCOPED_FILTERS[item[1]])
    return item


def _fields_of(model, lookup: str) -> tuple[list, list[str]]:
    """The fields a lookup walks through, and the names after them (transforms, the lookup)."""
    parts = lookup.split(LOOKUP_SEP)
    fields = []
    for part in parts:
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            break
        fields.append(field)
        if not field.is_relation:
            break
        model = field.related_model
    return fields, parts[len(fields) :]


class RawIdWidget(ForeignKeyRawIdWidget):
    """A raw id input names the chosen row only if the user may see it (the label comes from
    the field's scoped choices, not from every row), so ``?veld=<id>`` names nothing foreign."""

    def label_and_url_for_value(self, value):
        rows = getattr(getattr(self, "choices", None), "queryset", None)
        key = self.rel.get_related_field().name
        try:
            if rows is None or not rows.filter(**{key: value}).exists():
                return "", ""
        except (ValueError, ValidationError):
            return "", ""
        return super().label_and_url_for_value(value)


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
        if db_field.name in self.raw_id_fields and "widget" not in kwargs:
            kwargs["widget"] = RawIdWidget(
                db_field.remote_field, self.admin_site, using=kwargs.get("using")
            )
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


class ReadableChanges(HistoricalRecordContextHelper):
    """The admin's history shows values as the pages do: labels, Dutch dates and numbers,
    related rows by their name (``versioning.display_value``)."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(value, DeletedObject):
            return GONE
        return display_value(field, value)


class ModelAdmin(AccessMixin, VersionedAdminMixin, SimpleHistoryAdmin):
    """A model's admin page, with its history (in Dutch, values as a user reads them).

    A list counts its rows once: a filtered list offers "alles tonen" instead of counting the
    whole table a second time (``show_full_result_count``); an unfiltered one is the whole
    table (``get_changelist_instance``)."""

    show_full_result_count = False

    def action_checkbox(self, obj):
        """Django's checkbox of a row, the same HTML, without a widget template per row."""
        label = format_html(_("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )

    def changelist_view(self, request, extra_context=None):
        """The list from the cache while no data changed anywhere (``dataversie.cached_all``),
        for this user at this address: a list over 25.000 rows costs its queries and its
        rendering once. A list with a message to show (after an action), a list sent (an action)
        and every answer but the page itself (a redirect) are not cached."""
        if request.method != "GET" or len(messages.get_messages(request)):
            return super().changelist_view(request, extra_context)
        answers = {}

        def render():
            response = super(ModelAdmin, self).changelist_view(request, extra_context)
            answers["response"] = response
            if response.status_code != 200 or not hasattr(response, "render"):
                return None
            response.context_data["csrf_token"] = token_placeholder()
            return response.render().content.decode()

        naam = f"admin:{self.model._meta.label_lower}"
        html = cached_all(naam, render, *viewer(request))
        if html is None:  # not a page: not kept
            return answers.get("response") or super().changelist_view(request, extra_context)
        return HttpResponse(own_token(html, request))

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        for record in historical_records:
            record.actie = ACTIONS.get(record.history_type, record.history_type)

    def history_view_title(self, request, obj):
        return f"Geschiedenis: {obj}"

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # A row the user may not see is, for them, a row that does not exist.
        raise Http404(NOT_FOUND)

    def get_list_filter(self, request):
        # Every filter in the sidebar offers only rows the user may see.
        return [_scoped_list_filter(item) for item in super().get_list_filter(request)]

    def lookup_allowed(self, lookup, value, request=None):
        """Besides Django's rule: a filter in the address that reaches into a related row
        compares only what the sidebar's filter compares (its primary key, or empty), so a
        row the user sees cannot be used to ask about a related row they may not see
        (``?samenwerkingsverbanden__naam__startswith=N``). Refused: 400, no data."""
        if not super().lookup_allowed(lookup, value, request):
            return False
        fields, rest = _fields_of(self.model, lookup)
        if not any(field.is_relation for field in fields):
            return True  # a field of the row itself
        filters = {self.date_hierarchy}
        for item in self.get_list_filter(request) if request else self.list_filter:
            filters.add(item[0] if isinstance(item, (list, tuple)) else item)
        names = lookup.split(LOOKUP_SEP)
        if fields[-1].is_relation:
            return LOOKUP_SEP.join(names[: len(fields)]) in filters and rest == ["isnull"]
        if len(fields) > 1 and fields[-2].is_relation and fields[-1].primary_key:
            return LOOKUP_SEP.join(names[: len(fields) - 1]) in filters and rest == ["exact"]
        return LOOKUP_SEP.join(names[: len(fields)]) in filters

    def get_deleted_objects(self, objs, request):
        """What a delete would take along. If that reaches rows the user may not see (a shared
        gemeente's rows of another samenwerkingsverband), the page names none of them and the
        delete is refused (Django refuses a delete with ``perms_needed``)."""
        if objs and access.visible_sv_ids(request.user) is not None:
            collector = NestedObjects(using=router.db_for_write(self.model))
            collector.collect(objs)
            rows: dict = {}
            for row in [*collector.protected, *(r for rs in collector.data.values() for r in rs)]:
                rows.setdefault(type(row), set()).add(row.pk)
            for model, pks in rows.items():
                seen = access.scope(request.user, model._base_manager.filter(pk__in=pks))
                if seen.count() != len(pks):
                    return [], {}, {ELSEWHERE}, []
        return super().get_deleted_objects(objs, request)

    def _history_visible(self, request, object_id) -> bool:
        """The history of a row is the row's: whoever may not see the row gets 404. The
        history of a deleted row (no longer tied to a samenwerkingsverband) is the beheerder's."""
        object_id = unquote(object_id)
        try:
            if self.get_queryset(request).filter(pk=object_id).exists():
                return True
            gone = not self.model._base_manager.filter(pk=object_id).exists()
        except (ValueError, ValidationError):
            return False
        return gone and access.is_beheerder(request.user)

    def history_view(self, request, object_id, extra_context=None):
        if not self._history_visible(request, object_id):
            raise Http404(NOT_FOUND)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not self._history_visible(request, object_id):
            raise Http404(NOT_FOUND)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _changeform_view(self, request, object_id, form_url, extra_context):
        """A save that runs into a unique constraint (someone else saved the same row at the
        same moment, after this form was checked) saves nothing and shows the form again,
        checked anew, so the field that clashes says so in its own Dutch message."""
        try:
            return super()._changeform_view(request, object_id, form_url, extra_context)
        except _SavedMeanwhile:
            messages.error(request, SAVED_MEANWHILE)
            return super()._changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        with _unique_clash(self.model):
            super().save_related(request, form, formsets, change)

    def get_changelist_instance(self, request):
        # The list counts its rows here. Django checks a filter's value only against the
        # field, so a number beyond the database's integers reaches the database: SQLite's
        # driver raises OverflowError, PostgreSQL DataError (out of range for bigint). The
        # savepoint keeps the request's transaction usable after PostgreSQL's error.
        try:
            with transaction.atomic(using=router.db_for_read(self.model)):
                changelist = super().get_changelist_instance(request)
        except (ValueError, OverflowError, DataError) as error:
            raise IncorrectLookupParameters(error) from error
        if changelist.full_result_count is None and not (
            changelist.query or changelist.get_filters_params()
        ):
            # Not filtered: the rows counted are all there are (the page shows no "alles tonen").
            changelist.full_result_count = changelist.result_count
        return changelist

    def save_model(self, request, obj, form, change):
        with _unique_clash(self.model):
            super().save_model(request, obj, form, change)
        # Where the row now belongs (a samenwerkingsverband chosen in the form) must be a
        # place the user may act on; otherwise the whole save is rolled back.
        obj.__dict__.pop("_access_sv_ids", None)
        if not access.allowed(request.user, "change" if change else "add", obj):
            raise PermissionDenied


class _SavedMeanwhile(Exception):
    """A save ran into a unique constraint; its savepoint is rolled back."""


@contextmanager
def _unique_clash(model):
    try:
        with transaction.atomic(using=router.db_for_write(model)):
            yield
    except IntegrityError as clash:
        raise _SavedMeanwhile from clash


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


ADMIN_REFUSED = (
    "Het beheer is alleen voor de beheerder. Uw werk doet u op de gewone pagina's van Regiekamer."
)


class RegiekamerAdminSite(admin.AdminSite):
    """The admin answers only the beheerder (``access.may_use_admin``); the daily work of the
    other roles is done in the browser pages. Signing in goes through the app's own login page
    (with its lockout and two-factor step), never the admin's; a signed-in user who may not use
    the admin gets the Dutch 403 page instead of the admin's English login form."""

    site_header = "Regiekamer beheer"
    site_title = "Regiekamer"
    index_title = "Beheer"

    def has_permission(self, request):
        return access.may_use_admin(request.user)

    # The list of models (the index and every page's sidebar) depends on nothing but the
    # user's permissions: built and rendered once per set of permissions (and language), not
    # on every page, where it cost more than the rest of a short list together.
    _app_dicts: dict = {}
    _sidebars: dict = {}

    def _permission_key(self, request, *more) -> tuple:
        user = request.user
        permissions = frozenset(user.get_all_permissions()) if user.is_active else frozenset()
        return (
            self.name,
            user.is_active,
            user.is_superuser,
            permissions,
            get_language(),
            get_script_prefix(),
            *more,
        )

    def _build_app_dict(self, request, label=None):
        """Django's, from the cache: every model admin answers its model permissions
        (``obj=None``) from the user's permissions alone (``AccessMixin``)."""
        key = self._permission_key(request, label)
        app_dict = self._app_dicts.get(key)
        if app_dict is None:
            app_dict = super()._build_app_dict(request, label)
            _remember(self._app_dicts, key, app_dict)
        # A copy: get_app_list sorts the lists in place, the caller may change them.
        return {name: _copy_app(app) for name, app in app_dict.items()}

    def each_context(self, request):
        context = super().each_context(request)
        context["nav_app_list"] = _NavAppList(self, request, context["available_apps"])
        return context

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def beheerder_only(request, *args, **kwargs):
            # Django's admin sends a signed-in user without permission to its own login form.
            if request.user.is_authenticated and not self.has_permission(request):
                raise access.Refused(ADMIN_REFUSED)
            return inner(request, *args, **kwargs)

        return update_wrapper(beheerder_only, inner)

    @method_decorator(login_not_required)
    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            raise access.Refused(ADMIN_REFUSED)
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


def _copy_app(app: dict) -> dict:
    return {**app, "models": [dict(model) for model in app["models"]]}


def _remember(cache: dict, key, value, limit: int = 256) -> None:
    if len(cache) >= limit:
        cache.clear()
    cache[key] = value


class _NavAppList:
    """The sidebar's list of models (Django's ``admin/app_list.html``), rendered when the page
    shows it and kept per set of permissions and per model the page is on (its row is marked
    ``current-model``): the same HTML as the template's own include."""

    def __init__(self, site, request, app_list):
        self.site, self.request, self.app_list = site, request, app_list

    def __html__(self):
        path = urlencode(self.request.path)
        current = tuple(
            url
            for app in self.app_list
            for url in (app["app_url"], *(model["admin_url"] for model in app["models"]))
            if url and url in path
        )
        key = self.site._permission_key(self.request, current)
        html = self.site._sidebars.get(key)
        if html is None:
            context = {"app_list": self.app_list, "show_changelinks": False}
            html = render_to_string("admin/app_list.html", {**context, "request": self.request})
            _remember(self.site._sidebars, key, html)
        return html

    __str__ = __html__


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" (``/admin/r/<type>/<id>/``) for a row the user may see;
    any other row answers 404, as if it did not exist (Django's own view redirects, and so
    tells that the row exists and where it is)."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        obj = model._base_manager.get(pk=object_id)
    except (AttributeError, ObjectDoesNotExist, ValueError, ValidationError) as error:
        raise Http404(NOT_FOUND) from error
    if not access.can(request.user, "view", obj):
        raise Http404(NOT_FOUND)
    return shortcut(request, content_type_id, object_id)


class AutocompleteView(AutocompleteJsonView):
    """The admin's autocomplete for a field that is one: a reverse relation named as
    ``field_name`` is refused (403) like any other wrong parameter (Django's own view fails
    on it with a server error)."""

    def process_request(self, request):
        try:
            model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
            field = model._meta.get_field(request.GET["field_name"])
        except (KeyError, LookupError, ValueError, FieldDoesNotExist) as error:
            raise PermissionDenied from error
        if not field.concrete:
            raise PermissionDenied
        return super().process_request(request)
