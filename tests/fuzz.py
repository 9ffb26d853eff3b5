"""Bad input for the main forms: base data as the page renders it, some fields replaced by junk.

``mutate`` draws which fields to spoil and how (random text, huge or negative numbers, empty
values, unicode, NUL bytes, missing keys; management-form counts are fields too).
``check_post`` posts and asserts what a user must see: never a server error; a rejected post
shows a Dutch message and leaves the affected rows exactly as they were.
"""

import html
import re

from django.db import transaction
from django.forms.models import model_to_dict
from django.http import QueryDict
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.programma.helpers import form_data

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

JUNK = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "-1",
            "-0,5",
            "0",
            "1e308",
            "-1e400",
            "NaN",
            "Infinity",
            "9" * 40,
            "-" + "9" * 25,
            "12,5,3",
            "1.000.000,00",
            "\x00",
            "abc\x00def",
            "٣٤",
            "🙂" * 10,
            "x" * 5000,
            "2024-13-45",
            "99999-01-01",
            "0001-01-01",
            "31-02-2024",
            "2024-01-01T25:61",
            "on",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
        ]
    ),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)


@st.composite
def mutate(draw, base: dict, keys=None) -> dict:
    """``base`` with 1-4 of ``keys`` (default: all) replaced by junk or left out."""
    data = dict(base)
    chosen = draw(
        st.lists(st.sampled_from(sorted(keys or base)), min_size=1, max_size=4, unique=True)
    )
    for key in chosen:
        if draw(st.integers(0, 4)) == 0:
            data.pop(key, None)
        else:
            data[key] = draw(JUNK)
    return data


def page_data(response) -> dict:
    """The form(s) of an edit page as the browser would post them back unchanged."""
    data = {}
    context = response.context
    if context.get("form") is not None:
        data |= form_data(context["form"])
    formsets = dict(context.get("formsets") or {})
    if context.get("formset") is not None:
        formsets["formset"] = context["formset"]
    for formset in formsets.values():
        data |= {bf.html_name: str(bf.value()) for bf in formset.management_form}
        for form in formset.forms:
            data |= form_data(form)
    return data


def snapshot(*querysets) -> list:
    """Every row of the querysets with every field (many-to-many too), to compare before/after."""
    return [
        [
            model_to_dict(row) | {"pk": row.pk}
            for row in qs.model._base_manager.filter(pk__in=qs.values("pk")).order_by("pk")
        ]
        for qs in querysets
    ]


# Words of Django's English default messages; a Dutch message has none of them.
ENGLISH = re.compile(
    r"\b(this field|enter a|ensure|please|the|must|select a valid|invalid|required|"
    r"characters|not allowed|value)\b",
    re.IGNORECASE,
)


def error_messages(response) -> list[str]:
    """The error messages a user sees on a re-rendered page: form, formset, workbook problems."""
    messages = []
    context = response.context
    forms, formsets = [], list((context.get("formsets") or {}).values())
    if context.get("form") is not None:
        forms.append(context["form"])
    if context.get("formset") is not None:
        formsets.append(context["formset"])
    for formset in formsets:
        messages += list(formset.non_form_errors())
        forms += list(formset.forms)
    for form in forms:
        for errors in form.errors.values():
            messages += list(errors)
    messages += [str(p) for p in context.get("problems") or []]
    messages += [str(m) for m in context.get("messages") or [] if m.level_tag == "error"]
    return messages


def alerts(response) -> list[str]:
    """The text of the page's alerts (``role="alert"``), tags stripped."""
    page = response.content.decode()
    blocks = re.findall(r'role="alert"[^>]*>(.*?)</(?:div|p)>', page, re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", " ", b)).strip() for b in blocks]


def check_post(client, url, data, *querysets, **extra):
    """Post ``data``; return True when it was accepted (redirect) and rolled back."""
    client.raise_request_exception = False
    with transaction.atomic():
        before = snapshot(*querysets)
        response = client.post(url, data, **extra)
        assert response.status_code != 500, "serverfout bij deze invoer"
        if response.status_code == 302:
            transaction.set_rollback(True)
            return True
        assert response.status_code in (200, 400, 409), response.status_code  # 409: conflict
        messages = error_messages(response) or alerts(response)
        assert messages, "afgewezen zonder foutmelding"
        for message in messages:
            assert not ENGLISH.search(str(message)), f"Engelse foutmelding: {message}"
        assert snapshot(*querysets) == before, "half opgeslagen"
        transaction.set_rollback(True)
    return False


# --- malformed addresses (issue 14, point 8) -------------------------------------------------

HUGE = "9" * 20  # beyond any database integer
# One value of each kind that once gave a server error in a query parameter: not a number,
# beyond the database's integers (either sign), a float with an exponent, a fraction.
QUERY_JUNK = ["abc", HUGE, "-" + HUGE, "1e20", "2020.5"]


class ReadParameters:
    """Records the query parameters that code looks up while a request is answered."""

    def __init__(self, monkeypatch):
        self.names = set()
        for method in ("get", "getlist", "__getitem__", "__contains__"):
            original = getattr(QueryDict, method)

            def spy(querydict, key, *args, _original=original, **kwargs):
                if isinstance(key, str):
                    self.names.add(key)
                return _original(querydict, key, *args, **kwargs)

            monkeypatch.setattr(QueryDict, method, spy)

    def of(self, client, url) -> tuple[set, list[str]]:
        """The parameters the page at ``url`` reads, and its server errors."""
        self.names.clear()
        errors = server_errors(client, url, {"_": "1"})
        return self.names - {"_"}, errors


def server_errors(client, url, params=None) -> list[str]:
    """[] or the one line that says that this GET gave a server error."""
    client.raise_request_exception = False
    response = client.get(url, params or {})
    if response.status_code >= 500:
        return [f"GET {url} {params or ''}: {response.status_code}"]
    return []
