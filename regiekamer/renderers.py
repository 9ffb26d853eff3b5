"""The form renderer: Django's own widget templates, rendered by Jinja2 where Django ships them.

A page such as the formation grid renders hundreds of inputs; with the Django template language
each costs about a millisecond, with Jinja2 a fraction of that (tests/bench/RESULTS.md). Widgets
that exist only as Django templates (the admin's own) fall back to the Django template language.
The plain ``<input>`` widgets (text, hidden, number, ...) are written here in Python, exactly as
Django's Jinja2 ``input.html`` writes them: the grid renders hundreds of them per page.
"""

from functools import cached_property

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist
from markupsafe import escape

# Django's widget templates that only include ``django/forms/widgets/input.html``.
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "input", "checkbox", "color", "date", "datetime", "email", "file", "hidden",
        "number", "password", "search", "tel", "text", "time", "url",
    )
)  # fmt: skip


def input_html(widget: dict) -> str:
    """Django's ``django/forms/widgets/input.html`` (its Jinja2 version, escaping included)."""
    parts = [f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"']
    if widget["value"] is not None:
        parts.append(f' value="{escape(widget["value"])}"')
    for name, value in widget["attrs"].items():
        if value is not False:
            parts.append(
                f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
            )
    parts.append(">")
    return "".join(parts)


class FormRenderer(BaseRenderer):
    @cached_property
    def jinja2(self):
        return Jinja2().engine

    @cached_property
    def django(self):
        return DjangoTemplates().engine

    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return input_html(context["widget"])
        return super().render(template_name, context, request=request)

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
