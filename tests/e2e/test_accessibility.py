"""Accessibility (WCAG 2.1 AA): every page of the app, for every role, checked with axe-core.

The pages come from the URL configuration (as in ``tests/regiekamer/test_access_matrix.py``),
so a new page is swept without anyone adding it here; besides them the login page, the 404 page,
a form sent back with errors and a few admin pages. The demo has no meetings, decisions or
reports, so the sweep first adds one of each, with every kleurstatus. A page a role may not open
answers 403; that page is audited once per role. axe runs once per page state in the session
(``User.new_violations``): the page after logging in is not audited again, and the browser
journeys that follow in the session do not audit again what the sweep audited. All findings
(axe impact serious or critical, references to nothing, CSP violations, console errors) are
collected and reported at once, so one run shows all.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from begroting.models import Begrotingscyclus, Zienswijze
from formatie.models import Pakket, Rol
from governance.models import Procesplanning, Processtap
from kosten.models import Voorschotregeling
from partijen.models import Gemeente, Samenwerkingsverband
from programma.voortgang import draft_report, freeze_report
from tests.brieven.factories import RaadsinformatiebriefFactory
from tests.kosten.test_nacalculatie_command import realisatie_gelijk_aan_plan
from tests.regiekamer.test_access_matrix import (
    CYCLUSJAAR,
    SCENARIO_PAGES,
    model_for,
    rows_of,
    url_patterns,
)
from tests.world import add_meeting_and_answer

from .browser import axe_summary

pytestmark = pytest.mark.e2e

ROLES = ["regie", "stuur", "weert", "beheer"]
# Not pages: the login is audited by log_in, the logout is a POST, home and a message's subject
# redirect; and files.
NOT_PAGES = {"login", "logout", "home", "berichten:bericht-onderwerp", "gebruikers:start"}
# Gebruikersbeheer's pages of one user: the demo's stuurgroep member (whom the regiegroep of MLW
# manages too); the links of the account mails: with a token that does not fit ("link werkt
# niet (meer)").
ONE_USER = "stuur"
# The code after the password redirects whoever needs none (everyone here: the setting is off);
# tests/e2e/test_tweestaps.py audits it.
NOT_PAGES |= {"gebruikers:tweestaps-code"}
# Single sign-on answers 404 while it is off (as here); tests/e2e/test_oidc.py audits the way
# through the tests' identity provider.
NOT_PAGES |= {"gebruikers:oidc-start", "gebruikers:oidc-callback"}
# A scenario's own pages behind MLW's afkorting only point the way (the scenario test walks them).
NOT_PAGES |= SCENARIO_PAGES
NOT_FOUND = "/bestaat-niet/"
DOWNLOADS = {
    "werkboek:export",
    "governance:stuk-download",
    "governance:uitnodiging-pdf",
    "governance:vergadering-besluitenlijst",
    "convenant:convenant-scan",
    "gemeenten:gemeente-logo",
    "begroting:ics",
}
# A description or label that points at nothing is never read out; axe only "needs review" it.
BROKEN_REFERENCES = """() => [...document.querySelectorAll("[aria-describedby], [aria-labelledby]")]
  .flatMap((el) => ["aria-describedby", "aria-labelledby"].flatMap((attr) =>
    (el.getAttribute(attr) || "").split(/\\s+/).filter((id) => id && !document.getElementById(id))
      .map((id) => `${el.id || el.tagName.toLowerCase()} ${attr}="${id}"`)))"""


def add_one_of_everything(mlw):
    """What the demo lacks to show every page: a meeting with a stuk, decisions, actions, a
    knelpunt, a start answer, two progress reports (one sent) with every colour, a letter."""
    plan = add_meeting_and_answer(mlw, deadline=timezone.localdate() - timedelta(days=7))

    first = draft_report(plan, date(2021, 10, 31), "september-oktober 2021")
    regels = list(first.regels.order_by("pk"))
    for regel, (uitvoering, kleur) in zip(
        regels,
        [("lopend", "goed"), ("lopend", "risico"), ("lopend", "probleem"), ("afgerond", "")],
        strict=False,
    ):
        regel.uitvoering, regel.kleurstatus = uitvoering, kleur
        regel.toelichting = f"{uitvoering} {kleur}".strip()
        regel.save()
    freeze_report(first, None)
    second = draft_report(plan, date(2021, 12, 31), "november-december 2021")
    slipped = second.regels.get(opdracht=regels[2].opdracht)
    slipped.bijgestelde_datum = date(2023, 1, 1)
    slipped.save()

    RaadsinformatiebriefFactory(
        samenwerkingsverband=mlw,
        gemeente=Gemeente.objects.get(naam="Weert"),
        onderwerp="Kosten",
        tekst="Geachte raad,",
    )


def app_pages(mlw) -> list[str]:
    """The path of every GET page of the URL configuration, with MLW's rows filled in (MLW has
    no pakket in the documents: a pluspakket without rollen, which changes no figure, gives the
    pakket pages a row)."""
    weert = Gemeente.objects.get(naam="Weert")
    Pakket.objects.get_or_create(
        samenwerkingsverband=mlw, naam="Module (pagina's)", defaults={"verdeling": "gelijk"}
    )
    # Issue 21: a voorschotregeling (its edit page) and actual costs of 2016 (the jaarrekening).
    Voorschotregeling.objects.get_or_create(samenwerkingsverband=mlw, vanaf_jaar=2016)
    realisatie_gelijk_aan_plan(mlw)
    # A begroting of its own with a year's cycle and a zienswijze (the begroting pages), and a
    # process planning with a step (the demo's planning is G12's).
    Samenwerkingsverband.objects.filter(pk=mlw.pk).update(eigen_begroting=True)
    mlw.refresh_from_db()
    cyclus, _ = Begrotingscyclus.objects.get_or_create(samenwerkingsverband=mlw, jaar=CYCLUSJAAR)
    Zienswijze.objects.get_or_create(cyclus=cyclus, gemeente=weert)
    planning, _ = Procesplanning.objects.get_or_create(
        samenwerkingsverband=mlw, naam="Planning (pagina's)", defaults={"jaar": 2026}
    )
    Processtap.objects.get_or_create(
        planning=planning, fase="Besluit", stap="Collegebesluit", defaults={"gepland": "mei 2026"}
    )
    paths = []
    for name, kwargs, view in url_patterns():
        if name in NOT_PAGES | DOWNLOADS or not hasattr(view, "get"):
            continue
        values = {}
        if name.startswith("gebruikers:"):
            paths.append(reverse(name, kwargs=account_page_kwargs(kwargs)))
            continue
        for kwarg in sorted(kwargs):
            if kwarg == "afkorting":
                values[kwarg] = mlw.afkorting
            elif kwarg == "jaar" and name.startswith("kosten:"):
                values[kwarg] = 2016  # kosten:jaarrekening
            elif kwarg == "jaar":
                values[kwarg] = CYCLUSJAAR  # a begrotingsjaar
            else:
                model = model_for(name, kwarg, view)
                # The last row: of the reports, the concept (a sent one has no edit page).
                row = weert if model is Gemeente else rows_of(model, mlw).last()
                assert row is not None, f"{name}: geen {model.__name__} in MLW"
                values[kwarg] = row.pk
        paths.append(reverse(name, kwargs=values))
    return paths


def account_page_kwargs(kwargs) -> dict:
    user = get_user_model().objects.get(username=ONE_USER)
    values = {"pk": user.pk, "uidb64": "MQ", "token": "verlopen-token"}
    return {kwarg: values[kwarg] for kwarg in kwargs}


def admin_pages(mlw) -> list[str]:
    """A few admin pages: the index, an app, a list and the change forms with inlines."""
    rol = rows_of(Rol, mlw).first()
    return [
        reverse("admin:index"),
        reverse("admin:app_list", args=["formatie"]),
        reverse("admin:formatie_rol_changelist"),
        reverse("admin:formatie_rol_change", args=[rol.pk]),
        reverse("admin:partijen_samenwerkingsverband_change", args=[mlw.pk]),
        reverse("admin:formatie_rol_history", args=[rol.pk]),
    ]


@pytest.fixture
def sweep(demo_site, media):
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    add_one_of_everything(mlw)
    return app_pages(mlw) + admin_pages(mlw)


def audit(user) -> str:
    """What is wrong on the page: axe's serious and critical findings (unless the session has
    checked this page state already), references to nothing."""
    found = axe_summary(user.new_violations())
    broken = user.page.evaluate(BROKEN_REFERENCES)
    if broken:
        found += "\n  [serious] verwijst naar niets: " + ", ".join(broken[:5])
    return found.strip("\n")


@pytest.mark.parametrize("username", ROLES)
def test_every_page_is_accessible(browse, sweep, username):
    user = browse()
    user.log_in(username)  # audits the login page
    findings = {}
    pages = [*sweep, NOT_FOUND]
    forbidden = []
    for path in pages:
        status = user.page.request.get(user.url(path), max_redirects=0).status
        if status not in (200, 403, 404) or (status == 404) != (path == NOT_FOUND):
            findings[path] = f"  HTTP {status}"
            continue
        if status == 403:
            forbidden.append(path)
            if len(forbidden) > 1:
                continue  # one 403 page is like the next: audited once
        user.visit(path, status)
        if found := audit(user):
            findings[path] = found
    if username in ("regie", "beheer"):
        # A form sent back with its errors.
        user.visit(reverse("gemeenten:gemeente-create"))
        user.page.get_by_role("button", name="Opslaan").click()
        user.page.wait_for_load_state("load")
        assert user.page.locator(".error").count() > 0
        if found := audit(user):
            findings[f"{user.path} (met fouten)"] = found
    user.screenshot(f"toegankelijkheid-{username}")

    assert len(pages) - len(forbidden) > 30, f"{username} opent bijna niets: {forbidden}"
    report = [f"{path}:\n{found}" for path, found in findings.items()]
    report += [f"console/CSP: {problem}" for problem in user.problems]
    summary = f"{len(findings)} van {len(pages)} pagina's met fouten als {username}:\n"
    assert not report, summary + "\n".join(report)


# A phone (iPhone 12-15) and a tablet (iPad Pro 12.9", portrait), in CSS pixels.
SIZES = {"telefoon": (390, 844), "tablet": (1024, 1366)}
SMALLEST_TEXT = 11  # px as rendered
# What does not fit: the page wider than the window (the widest elements outside a region that
# says it scrolls), and chart text drawn smaller than SMALLEST_TEXT (font size x the scale the
# SVG's viewBox draws it at).
MEASURE = """(smallest) => {
  const inner = window.innerWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("");
  const sticksOut = (el) => el.getBoundingClientRect().right > inner + 0.5
    && !el.parentElement.closest(".tabel-scroll");
  const wide = document.documentElement.scrollWidth > inner
    ? [...document.querySelectorAll("body *")].filter(sticksOut)
      .filter((el) => ![...el.children].some(sticksOut))
      .slice(0, 4).map((el) => `${name(el)} tot ${Math.round(el.getBoundingClientRect().right)}px`)
    : [];
  const small = [...document.querySelectorAll("svg text")].filter((t) => t.getClientRects().length)
    .map((t) => {
      const ctm = t.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      return [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * scale];
    }).filter(([, px]) => px < smallest - 0.01)
    .map(([text, px]) => `"${text.slice(0, 30)}" ${px.toFixed(1)}px`);
  return [document.documentElement.scrollWidth, inner, wide, small];
}"""


def measure(user) -> str:
    """What does not fit on the page at this size (MEASURE), as a finding; empty when it fits."""
    width, inner, wide, small = user.page.evaluate(MEASURE, SMALLEST_TEXT)
    found = []
    if width > inner:
        found.append(f"  {width}px breed in {inner}px: " + ", ".join(wide))
    if small:
        found.append(f"  {len(small)} grafiekteksten < {SMALLEST_TEXT}px: " + ", ".join(small[:4]))
    return "\n".join(found)


def test_every_page_fits_a_phone_and_a_tablet(browse, sweep):
    """Every page as the beheerder sees it (the most pages, the widest: edit columns, forms, and
    the admin, which is the beheerder's alone), at phone and tablet size: no sideways scrolling
    of the page (a table scrolls inside its own labelled region), chart text at least 11 px as
    drawn, and axe at phone size (a collapsed menu, a region that scrolls). The other roles see
    the same templates with fewer buttons; axe has checked them at desktop size (the sweep
    above)."""
    user = browse()
    user.log_in("beheer")
    findings = {}
    for size, (width, height) in SIZES.items():
        user.page.set_viewport_size({"width": width, "height": height})
        for path in sweep:
            user.visit(path)
            found = measure(user)
            if size == "telefoon":
                found = "\n".join(filter(None, [found, audit(user)]))
            if found:
                findings[f"{path} ({size})"] = found
    report = [f"{page}:\n{found}" for page, found in findings.items()]
    report += [f"console/CSP: {problem}" for problem in user.problems]
    summary = f"{len(findings)} van {2 * len(sweep)} pagina's passen niet:\n"
    assert not report, summary + "\n".join(report)


def test_the_menu_folds_on_a_phone_and_shows_without_script(browse, chromium, demo_site):
    """On a phone the menu is behind "Menu" (aria-expanded, Escape closes it); without
    JavaScript it simply shows; printed, there is no button and no table is cut off."""
    user = browse()
    user.page.set_viewport_size({"width": 390, "height": 844})
    user.log_in("stuur")
    button = user.page.get_by_role("button", name="Menu")
    menu = user.page.get_by_role("navigation", name="Hoofdmenu")
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    menu.get_by_role("link", name="Gemeenten").focus()
    user.check("menu open")
    user.page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert user.page.evaluate("() => document.activeElement.textContent") == "Menu"
    user.page.set_viewport_size({"width": 1024, "height": 1366})
    menu.wait_for(state="visible", timeout=5000)  # the media query applies after the resize
    assert menu.is_visible() and not button.is_visible()

    user.visit("/samenwerkingsverbanden/MLW/kosten/")
    user.page.emulate_media(media="print")
    printed = user.page.evaluate(
        """() => [getComputedStyle(document.querySelector(".site-header")).display,
        [...document.querySelectorAll(".tabel-scroll")]
          .map((region) => getComputedStyle(region).overflowX)]"""
    )
    assert printed == ["none", ["visible"] * len(printed[1])], printed
    user.assert_clean()

    context = chromium.new_context(
        base_url=demo_site, java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    try:
        page = context.new_page()
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("stuur")
        page.get_by_label("Wachtwoord").fill("regiekamer-demo")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state("load")
        menu = page.get_by_role("navigation", name="Hoofdmenu")
        assert menu.get_by_role("link", name="Gemeenten").is_visible()
        assert not page.get_by_role("button", name="Menu").is_visible()
    finally:
        context.close()
