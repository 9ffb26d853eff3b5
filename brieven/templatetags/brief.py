"""The letter's layout in a template (``brieven/includes/brief.html``): the same blocks and
letterhead on its page and in its PDF (``brieven.weergave``)."""

from django import template

from brieven import weergave as layout

register = template.Library()


@register.simple_tag(takes_context=True)
def briefhoofd(context, brief, weergave):
    """The letterhead of ``brief`` on its date; embedded logo when the template prints a PDF
    (the PDF's context says ``voor_pdf``)."""
    return layout.briefhoofd(brief, weergave.datum, pdf=bool(context.get("voor_pdf")))


@register.filter
def blokken(text: str):
    return layout.blocks(text or "")
