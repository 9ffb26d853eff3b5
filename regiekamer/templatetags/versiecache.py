"""``{% versiecache "naam" sv %} … {% endversiecache %}``: a part of a page from the cache while
the samenwerkingsverband's data is unchanged (``regiekamer.dataversie``); ``sv`` may also be a
list of them, or of their ids (a part that shows several: a gemeente's page).

The part is cached for the viewer alone: the key holds the user, their roles and access, the
address with its query string and the day (a "te laat" turns over at midnight), besides the data
version and the code. A form's CSRF token in the part is stored as a placeholder and replaced,
on every view, by the viewer's own token of this request (a token is never shown to another
session). Only a GET is served from the cache: a form shown again with its errors is always
rendered. A part that depends on the moment within the day (meetings still to come) does not
belong in it.
"""

from django import template
from django.utils.safestring import mark_safe

from regiekamer.dataversie import cached_over, own_token, token_placeholder, viewer

register = template.Library()


class VersieCacheNode(template.Node):
    def __init__(self, nodelist, naam, sv, vary):
        self.nodelist, self.naam, self.sv, self.vary = nodelist, naam, sv, vary

    def render(self, context):
        request = context.get("request")
        sv = self.sv.resolve(context)
        if request is None or sv is None or request.method != "GET":
            return self.nodelist.render(context)
        # One samenwerkingsverband, or the ids of all the part shows (a gemeente's page).
        sv_ids = [sv.pk] if hasattr(sv, "pk") else [getattr(item, "pk", item) for item in sv]
        naam = self.naam.resolve(context)
        vary = [*viewer(request), *(str(v.resolve(context)) for v in self.vary)]
        placeholder = token_placeholder()

        def render():
            with context.push(csrf_token=placeholder):
                return str(self.nodelist.render(context))

        html = cached_over(sv_ids, f"deel:{naam}", render, *vary)
        html = own_token(html, request, context.get("csrf_token"))
        return mark_safe(html)  # noqa: S308 (the template's own output, escaped when rendered)


@register.tag
def versiecache(parser, token):
    """``{% versiecache "naam" sv [extra vary values] %}``."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("versiecache: geef een naam en het samenwerkingsverband")
    nodelist = parser.parse(("endversiecache",))
    parser.delete_first_token()
    return VersieCacheNode(
        nodelist,
        parser.compile_filter(bits[1]),
        parser.compile_filter(bits[2]),
        [parser.compile_filter(b) for b in bits[3:]],
    )
