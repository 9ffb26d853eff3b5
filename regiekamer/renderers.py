"""The form renderer: Django's own widget templates, rendered by Jinja2 where Django ships them.

A page such as the formation grid renders hundreds of inputs; with the Django template language
each costs about a millisecond, with Jinja2 a fraction of that (tests/bench/RESULTS.md). Widgets
that exist only as Django templates (the admin's own) fall back to the Django template language.
"""

from functools import cached_property

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(BaseRenderer):
    @cached_property
    def jinja2(self):
        return Jinja2().engine

    @cached_property
    def django(self):
        return DjangoTemplates().engine

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
