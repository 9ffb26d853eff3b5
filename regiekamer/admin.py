"""The one admin base of Regiekamer: every ModelAdmin and inline of the apps derives from here.

Shared behaviour (history, who may see and change what, the version an edit form was opened
on) is added to these classes once, so no app's admin can forget it.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


class ModelAdmin(SimpleHistoryAdmin):
    """A model's admin page, with its history."""


class InlineMixin:
    """Shared behaviour of the inlines."""


class TabularInline(InlineMixin, admin.TabularInline):
    pass


class StackedInline(InlineMixin, admin.StackedInline):
    pass
