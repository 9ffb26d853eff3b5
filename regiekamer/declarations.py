"""Where the rows of every model belong: the declarations that ``access`` decides with.

Every model of Regiekamer declares where its rows belong, next to its fields:
    access_scope = Scope(via=("rol__samenwerkingsverband",))
``via``: ORM lookups that lead a row to its samenwerkingsverband(en), any of which may match;
``gemeente``: the lookup to the gemeente whose own data the row is ("pk": the gemeente
itself), which an official of that gemeente edits; ``gedeeld``: a gemeente's data that every
samenwerkingsverband of that gemeente shares (``access``, "Shared gemeenten"). ``SHARED`` declares a
model that belongs to no samenwerkingsverband on purpose (a domein): everyone reads it, only
the beheerder changes it. A model that declares nothing stops start-up (system check
regiekamer.E001, ``regiekamer.checks``) and every question about it is refused: access fails
closed.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Scope:
    via: tuple[str, ...] = ()
    gemeente: str | None = None
    gedeeld: bool = False

    @property
    def shared(self) -> bool:
        return not self.via

    @property
    def is_samenwerkingsverband(self) -> bool:
        return self.via == ("pk",)


SHARED = Scope()


class Undeclared(ImproperlyConfigured):
    """A model of Regiekamer that does not say where its rows belong (``access_scope``)."""


def regiekamer_app(app_config) -> bool:
    """An app of Regiekamer itself (settings.REGIEKAMER_APPS), not of Django or a library."""
    return app_config.name in settings.REGIEKAMER_APPS


def is_history_model(model) -> bool:
    """A history table of django-simple-history: read through the page of its row."""
    return hasattr(model, "instance_type") or model._meta.model_name.startswith("historical")


def scope_of(model) -> Scope:
    """Where the rows of ``model`` belong. Models of Django and the libraries (users, groups,
    sessions, login attempts) and history tables are no samenwerkingsverband's: shared."""
    declared = getattr(model, "access_scope", None)
    if isinstance(declared, Scope):
        return declared
    if not regiekamer_app(model._meta.app_config) or is_history_model(model):
        return SHARED
    raise Undeclared(
        f"{model._meta.label} zegt niet bij welk samenwerkingsverband zijn rijen horen: "
        "geef het model een access_scope (regiekamer/declarations.py)."
    )


def undeclared_models() -> list:
    """The models of Regiekamer's apps that declare no scope (the system check's list)."""
    return [
        model
        for app_config in apps.get_app_configs()
        if regiekamer_app(app_config)
        for model in app_config.get_models()
        if not is_history_model(model)
        and not isinstance(getattr(model, "access_scope", None), Scope)
    ]


class _Declared(Mapping):
    """A read-only view of the declarations, by model label: built once, when first read."""

    def __init__(self, pick):
        self._pick = pick
        self._data = None

    def _load(self) -> dict:
        if self._data is None:
            data = {}
            for app_config in apps.get_app_configs():
                if not regiekamer_app(app_config):
                    continue
                for model in app_config.get_models():
                    if is_history_model(model):
                        continue
                    value = self._pick(scope_of(model))
                    if value:
                        data[model._meta.label_lower] = value
            self._data = data
        return self._data

    def __getitem__(self, key):
        return self._load()[key]

    def __iter__(self):
        return iter(self._load())

    def __len__(self):
        return len(self._load())


# The models that belong to a samenwerkingsverband, with their lookups (the archive and the
# admin walk these); and the models that are a gemeente's own data, with the lookup to it.
SV_LOOKUPS: Mapping[str, tuple[str, ...]] = _Declared(lambda scope: scope.via)
GEMEENTE_LOOKUPS: Mapping[str, str] = _Declared(lambda scope: scope.gemeente)
