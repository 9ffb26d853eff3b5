"""A logo on a letterhead (a gemeente's): a PNG or an SVG, treated as a hostile file.

- at most ``LOGO_MAX_BYTES``; the type is read from the content, never from the name or from
  what the browser says, and the name's extension must match it;
- a PNG must be a real, still PNG (no APNG frames, nothing after its end): Pillow reads its
  header, verifies its chunks and decodes it, and it may not be larger than ``LOGO_MAX_SIDE``
  pixels a side or ``LOGO_MAX_PIXELS`` in all (a small file that unpacks into a huge image is
  refused by its header, before it is decoded);
- an SVG is parsed without a DOCTYPE, entities or external entities (the guards of defusedxml,
  on the standard library's expat) and without processing instructions (``<?xml-stylesheet?>``),
  and refused when it is nested deeper than ``SVG_MAX_DEPTH``, draws (with its ``<use>``
  copies and the masks, clips and patterns it names) more than ``SVG_MAX_ELEMENTS`` elements
  or copies itself, or has a script, an event
  attribute (``onload=``), a foreign object, a link, an animation, a marker, an embedded image,
  or any reference to something outside itself (``href`` to another file or the web,
  ``url(...)`` in a style, ``@import``, ``@font-face``; a style is read with its CSS escapes
  decoded, so ``\\75rl(`` counts as ``url(``). Nothing is repaired: a refused logo is not
  stored;
- it is stored with a random name and served only by a view that checks access, as a download
  with ``nosniff`` and a sandboxing Content-Security-Policy (``serve_logo``): even opened on its
  own, an SVG never runs as a page. In a PDF it is embedded (``data_uri``), read by WeasyPrint's
  fetcher only from the document itself.
"""

from __future__ import annotations

import base64
import io
import re
import warnings
import zlib
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile

from .getallen import AANTAL, format_number
from .uploads import (
    FILE_TYPES,
    PNG_SIGNATURE,
    ProtectedFileField,
    clean_file_name,
    extension_of,
    serve_file,
)

LOGO_MAX_MB = 1
LOGO_MAX_BYTES = LOGO_MAX_MB * 1024 * 1024
LOGO_MAX_SIDE = 4000
LOGO_MAX_PIXELS = 8_000_000
SVG_MAX_ELEMENTS = 5000
SVG_MAX_DEPTH = 100  # deeper, WeasyPrint's drawing recurses too far and leaves the logo out

# APNG's frames (fdAT) are pixels Pillow's verify and the IDAT check never read.
ANIMATION_CHUNKS = (b"acTL", b"fcTL", b"fdAT")
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
LOGO_TYPES = ("png", "svg")
CONTENT_TYPES = {kind: FILE_TYPES[kind].content_type for kind in LOGO_TYPES}

# Elements that run, embed or animate: never in a logo.
FORBIDDEN_ELEMENTS = {
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
    "animate",
    "animatemotion",
    "animatetransform",
    "set",
    "discard",
    "image",
    "audio",
    "video",
    "a",
    # drawn again at every vertex of a path: 20.000 vertices x 50 shapes hang the PDF
    "marker",
}
# url(...) in a style or presentation attribute may only point inside the document: url(#id).
EXTERNAL_URL = re.compile(r"url\(\s*(?![\"']?#)", re.IGNORECASE)
# url(#id): a mask, clip, pattern or gradient, drawn again for every element that names it.
INTERNAL_URL = re.compile(r"url\(\s*[\"']?#([^\"')\s]+)", re.IGNORECASE)
IMPORT = re.compile(r"@import|@font-face|expression\s*\(|javascript:", re.IGNORECASE)
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|\r\n|(.))", re.DOTALL)
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)


def _unescaped(css: str) -> str:
    """CSS as its tokenizer reads it: ``\\75rl(`` is ``url(``, ``@\\69mport`` is ``@import``."""

    def one(match):
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return match.group(2) or ""

    return CSS_ESCAPE.sub(one, css)


def _external_css(css: str) -> bool:
    """A style that reaches outside the document, read with its escapes decoded, with and
    without its comments (``url(/**/#a)`` keeps its comment as part of the URL)."""
    plain = _unescaped(css)
    return any(
        EXTERNAL_URL.search(text) or IMPORT.search(text)
        for text in (css, plain, CSS_COMMENT.sub("", plain))
    )


def _n(number: int) -> str:
    return format_number(number, AANTAL)  # 4.000, the Dutch way


def refuse(reason: str, name: str = "") -> ValidationError:
    where = f"{name}: " if name else ""
    return ValidationError(f"Dit logo is geweigerd: {where}{reason}", code="logo")


class _Refused(Exception):
    pass


def _refuse_declaration(*args):
    raise _Refused("het bestand bevat een DOCTYPE of entiteiten (niet toegestaan in een logo).")


def _refuse_instruction(target, data):
    raise _Refused(f"het bestand bevat een verwerkingsinstructie (<?{target} ...?>).")


