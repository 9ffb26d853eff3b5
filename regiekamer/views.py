"""Shared base views: one list view, one edit view (with child formsets), one delete view.

Every page needs a login (LoginRequiredMiddleware). What a user sees and may change is decided
in ``regiekamer/access.py``: a samenwerkingsverband the user takes no part in answers 404, a
write needs the model permission of the user's role and the right to act on that row,
otherwise 403: the page is refused when the user may not act on the row or page it is opened
on (``EditPermissionMixin``), and a save when any row it would write, as the form leaves it,
is not the user's to write (``FormsetMixin.check_writes``). Requests are atomic
(ATOMIC_REQUESTS), so a form and its formsets are saved together or not at all.

Malformed input is never a server error: a query parameter that should name a row is read with
:func:`query_pk`, a list page holds 1 to ``MAX_PER_PAGE`` rows whatever ``?per_page=`` asks,
and a save that runs into a unique constraint (someone else saved the same thing at the same
moment) returns the form with the Dutch message of that constraint.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import CreateView, DeleteView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from . import access, dataversie, scenario
from .forms import MAX_PK, share_choices
from .history import history_rows
from .pdf import RapportFout
from .security import log_denied
from .versioning import SAVED_MEANWHILE, versioned_form, versioned_formset
from .woorden import create_title, nieuw, update_title


def query_pk(request, name: str) -> int | None:
    """The row number in query parameter ``name``, or None when it is absent or not one (letters,
    a fraction, a number larger than any database holds): a page treats it as absent."""
    value = request.GET.get(name, "")
    if not (value.isascii() and value.isdigit() and len(value) <= len(str(MAX_PK))):
        return None
    number = int(value)
    return number if 0 < number <= MAX_PK else None


def visible_samenwerkingsverband(request, afkorting: str):
    """The samenwerkingsverband with this afkorting, or 404 when the user takes no part in it."""
    afkorting = afkorting.upper()
    found = access.visible_samenwerkingsverbanden(request.user, scenarios=True)
    sv = dataversie.with_versie(found.filter(afkorting=afkorting)).first()
    if sv is None:
        if access.samenwerkingsverband_model().objects.filter(afkorting=afkorting).exists():
            log_denied(request, f"404: geen toegang tot samenwerkingsverband {afkorting}")
        raise Http404("Dit samenwerkingsverband bestaat niet of u heeft er geen toegang toe.")
    scenario.mark(request, sv)  # a scenario's page says so (``regiekamer.scenario``)
    dataversie.remember_versie(sv)
    return sv


class ScopedQuerysetMixin:
    """A page of one row or a list: only the rows the user may see (others answer 404)."""

    def get_queryset(self):
        return access.scope(self.request.user, super().get_queryset())

    def get_object(self, queryset=None):
        row = super().get_object(queryset)
        scenario.mark_row(self.request, row)  # a scenario's row: its page says so
        return row


class SamenwerkingsverbandMixin:
    """A page of one samenwerkingsverband, found by its afkorting in the URL (404 when the
    user takes no part in it)."""

    def get_samenwerkingsverband(self):
        if not hasattr(self, "_samenwerkingsverband"):
            self._samenwerkingsverband = visible_samenwerkingsverband(
                self.request, self.kwargs["afkorting"]
            )
        return self._samenwerkingsverband

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sv = context["samenwerkingsverband"] = self.get_samenwerkingsverband()
        # The buttons and links the page shows: what the user may do here, not elsewhere.
        context["perms"] = access.PlacePerms(self.request.user, sv)
        return context


class RealOnlyMixin:
    """A page that a real samenwerkingsverband has and a scenario has not (its dashboard, its
    letters): on a scenario it sends the user to the scenario's page with ``scenario_text``,
    before anything is shown or saved (after the 404 and 403 the page would give anyway). Put
    it first among the bases."""

    scenario_text = "Een scenario heeft deze pagina niet."

    def dispatch(self, request, *args, **kwargs):
        sv = self.get_samenwerkingsverband()  # 404 first for who may not see it
        if hasattr(self, "has_permission") and not self.has_permission():
            return self.handle_no_permission()  # then 403 for who may not write here
        if sv.is_scenario:
            messages.error(request, self.scenario_text)
            return HttpResponseRedirect(sv.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)


class SamenwerkingsverbandFormMixin(SamenwerkingsverbandMixin):
    """A form of one samenwerkingsverband: the form gets it as ``samenwerkingsverband``."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["samenwerkingsverband"] = self.get_samenwerkingsverband()
        return kwargs


