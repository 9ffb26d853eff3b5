"""Small sample files for the upload tests: real formats by their content, and impostors."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% opzet evaluatie\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
HTML = b"<!DOCTYPE html><html><body><script>alert('stuk')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64

OOXML_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
MAIN_PART = {"word/": "word/document.xml", "xl/": "xl/workbook.xml", "ppt/": "ppt/presentation.xml"}


def zip_bytes(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def ooxml(folder: str = "word/", content_type: str | None = None, extra=None) -> bytes:
    content_type = content_type or OOXML_TYPES[folder]
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/{MAIN_PART[folder]}" ContentType="{content_type}"/>'
        "</Types>"
    ).encode()
    return zip_bytes(
        {
            "[Content_Types].xml": types,
            "_rels/.rels": b"<Relationships/>",
            MAIN_PART[folder]: b"<document>" + b"Regionale samenwerking. " * 200 + b"</document>",
            **(extra or {}),
        }
    )


def odf(mimetype: bytes = b"application/vnd.oasis.opendocument.text") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", b"<office:document-content/>")
    return buffer.getvalue()


DOCX = ooxml("word/")
XLSX = ooxml("xl/")
PPTX = ooxml("ppt/")
DOCM = ooxml("word/", "application/vnd.ms-word.document.macroEnabled.main+xml")
DOCX_WITH_MACROS = ooxml("word/", extra={"word/vbaProject.bin": EXE})
ODT = odf()
ODS = odf(b"application/vnd.oasis.opendocument.spreadsheet")
OTHER_ZIP = zip_bytes({"index.html": HTML, "setup.exe": EXE})
TRUNCATED_DOCX = DOCX[: len(DOCX) // 2]
GARBAGE_ZIP = b"PK\x03\x04" + bytes(range(256)) * 4


def corrupted_docx() -> bytes:
    """A docx whose central directory is intact but whose compressed parts are garbage."""
    data = bytearray(ooxml("word/"))
    start = data.index(b"[Content_Types].xml") + len("[Content_Types].xml")
    for i in range(start, start + 40):
        data[i] ^= 0xFF
    return bytes(data)


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type)