def _parse_svg(data: bytes) -> list[tuple[str, dict[str, str], list[str], int]]:
    """Every element as (tag, attributes, its text, its parent's index or -1), names as
    'namespace local'. Parsed as
    defusedxml does: expat with every declaration and external entity refused."""
    elements: list[tuple[str, dict[str, str], list[str], int]] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _refuse_declaration
    parser.EntityDeclHandler = _refuse_declaration
    parser.UnparsedEntityDeclHandler = _refuse_declaration
    parser.ExternalEntityRefHandler = _refuse_declaration
    parser.ProcessingInstructionHandler = _refuse_instruction
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    open_elements: list[int] = []  # text belongs to the element it is in, also after a child

    def start(tag, attributes):
        if len(elements) >= SVG_MAX_ELEMENTS:
            raise _Refused(f"het bestand heeft meer dan {_n(SVG_MAX_ELEMENTS)} elementen.")
        if len(open_elements) >= SVG_MAX_DEPTH:
            raise _Refused(f"het bestand is meer dan {_n(SVG_MAX_DEPTH)} elementen diep genest.")
        parent = open_elements[-1] if open_elements else -1
        open_elements.append(len(elements))
        elements.append((tag, attributes, [], parent))

    def end(tag):
        open_elements.pop()

    def text(data):
        if open_elements:
            elements[open_elements[-1]][2].append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _Refused as error:
        raise refuse(str(error)) from None
    except (expat.ExpatError, ValueError):
        raise refuse("het is geen geldig SVG-bestand (geen leesbare XML).") from None
    return elements


def _local(name: str) -> tuple[str, str]:
    """('namespace local' or 'local') -> (namespace, lower-case local name)."""
    namespace, _, local = name.rpartition(" ")
    return namespace, local.lower()


def _check_drawn_size(elements) -> None:
    """Refuse an SVG whose ``<use>`` copies and ``url(#id)`` references (masks, clips,
    patterns: drawn again for every element that names them; named in a ``<style>``, counted
    for every element) draw more than ``SVG_MAX_ELEMENTS`` elements (a few hundred bytes of
    nested uses draw millions: the PDF then takes minutes), or that copy themselves."""
    too_much = f"het tekent met <use> of url(#...) meer dan {_n(SVG_MAX_ELEMENTS)} elementen."
    children: list[list[int]] = [[] for _ in elements]
    ids: dict[str, int] = {}
    for index, (_, attributes, _, parent) in enumerate(elements):
        if parent >= 0:
            children[parent].append(index)
        for attribute, value in attributes.items():
            if _local(attribute)[1] == "id":
                ids.setdefault(value, index)
    follows, styled = [], []
    for index, (name, attributes, texts, _) in enumerate(elements):
        targets = [ids[i] for v in attributes.values() for i in INTERNAL_URL.findall(v) if i in ids]
        if _local(name)[1] == "use":
            href = next((v for a, v in attributes.items() if _local(a)[1] == "href"), "")
            target = ids.get(href.strip().removeprefix("#"))
            targets += [target] if target is not None else []
        if _local(name)[1] == "style":  # a rule may apply to every element
            styled += [ids[i] for i in INTERNAL_URL.findall(_unescaped("".join(texts))) if i in ids]
        follows.append(children[index] + targets)
    size: dict[int, int] = {}
    for root in range(len(elements)):
        stack, busy = [(root, False)], set()
        while stack:
            index, done = stack.pop()
            if index in size:
                continue
            if done:
                busy.discard(index)
                size[index] = 1 + sum(size[i] for i in follows[index])
                if size[index] > SVG_MAX_ELEMENTS:
                    raise refuse(too_much)
                continue
            if index in busy:
                raise refuse("een <use> verwijst (via andere) naar zichzelf.")
            busy.add(index)
            stack.append((index, True))
            stack.extend((i, False) for i in follows[index] if i not in size)
    drawn = size.get(0, 0) + len(elements) * sum(size[i] for i in set(styled))
    if drawn > SVG_MAX_ELEMENTS:
        raise refuse(too_much)


def check_svg(data: bytes) -> None:
    """Refuse an SVG that is not a plain drawing (see the module's rules)."""
    elements = _parse_svg(data)
    namespace, local = _local(elements[0][0]) if elements else ("", "")
    if local != "svg" or namespace not in (SVG_NAMESPACE, ""):
        raise refuse("het is geen SVG-afbeelding (het hoofdelement is geen <svg>).")
    _check_drawn_size(elements)
    for name, attributes, texts, _ in elements:
        _, tag = _local(name)
        if tag in FORBIDDEN_ELEMENTS:
            raise refuse(
                f"het bevat een <{tag}>-element (scripts, ingesloten inhoud, koppelingen en "
                "animaties zijn niet toegestaan)."
            )
        for attribute, value in attributes.items():
            attr_namespace, attr = _local(attribute)
            if attr.startswith("on"):
                raise refuse(f"het bevat een gebeurtenis-attribuut ({attr}).")
            if (
                attr == "href" or attr_namespace == XLINK_NAMESPACE
            ) and not value.strip().startswith("#"):
                raise refuse("het verwijst naar iets buiten het bestand (href).")
            if _external_css(value):
                raise refuse("het verwijst naar iets buiten het bestand (url of @import).")
        style = "".join(texts)
        if tag == "style" and _external_css(style):
            raise refuse("de stijl verwijst naar iets buiten het bestand (url of @import).")