def local_url(request, url: str, fallback: str) -> str:
    """``url`` when it stays on this site (a back link or return address), else ``fallback``."""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return fallback


def local_next(request) -> str:
    """The ``next`` of this request (form or address) when it is a path on this site, where the
    user was going before a login step; else empty."""
    path = request.POST.get("next") or request.GET.get("next") or ""
    return path if path.startswith("/") and local_url(request, path, "") else ""


DOWNLOAD_TYPES = {
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def attachment(content, filename: str) -> HttpResponse:
    """A download (PDF, CSV or XLSX, by the filename's extension) that the browser saves."""
    response = HttpResponse(content, content_type=DOWNLOAD_TYPES[filename.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class PdfDownloadMixin:
    """A page whose report ``?download=pdf`` downloads, the same way on every page.

    The view says what to print in :meth:`get_pdf`. A report that cannot be made
    (``RapportFout``) is never a server error: the user is sent back to the page (without
    ``download``, its other parameters kept) with the Dutch reason as a message.
    """

    def get_pdf(self) -> tuple[bytes, str] | None:
        """The PDF and its file name (``make_report``); None when the page itself shows why
        there is nothing to print."""
        raise NotImplementedError

    def wants_pdf(self) -> bool:
        """Whether this request asks for the report (a page that caches its own content
        serves the PDF before it)."""
        return self.request.GET.get("download") == "pdf"

    def get(self, request, *args, **kwargs):
        if self.wants_pdf():
            try:
                pdf = self.get_pdf()
            except RapportFout as fout:
                messages.error(request, str(fout))
                query = request.GET.copy()
                del query["download"]
                page = f"{request.path}?{query.urlencode()}" if query else request.path
                return HttpResponseRedirect(page)
            if pdf is not None:
                return attachment(*pdf)
        return super().get(request, *args, **kwargs)


MAX_PER_PAGE = 500


class UserFormMixin:
    """The form decides with the user's rights (which gemeenten may join, the naam)."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs


class BoundedPaginator(Paginator):
    """Pages of 1 to ``MAX_PER_PAGE`` rows, whatever ``?per_page=`` asks (django-tables2 reads
    it from the address). ``count``: the number of rows when already counted."""

    def __init__(self, object_list, per_page, *args, count=None, **kwargs):
        per_page = min(max(int(per_page), 1), MAX_PER_PAGE)
        super().__init__(object_list, per_page, *args, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # Paginator.count is a cached_property


class ObjectListView(ScopedQuerysetMixin, SingleTableMixin, FilterView):
    """A list page: a django-filter form above a django-tables2 table."""

    template_name = "list.html"
    paginate_by = 25
    paginator_class = BoundedPaginator
    title = ""
    create_url_name = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | self.page_context()

    def page_context(self) -> dict:
        """What the page says around the list: its title and the button that adds a row."""
        context = {}
        model = self.get_queryset().model
        context["title"] = self.title or model._meta.verbose_name_plural.capitalize()
        target = self.get_create_target()
        if self.create_url_name and access.can(self.request.user, "add", target, model):
            context["create_url"] = reverse(self.create_url_name, kwargs=self.get_url_kwargs())
            context["create_label"] = nieuw(model._meta.verbose_name)
        return context

    def lijst_html(self, request, *args, **kwargs) -> str:
        """The filter, the count and the table (templates/includes/lijst.html), rendered: for a
        list the same for every viewer, to be cached (``lijst_html`` in list.html)."""
        response = super().get(request, *args, **kwargs)
        return render_to_string("includes/lijst.html", response.context_data, request=request)

    def get_url_kwargs(self) -> dict:
        return {}

    def get_create_target(self):
        """Where a new row of this list goes (None: nowhere in particular yet)."""
        return None

    def paginate_queryset(self, queryset, page_size):
        """Django's paging of the list (a page that does not exist is a 404); its count of the
        rows is the table's too, so the rows are counted once."""
        paginated = super().paginate_queryset(queryset, page_size)
        self.row_count = paginated[0].count
        return paginated

    def get_table_pagination(self, table):
        paginate = super().get_table_pagination(table)
        if paginate and getattr(self, "row_count", None) is not None:
            paginate = {**paginate, "count": self.row_count}
        return paginate


class EditPermissionMixin(PermissionRequiredMixin):
    """Write access: the model's add/change/delete permission of the user's role, and the
    right to act on this row (``access.allowed``), else 403."""

    permission_action = "change"

    def get_permission_required(self):
        if self.permission_required:
            return super().get_permission_required()
        return [access.perm_name(self.model, self.permission_action)]

    def get_permission_object(self):
        """The row acted on; for a new row, where it goes (by default the samenwerkingsverband
        of the URL; None when the page is not tied to one)."""
        keys = {getattr(self, "pk_url_kwarg", "pk"), getattr(self, "slug_url_kwarg", "slug")}
        if self.permission_action != "add" and keys & self.kwargs.keys():
            return self.get_object()
        if "afkorting" in self.kwargs and hasattr(self, "get_samenwerkingsverband"):
            return self.get_samenwerkingsverband()
        return None

    def has_permission(self):
        self.refused_target = None
        if not super().has_permission():
            return False
        target = self.get_permission_object()
        self.refused_target = target
        return access.allowed(self.request.user, self.permission_action, target, self.model)

    def handle_no_permission(self):
        """403 naming who the user is and why (``access.refusal``); the login page otherwise."""
        if self.request.user.is_authenticated:
            target = getattr(self, "refused_target", None)
            if target is None and hasattr(self, "get_samenwerkingsverband"):
                target = self.get_samenwerkingsverband()
            raise access.Refused(access.refusal(self.request.user, target, self.model))
        return super().handle_no_permission()


class FormsetMixin:
    """Edit child rows together with the object, as formsets, saved in one go.

    ``formset_classes`` maps a context name to an inline formset class. The form and every
    formset's forms carry the version they were opened on (``versioning``): a save over a
    newer version is refused with what the other person changed.
    """

    formset_classes: dict = {}
    save_object = True  # False where the page edits only the child rows
    template_name = "form.html"
    success_message = "Opgeslagen."

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        access.scope_choices(self.request.user, form)
        return form

    def get_form_class(self):
        form_class = super().get_form_class()
        # A page that saves only the child rows does not lock the parent.
        return versioned_form(form_class) if self.save_object else form_class

    def get_formsets(self):
        data = self.request.POST if self.request.method == "POST" else None
        instance = self.object if self.object is not None else self.model()
        formsets = {
            name: versioned_formset(cls)(
                data, instance=instance, prefix=name, **self.get_formset_kwargs(name)
            )
            for name, cls in self.formset_classes.items()
        }
        for formset in formsets.values():
            # The rows offer, and accept, only what the user may see (as the main form does).
            for form in [*formset.forms, formset.empty_form]:
                access.scope_choices(self.request.user, form)
            share_choices(formset)
        return formsets

    def get_formset_kwargs(self, name: str) -> dict:
        return {}

    def check_writes(self, form, formsets) -> None:
        """403 unless the user may write every row as the forms leave it: the object (where a
        new one goes, where an edited one would move to) and each added, changed or deleted
        row of the formsets. The page's own check only knew the row or page it was opened on."""
        user = self.request.user
        rows = []
        if self.save_object:
            rows.append(("change" if self.is_update else "add", form.instance))
        for formset in formsets.values():
            deleted = formset.deleted_forms if formset.can_delete else []
            for row in formset.forms:
                if row in deleted:
                    if row.instance.pk is not None:
                        rows.append(("delete", row.instance))
                elif row.has_changed():
                    rows.append(("add" if row.instance.pk is None else "change", row.instance))
        for action, obj in rows:
            if not access.may_save(user, action, obj):
                raise access.Refused(access.refusal(user, obj))

    def prepare_formsets(self, form, formsets) -> None:
        """Hook: pass what the valid main form decided (e.g. a method) to the formsets."""

    def after_save(self) -> None:
        """Hook: what follows a save, in the same transaction."""

    def announce_save(self) -> None:
        """Hook: the message after a save (a page may warn about what it saved instead); it
        names the rows a formset deleted ("Verwijderd: schaal 10 vanaf 2018: € 1.234,56.")."""
        if self.is_update and not getattr(self, "changed", True):
            # Nothing was written (save_all leaves an unchanged object and rows alone).
            messages.info(self.request, "Niets gewijzigd.")
            return
        deleted = getattr(self, "deleted_rows", [])
        text = self.success_message
        if deleted:
            text += " Verwijderd: " + "; ".join(deleted) + "."
        messages.success(self.request, text)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formsets", self.get_formsets())
        context["cancel_url"] = self.get_cancel_url()
        # The title names the object ("Nieuwe vergadering", "Vergadering bewerken"); a page
        # may set its own after this.
        if self.is_update:
            context["title"] = update_title(self.model)
            if self.save_object:  # the page edits this object (not only its child rows)
                context["subtitle"] = str(self.object)
        else:
            context["title"] = create_title(self.model)
        return context

    def get_cancel_url(self):
        if self.object is not None and self.object.pk:
            return self.object.get_absolute_url()
        return local_url(self.request, self.request.GET.get("terug", ""), "/")

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if self.is_update else None
        form = self.get_form()
        formsets = self.get_formsets()
        form_valid = form.is_valid()
        if form_valid:
            self.prepare_formsets(form, formsets)
        if form_valid and all(fs.is_valid() for fs in formsets.values()):
            self.check_writes(form, formsets)
            try:
                with transaction.atomic():
                    self.save_all(form, formsets)
            except IntegrityError:
                return self.conflict()
            self.announce_save()
            return HttpResponseRedirect(self.get_success_url())
        messages.error(request, "Niet opgeslagen: verbeter de gemarkeerde velden.")
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))

    def save_all(self, form, formsets) -> None:
        # An existing object the user left as it was is not saved again: a new version and a
        # history line for it would tell of a change that did not happen.
        self.changed = form.has_changed() or any(fs.has_changed() for fs in formsets.values())
        if self.save_object and (not self.is_update or form.has_changed()):
            self.object = form.save()
        for fs in formsets.values():
            fs.instance = self.object
            fs.save()
        self.deleted_rows = [
            str(row) for fs in formsets.values() for row in getattr(fs, "deleted_objects", [])
        ]
        self.after_save()

    def conflict(self):
        """The save ran into a unique constraint: a row that appeared after the form was
        checked (two people creating the same thing at once). Nothing was saved; the form is
        checked again, so that the field that clashes says so in its own Dutch message."""
        self.object = self.get_object() if self.is_update else None
        form = self.get_form()
        formsets = self.get_formsets()
        if form.is_valid():
            self.prepare_formsets(form, formsets)
        for checked in [form, *formsets.values()]:
            checked.is_valid()  # the clash, when the form can name it, with its own message
        messages.error(self.request, SAVED_MEANWHILE)
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))


