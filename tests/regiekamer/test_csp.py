"""The Content Security Policy is sent, and no page needs what it forbids.

A beheerder walks the demo: every GET page of the URLconf that needs no parameter (or only the
samenwerkingsverband, MLW), then one page of every further kind a link leads to, and a few admin
pages. No page may hold an inline script, a style element, a style attribute or an event
handler attribute: the policy would block them in the browser.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse

# Not pages to look at: leaving, or files.
# Single sign-on answers 404 while it is off (as here); tests/e2e/test_oidc.py checks its pages
# for CSP problems with the tests' identity provider.
SKIP_PREFIXES = ("/uitloggen/", "/static/", "/media/", "/admin/", "/inloggen/sso/")
FORBIDDEN_POLICY_WORDS = ("'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "*")


class InlineFinder(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' blocks, and the page's internal links."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and not names.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f'style="{names["style"]}" on <{tag}>')
        for name in names:
            if name.startswith("on"):
                self.problems.append(f"{name}= handler on <{tag}>")
        if tag == "a" and names.get("href", "").startswith("/"):
            self.links.append(names["href"])

    handle_startendtag = handle_starttag


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def start_urls():
    urls = set()
    for name in url_names():
        if name.startswith("admin:"):
            continue
        for kwargs in ({}, {"afkorting": "MLW"}):
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            if not url.startswith(SKIP_PREFIXES):
                urls.add(url)
    return sorted(urls)


def page_kind(url):
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name


def check_page(client, url):
    response = client.get(url, follow=True)  # "/" redirects to the list
    # 405: a POST-only URL (an action behind a button), its Dutch page is checked all the same.
    assert response.status_code in (200, 405), f"{url}: {response.status_code}"
    policy = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy, url
    if not response["Content-Type"].startswith("text/html"):
        return None
    finder = InlineFinder()
    finder.feed(response.content.decode())
    assert not finder.problems, f"{url}: {finder.problems}"
    return finder if response.status_code == 200 else None


def test_finder_sees_every_kind_of_inline_code():
    finder = InlineFinder()
    finder.feed(
        '<script>alert(1)</script><script src="/static/js/a.js"></script>'
        '<style>p{}</style><p style="color:red">x</p><button onclick="go()">y</button>'
        '<svg><rect fill="#fff" width="1"/></svg><a href="/gemeenten/">g</a>'
    )
    assert len(finder.problems) == 4
    assert finder.links == ["/gemeenten/"]


@pytest.fixture
def beheer_client(beheer_user):
    client = Client()
    client.force_login(beheer_user)
    return client


def test_policy_forbids_inline_code_and_other_sites(db, client):
    response = client.get("/inloggen/")
    policy = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ):
        assert directive in policy
    for word in FORBIDDEN_POLICY_WORDS:
        assert word not in policy


def test_no_page_needs_inline_script_or_style(demo, beheer_client):
    queue = start_urls()
    assert "/samenwerkingsverbanden/MLW/dashboard/" in queue
    seen_kinds = {page_kind(url) for url in queue}
    visited = []
    while queue:
        url = queue.pop(0)
        visited.append(url)
        finder = check_page(beheer_client, url)
        if finder is None:
            continue
        for link in finder.links:
            if link.startswith(SKIP_PREFIXES):
                continue
            kind = page_kind(link)
            if kind and kind not in seen_kinds:
                seen_kinds.add(kind)
                queue.append(link)
    # The walk reached the detail pages behind the lists, not only the start pages.
    assert len(visited) > 40, visited


def test_admin_pages_have_no_inline_script_or_style(demo, beheer_client):
    from partijen.models import Gemeente

    gemeente = Gemeente.objects.first()
    for url in (
        reverse("admin:index"),
        reverse("admin:app_list", args=["convenant"]),
        reverse("admin:partijen_gemeente_changelist"),
        reverse("admin:partijen_gemeente_add"),
        reverse("admin:partijen_gemeente_change", args=[gemeente.pk]),
        reverse("admin:partijen_gemeente_history", args=[gemeente.pk]),
        reverse("admin:partijen_gemeente_delete", args=[gemeente.pk]),
        reverse("admin:auth_user_changelist"),
        reverse("admin:password_change"),
    ):
        check_page(beheer_client, url)