def _check_pixel_stream(data: bytes, pixels: int) -> None:
    """The pixels themselves: the IDAT chunks together are one complete zlib stream (a broken
    one would fail in the PDF instead). Read here, not by Pillow, whose truncated-image
    tolerance WeasyPrint switches on for the whole process. At most 8 bytes a pixel and a
    filter byte a row come out of it; more is refused as a bomb."""
    limit = pixels * 8 + LOGO_MAX_SIDE * 8
    stream = zlib.decompressobj()
    produced, position = 0, len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        if kind in ANIMATION_CHUNKS:
            raise refuse("het is een bewegende PNG (APNG); een logo staat stil.")
        if kind == b"IDAT":
            chunk = data[position + 8 : position + 8 + length]
            while chunk:
                out = stream.decompress(chunk, 64 * 1024)
                produced += len(out)
                if produced > limit:
                    raise refuse("de afbeelding pakt uit tot meer dan haar pixels.")
                chunk = stream.unconsumed_tail
        position += 12 + length
        if kind == b"IEND" and position != len(data):
            # Bytes after the image (HTML, a ZIP...): a polyglot, not a logo.
            raise refuse("na het einde van de afbeelding volgen nog andere gegevens.")
    if not stream.eof or produced == 0:
        raise refuse("het is geen geldige PNG-afbeelding.")


def check_png(data: bytes) -> None:
    """Refuse a PNG that Pillow cannot verify, or that is too large in pixels."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
                width, height = image.size
                if max(width, height) > LOGO_MAX_SIDE or width * height > LOGO_MAX_PIXELS:
                    raise refuse(
                        f"de afbeelding is {_n(width)} × {_n(height)} pixels; hooguit "
                        f"{_n(LOGO_MAX_SIDE)} pixels per zijde en {_n(LOGO_MAX_PIXELS)} in totaal."
                    )
                image.verify()  # the chunks and their checksums
        _check_pixel_stream(data, width * height)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise refuse("de afbeelding is te groot (te veel pixels).") from None
    except Exception:  # Pillow raises many kinds on a broken or crafted file
        raise refuse("het is geen geldige PNG-afbeelding.") from None


def logo_kind(data: bytes) -> str:
    """'png' or 'svg' by the content; a refusal otherwise."""
    if data.startswith(PNG_SIGNATURE):
        return "png"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:4096]:
        return "svg"
    raise refuse("alleen een PNG- of SVG-afbeelding is toegestaan.")


def check_logo(file) -> str:
    """Check an uploaded logo; its kind ('png' or 'svg'). Raises a Dutch ValidationError."""
    name = clean_file_name(getattr(file, "name", "") or "")
    if file.size > LOGO_MAX_BYTES:
        raise refuse(f"het bestand is groter dan {LOGO_MAX_MB} MB.", name)
    file.seek(0)
    data = file.read(LOGO_MAX_BYTES + 1)
    file.seek(0)
    try:
        kind = logo_kind(data)
        if kind == "png":
            check_png(data)
        else:
            check_svg(data)
    except ValidationError as error:
        raise refuse(error.messages[0].removeprefix("Dit logo is geweigerd: "), name) from None
    if extension_of(name) != f".{kind}":
        raise refuse(
            f"het is een {kind.upper()}-bestand, maar de naam eindigt niet op .{kind}.", name
        )
    return kind


def validate_logo(file) -> None:
    if isinstance(file, FieldFile):
        if file._committed:
            return  # stored: it was checked when it was uploaded
        file = file.file
    check_logo(file)


class LogoField(ProtectedFileField):
    """A logo: the logo rule instead of the document rule; otherwise as a ProtectedFileField
    (random name, served by the row's own checking view: ``get_file_url``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("types", LOGO_TYPES)
        kwargs.setdefault(
            "help_text",
            f"PNG of SVG, hooguit {LOGO_MAX_MB} MB en {_n(LOGO_MAX_SIDE)} pixels per "
            "zijde; een SVG zonder scripts en zonder verwijzingen naar andere bestanden.",
        )
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        return [*self._validators, validate_logo]


def data_uri(field_file: FieldFile) -> str:
    """The stored logo embedded in a PDF (``data:image/png;base64,...``); '' when absent."""
    if not field_file:
        return ""
    kind = extension_of(field_file.name).lstrip(".")
    if kind not in CONTENT_TYPES:
        return ""
    try:
        with field_file.open("rb") as handle:
            data = handle.read(LOGO_MAX_BYTES + 1)
    except FileNotFoundError:
        return ""
    encoded = base64.b64encode(data).decode("ascii")
    return f"data:{CONTENT_TYPES[kind]};base64,{encoded}"


def serve_logo(field_file: FieldFile, download_name: str):
    """The stored logo, for an <img> on a page: a download, never a document that runs."""
    response = serve_file(field_file, download_name)
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
