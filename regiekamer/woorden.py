"""Words a page shows: a title that names its object, in Dutch ("Nieuwe vergadering",
"Nieuw besluit", "Vergadering bewerken").

Dutch says "nieuwe" before a de-word and "nieuw" before a het-word. A compound takes the gender of
its last part (agendapunt: het punt), so the het-words are kept here by that last part; a
verbose_name of several words ("vraag voor de startbijeenkomst") is judged by its first word.
"""

from django.utils.text import capfirst

# The het-words among the app's nouns, by their last part. Everything else is a de-word.
HET_WOORDEN = (
    "aandeel",
    "antwoord",
    "artikel",
    "besluit",
    "budget",
    "convenant",
    "doel",
    "domein",
    "gremium",
    "lidmaatschap",
    "moment",
    "onderdeel",
    "pakket",
    "plan",
    "punt",
    "resultaat",
    "stuk",
    "tal",
    "thema",
    "verband",
    "voorstel",
)


def is_het_woord(noun: str) -> bool:
    head = str(noun).split()[0].lower() if str(noun).split() else ""
    return head.endswith(HET_WOORDEN)


def nieuw(noun) -> str:
    """'Nieuwe vergadering', 'Nieuw besluit'."""
    return f"{'Nieuw' if is_het_woord(noun) else 'Nieuwe'} {noun}"


def create_title(model) -> str:
    return nieuw(model._meta.verbose_name)


def update_title(model) -> str:
    return f"{capfirst(model._meta.verbose_name)} bewerken"


def display_name(user) -> str:
    """How a page or a message names a user: the full name, else the username; "" for none."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
