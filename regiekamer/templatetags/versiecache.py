"""``{% versiecache "naam" sv %} … {% endversiecache %}``: a part of a page from the cache while
the samenwerkingsverband's data is unchanged (``regiekamer.dataversie``).

The part is cached for the viewer alone: the key holds the user, their roles, their CSRF secret
(a form's token in the part stays theirs and valid), the address with its query string and the
day (a "te laat" turns over at midnight), besides the data version and the code. Only a GET
is served from the cache: a form shown again with its errors is always rendered. A part that
depends on the moment within the day (meetings still to come) does not belong in it.
"""

import hashlib

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from regiekamer import access
from regiekamer.dataversie import cached

register = template.Library()


def viewer(request) -> tuple:
    """What a part may depend on besides the data: who looks, with which roles and CSRF secret,
    at which address, on which day."""
    user = request.user
    secret = request.META.get("CSRF_COOKIE") or request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    return (
        user.pk,
        ",".join(sorted(access.groups(user))) if user.is_authenticated else "",
        hashlib.sha256(secret.encode()).hexdigest()[:16],
        request.get_full_path(),
        timezone.localdate().isoformat(),
    )


class VersieCacheNode(template.Node):
    def __init__(self, nodelist, naam, sv, vary):
        self.nodelist, self.naam, self.sv, self.vary = nodelist, naam, sv, vary

    def render(self, context):
        request = context.get("request")
        sv = self.sv.resolve(context)
        if request is None or sv is None or request.method != "GET":
            return self.nodelist.render(context)
        naam = self.naam.resolve(context)
        vary = [*viewer(request), *(str(v.resolve(context)) for v in self.vary)]
        html = cached(sv.pk, f"deel:{naam}", lambda: str(self.nodelist.render(context)), *vary)
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
