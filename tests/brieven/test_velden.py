"""Merge fields are strict: every square-bracket token names a known field exactly, a bracket
meant as text is typed twice, and the message says what is wrong and what was meant."""

import pytest
from django.core.exceptions import ValidationError

from brieven.velden import merge, problems, used_fields

FIELDS = {"gemeente": "Nederweert", "aandeel_2017": "€\u00a095.730", "datum_collegebesluit": "x"}


def refused(text: str) -> str:
    with pytest.raises(ValidationError) as error:
        merge(text, FIELDS)
    (message,) = error.value.messages
    return message


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("[ gemeente ]", "gemeente"),
        ("[GEMEENTE]", "gemeente"),
        ("[Gemeente]", "gemeente"),
        ("[aandeel 2017]", "aandeel_2017"),
        ("[Aandeel-2017]", "aandeel_2017"),
        ("[datum collegebesluit]", "datum_collegebesluit"),
    ],
)
def test_a_field_typed_with_spaces_or_capitals_is_refused_with_the_field_meant(typed, meant):
    message = refused(f"Het aandeel van {typed}.")
    assert message.startswith(f"Onbekend veld: {typed} (bedoelt u [{meant}]?).")
    assert "Beschikbaar: [gemeente], [aandeel_2017], [datum_collegebesluit]." in message


def test_an_unknown_field_gets_no_guess():
    message = refused("Besproken op [datum stuurgroep] en [x].")
    assert message.startswith("Onbekende velden: [datum stuurgroep], [x]. Beschikbaar:")
    assert "bedoelt u" not in message
    assert refused("[]").startswith("Onbekend veld: [].")
    assert refused("zie [1]").startswith("Onbekend veld: [1].")


@pytest.mark.parametrize("text", ["[x]]", "[gemeente]]", "a ] b", "[gemeente", "[[gemeente]"])
def test_a_lone_bracket_is_refused_and_the_message_says_how_to_type_one(text):
    message = refused(text)
    assert "Een rechte haak zonder veld:" in message
    assert "Een rechte haak als gewone tekst typt u dubbel: [[ of ]]." in message


def test_a_field_does_not_run_over_a_line_or_into_another_bracket():
    assert "Een rechte haak zonder veld" in refused("[gemeen\nte]")
    assert "Een rechte haak zonder veld" in refused("[ge[gemeente]")


def test_doubled_brackets_print_once_and_fields_are_filled_in():
    assert merge("zie [[1]], [[zie bijlage]]", FIELDS) == "zie [1], [zie bijlage]"
    assert merge("[[[gemeente]]]", FIELDS) == "[Nederweert]"
    merged = merge("[gemeente] betaalt [aandeel_2017].", FIELDS)
    assert merged == "Nederweert betaalt €\u00a095.730."
    # A value is never read again as a field, and template code is text.
    assert merge("[gemeente]", {"gemeente": "[aandeel_2017]"}) == "[aandeel_2017]"
    assert merge("{{ gemeente }} {% now 'Y' %}", FIELDS) == "{{ gemeente }} {% now 'Y' %}"


def test_problems_and_used_fields():
    assert problems("Geen haken, geen velden.", FIELDS) == ""
    assert problems("[[niet]] een veld", FIELDS) == ""
    assert used_fields("[gemeente], [aandeel_2017] en [gemeente]") == ["gemeente", "aandeel_2017"]
    assert used_fields("[[gemeente]]") == []