class FrozenRedirectMixin:
    """A frozen record (``is_frozen``) is not edited: back to its page with ``frozen_text``.

    Put it first among the bases; it checks the permission first, so others still get 403.
    """

    frozen_text = "Dit is definitief en verandert niet meer."

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        record = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        if record.is_frozen:
            messages.error(request, self.frozen_text)
            return HttpResponseRedirect(record.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)


class HistoryAndDeleteMixin:
    """An update page of a row of one samenwerkingsverband: below the form the row's history
    and, for who may delete it, the link to its confirmation (``delete_url_name``, labelled
    ``delete_label``)."""

    template_name = "form_geschiedenis.html"
    delete_url_name = ""
    delete_label = "Verwijderen"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_rows(self.model.history.filter(id=self.object.pk))
        if access.can(self.request.user, "delete", self.object):
            afkorting = self.get_samenwerkingsverband().afkorting
            context["delete_url"] = reverse(self.delete_url_name, args=[afkorting, self.object.pk])
            context["delete_label"] = self.delete_label
        return context


class ObjectUpdateView(EditPermissionMixin, ScopedQuerysetMixin, FormsetMixin, UpdateView):
    is_update = True


class ObjectCreateView(EditPermissionMixin, FormsetMixin, CreateView):
    permission_action = "add"
    is_update = False
    success_message = "Aangemaakt."


