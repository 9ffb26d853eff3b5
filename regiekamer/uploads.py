"""Uploaded files (stukken, convenant scans): one rule for what may be stored and how.

- at most ``MAX_UPLOAD_MB`` (setting, environment variable, default 20);
- only the types below, recognised by their content, never by their name or by what the
  browser says; and the name's extension must match that content (a Word file called
  ``.pdf`` is refused, so is an HTML page or a program called ``.pdf``);
- stored under ``MEDIA_ROOT`` with a random name (``stukken/2025/06/<uuid>.pdf``); the
  user's own file name is kept in a model field and used, cleaned, as the download name;
- served only by views that check access (``serve_file``), never by a ``MEDIA_URL`` route.

A model field is a :class:`ProtectedFileField`: it runs the rule in every ModelForm (the
admin's too) and its ``.url`` is the protected download view of the row.
"""

from __future__ import annotations

import unicodedata
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from .opmaak import format_decimal


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    extensions: tuple[str, ...]  # the first is the one a stored file gets by default
    content_type: str


FILE_TYPES = {
    t.key: t
    for t in (
        FileType("pdf", "PDF", (".pdf",), "application/pdf"),
        FileType(
            "docx",
            "Word (docx)",
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        FileType(
            "xlsx",
            "Excel (xlsx)",
            (".xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        FileType(
            "pptx",
            "PowerPoint (pptx)",
            (".pptx",),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        FileType(
            "odt", "OpenDocument-tekst (odt)", (".odt",), "application/vnd.oasis.opendocument.text"
        ),
        FileType(
            "ods",
            "OpenDocument-rekenblad (ods)",
            (".ods",),
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        FileType("png", "PNG-afbeelding", (".png",), "image/png"),
        FileType("jpeg", "JPEG-afbeelding", (".jpg", ".jpeg"), "image/jpeg"),
        # Only a logo (regiekamer.logo checks it; detect_type never answers svg).
        FileType("svg", "SVG-afbeelding", (".svg",), "image/svg+xml"),
    )
}
# What an agenda's stuk may be, and what a signed convenant's scan may be.
DOCUMENT_TYPES = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "png", "jpeg")
SCAN_TYPES = ("pdf", "png", "jpeg")

# Office Open XML: the folder of the main part tells Word, Excel and PowerPoint apart.
OOXML_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Everything a broken, truncated or hostile zip can raise while it is read.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    RuntimeError,
    NotImplementedError,
    UnicodeDecodeError,
)
# How much of a zip member is read to recognise the file (never a whole, perhaps huge, part).
ZIP_READ_LIMIT = 256 * 1024


# The last row of a sheet any import reads. openpyxl's read-only reader yields an empty row for
# every row number a sheet skips, so a 5 KB workbook naming row 10**12 would keep a reader busy
# for days (an attack-review finding): a sheet with anything further down is refused.
MAX_RIJNUMMER = 50_000


class RowsBeyondLimit(Exception):
    """A sheet holds a row past ``MAX_RIJNUMMER``."""


def sheet_rows(values, formulas, columns: int):
    """(number, cells, formula cells) of one sheet, read from two read-only openpyxl views of
    it (its values and its formulas), row 1 to at most ``MAX_RIJNUMMER``: the reading stops
    there whatever the file says, and raises ``RowsBeyondLimit`` when the sheet goes on.
    A row holds its first ``columns`` cells: a cell far to the right (column XFD) would
    otherwise make every row 16.384 cells long."""
    # Not the sheet's own stated size (it may be wrong, or absurd): the rows as they are.
    values.reset_dimensions()
    formulas.reset_dimensions()
    last = MAX_RIJNUMMER + 1
    pairs = zip(
        values.iter_rows(max_row=last, max_col=columns),
        formulas.iter_rows(max_row=last, max_col=columns),
        strict=True,
    )
    for number, (cells, formula_cells) in enumerate(pairs, start=1):
        if number > MAX_RIJNUMMER:
            raise RowsBeyondLimit(values.title)
        yield number, cells, formula_cells


def rows_beyond_message(sheet: str) -> str:
    """Why a sheet past ``MAX_RIJNUMMER`` is refused, and what to do (``sheet``: 'Het
    werkblad "Rollen"')."""
    return (
        f"{sheet} loopt door tot voorbij rij {format_decimal(MAX_RIJNUMMER, 0)}: zo ver leest "
        "Regiekamer geen blad. Verwijder wat onder de gegevens staat (ook lege of opgemaakte "
        "rijen) en lees het bestand opnieuw in; er is niets ingelezen."
    )


def max_upload_bytes() -> int:
    """The size limit in bytes, read from the setting when asked (tests may change it)."""
    return settings.MAX_UPLOAD_MB * 1024 * 1024


def too_large_message() -> str:
    return f"Het bestand is groter dan {settings.MAX_UPLOAD_MB} MB."


def _zip_type(file) -> str | None:
    with zipfile.ZipFile(file) as archive:
        names = set(archive.namelist())
        if "mimetype" in names:
            with archive.open("mimetype") as member:
                return ODF_MIMETYPES.get(member.read(100).strip())
        if "[Content_Types].xml" not in names:
            return None
        with archive.open("[Content_Types].xml") as member:
            content_types = member.read(ZIP_READ_LIMIT)
        # .docm/.xlsm/.pptm (or a renamed one): documents that carry programs.
        if b"macroEnabled" in content_types or any(n.endswith("vbaProject.bin") for n in names):
            return None
        found = {
            key for folder, key in OOXML_FOLDERS.items() if any(n.startswith(folder) for n in names)
        }
        return found.pop() if len(found) == 1 else None


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def detect_type(file) -> FileType | None:
    """The allowed type this file's content is, or None. Never raises on a broken file."""
    file.seek(0)
    head = file.read(16)
    try:
        if head.startswith(b"%PDF-"):
            return FILE_TYPES["pdf"]
        if head.startswith(PNG_SIGNATURE):
            return FILE_TYPES["png"]
        if head.startswith(b"\xff\xd8\xff"):
            return FILE_TYPES["jpeg"]
        if head.startswith(b"PK\x03\x04"):
            file.seek(0)
            try:
                key = _zip_type(file)
            except ZIP_ERRORS:
                return None
            return FILE_TYPES[key] if key else None
        return None
    finally:
        file.seek(0)


def extension_of(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def clean_file_name(name: str, extension: str = "") -> str:
    """The user's file name, safe as a download name: no folders, no control characters.

    With ``extension`` (the checked one) the name always ends in it.
    """
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        " " if unicodedata.category(c)[0] in "CZ" else c
        for c in unicodedata.normalize("NFC", name)
        if c not in '"<>:|?*'
    )
    name = " ".join(name.split()).strip(" .")
    stem = name[: -len(extension)] if extension and name.lower().endswith(extension) else name
    return (stem.strip(" .")[:150] or "bestand") + extension


def file_type_of(name: str) -> FileType | None:
    """The type a stored name's (checked) extension stands for."""
    extension = extension_of(name)
    return next((t for t in FILE_TYPES.values() if extension in t.extensions), None)


def random_path(folder: str, filename: str) -> str:
    """Where an upload is stored: ``folder/YYYY/MM/<uuid4><extension>``.

    Only an allowed extension is kept (the rule has checked it against the content); anything
    else, from a caller that skipped the rule, is stored as ``.bin`` and never served as such.
    """
    extension = extension_of(filename)
    allowed = {e for t in FILE_TYPES.values() for e in t.extensions}
    if extension not in allowed:
        extension = ".bin"
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def _names(keys) -> str:
    labels = [FILE_TYPES[k].label for k in keys]
    return ", ".join(labels[:-1]) + f" of {labels[-1]}" if len(labels) > 1 else labels[0]


@deconstructible
class UploadRule:
    """Form-field (and model-field) validator: size, type by content, extension matches."""

    def __init__(self, types=DOCUMENT_TYPES):
        self.types = tuple(types)

    def __eq__(self, other):
        return isinstance(other, UploadRule) and self.types == other.types

    def __call__(self, file):
        if isinstance(file, FieldFile):
            if file._committed:
                return  # already stored: it was checked when it was uploaded
            file = file.file
        if file.size > max_upload_bytes():
            raise ValidationError(too_large_message(), code="te_groot")
        name = clean_file_name(getattr(file, "name", "") or "")
        found = detect_type(file)
        if found is None or found.key not in self.types:
            raise ValidationError(
                f"Dit type bestand is niet toegestaan: {name}. Toegestaan is {_names(self.types)}.",
                code="type",
            )
        if extension_of(name) not in found.extensions:
            raise ValidationError(
                f"Dit type bestand is niet toegestaan: {name} is een {found.label}-bestand, "
                f"maar de naam eindigt niet op {' of '.join(found.extensions)}.",
                code="extensie",
            )


class ProtectedFieldFile(FieldFile):
    @property
    def url(self) -> str:
        # Not MEDIA_URL: the row's own download view, which checks access.
        self._require_file()
        return self.instance.get_file_url(self.field.name)

    @property
    def file_type(self) -> FileType | None:
        return file_type_of(self.name or "")


class ProtectedFileField(models.FileField):
    """A FileField for uploads: the upload rule, random names, served by a checking view.

    The model defines ``get_file_url(field_name)`` (the download view) and, in ``save()``,
    keeps the original name with :func:`remember_file_name`.
    """

    attr_class = ProtectedFieldFile

    def __init__(self, *args, types=DOCUMENT_TYPES, **kwargs):
        self.types = tuple(types)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["types"] = list(self.types)
        return name, path, args, kwargs

    @property
    def validators(self):
        return [*super().validators, UploadRule(self.types)]

    def formfield(self, **kwargs):
        # The stored name is short; the user's own name may be long (kept in its own field).
        help_text = self.help_text or (
            f"{_names(self.types)}; hooguit {settings.MAX_UPLOAD_MB} MB."
        )
        return super().formfield(**{"max_length": None, "help_text": help_text, **kwargs})


def remember_file_name(field_file: FieldFile, instance, name_field: str) -> None:
    """Before saving: keep the user's name of a newly uploaded file, clear it with the file."""
    if not field_file:
        setattr(instance, name_field, "")
    elif not field_file._committed:
        setattr(instance, name_field, clean_file_name(field_file.name)[:255])


def serve_file(field_file: FieldFile, download_name: str) -> FileResponse:
    """The stored file as a download (never shown inline), typed by its checked extension."""
    file_type = file_type_of(field_file.name)
    content_type = file_type.content_type if file_type else "application/octet-stream"
    extension = extension_of(field_file.name)
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand is niet meer aanwezig.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=clean_file_name(download_name or field_file.name, extension),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