class ObjectDeleteView(EditPermissionMixin, ScopedQuerysetMixin, DeleteView):
    """Asks for confirmation (GET), deletes on POST."""

    permission_action = "delete"
    template_name = "confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.object.get_absolute_url()
        return context

    def form_valid(self, form):
        name = str(self.object)
        response = super().form_valid(form)
        messages.success(self.request, f"Verwijderd: {name}.")
        return response


class SamenwerkingsverbandListView(SamenwerkingsverbandMixin, ObjectListView):
    """A list page of one samenwerkingsverband's rows; ``sv_lookup`` leads from a row to it."""

    sv_lookup = "samenwerkingsverband"

    def get_queryset(self):
        return super().get_queryset().filter(**{self.sv_lookup: self.get_samenwerkingsverband()})

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["samenwerkingsverband"] = self.get_samenwerkingsverband()
        return kwargs

    def get_url_kwargs(self) -> dict:
        return {"afkorting": self.get_samenwerkingsverband().afkorting}

    def get_create_target(self):
        return self.get_samenwerkingsverband()


def ping(request):
    """'ok' for a logged-in user: a bare page behind the full middleware stack.

    ``tests/bench/run`` measures every page against it, so that a figure says what the page
    itself costs, not how fast the machine happens to be.
    """
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
