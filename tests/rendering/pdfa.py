"""A PDF/A-3b check of the objects our PDFs can contain, read through qpdf's JSON (not pypdf).

veraPDF (the reference validator) is Java and cannot be installed from the registries we reach
(PyPI, Debian, npm); this checks, object by object, the rules of ISO 19005-3 (which takes
ISO 19005-2's clauses) that apply to what WeasyPrint writes for our designs: images, fonts,
colour spaces and the output intent, graphics states, annotations and actions, metadata,
encryption, embedded files and the file structure. Each violation names the rule and object.
"""

from __future__ import annotations

import json
import subprocess
import tempfile

FORBIDDEN_ANNOTATIONS = {"/Sound", "/Movie", "/Screen", "/3D", "/RichMedia", "/TrapNet", "/Watermark"}
FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript", "/Hide",
                     "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}
STANDARD_BLEND_MODES = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten",
                        "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion",
                        "/Hue", "/Saturation", "/Color", "/Luminosity"}
DEVICE_SPACES_BY_COMPONENTS = {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}


def qpdf_objects(pdf: bytes) -> dict[str, dict]:
    """Every object of the file by its reference ("5 0 R"), plus "trailer", as qpdf reads them."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        result = subprocess.run(["qpdf", "--json=2", "--json-stream-data=none", handle.name],
                                capture_output=True, check=True)
    objects = json.loads(result.stdout)["qpdf"][1]
    return {key.removeprefix("obj:"): value for key, value in objects.items()}


def _dict_of(entry: dict) -> dict:
    return entry["stream"]["dict"] if "stream" in entry else entry.get("value", {})


def _walk(value):
    """Every dictionary inside a value (direct objects nest)."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


def pdfa_3b_violations(pdf: bytes) -> list[str]:
    objects = qpdf_objects(pdf)

    def resolve(value):
        return _dict_of(objects[value]) if isinstance(value, str) and value.endswith(" R") else value

    violations: list[str] = []
    # 6.1.2: header, then a comment of at least four bytes above 127
    second_line = pdf.split(b"\n", 2)[1] if pdf.count(b"\n") >= 2 else b""
    if not pdf.startswith(b"%PDF-1.") or not (second_line.startswith(b"%") and
                                                sum(byte > 127 for byte in second_line[1:5]) == 4):
        violations.append("6.1.2: file header and binary comment")
    trailer = _dict_of(objects["trailer"])
    if "/Encrypt" in trailer:
        violations.append("6.1.3-2: the file is encrypted")
    if "/ID" not in trailer:
        violations.append("6.1.3-1: no file identifier")
    catalog = resolve(trailer["/Root"])

    # 6.6.2 / 6.6.4: XMP metadata with the PDF/A identification
    metadata_ref = catalog.get("/Metadata")
    if not metadata_ref:
        violations.append("6.6.2.1: no XMP metadata stream")
    else:
        metadata = resolve(metadata_ref)
        if metadata.get("/Type") != "/Metadata" or metadata.get("/Subtype") != "/XML":
            violations.append("6.6.2.1: metadata stream is not /Type /Metadata /Subtype /XML")
        xmp = _stream_data(pdf, metadata_ref)
        for needle in (("pdfaid:part", "3"), ("pdfaid:conformance", "B")):
            if f'{needle[0]}="{needle[1]}"' not in xmp and f"<{needle[0]}>{needle[1]}</{needle[0]}>" not in xmp:
                violations.append(f"6.6.4: XMP lacks {needle[0]} {needle[1]}")

    # 6.2.3: an output intent with an embedded ICC profile, one profile for all intents
    intents = [resolve(intent) for intent in catalog.get("/OutputIntents", [])]
    profiles = {intent.get("/DestOutputProfile") for intent in intents if intent.get("/S") == "/GTS_PDFA1"}
    profile_components = None
    if len(profiles) != 1 or None in profiles:
        violations.append("6.2.3: exactly one PDF/A output intent with a DestOutputProfile")
    else:
        profile_components = resolve(next(iter(profiles))).get("/N")
    intent_space = DEVICE_SPACES_BY_COMPONENTS.get(profile_components)

    # 6.8: embedded files must declare their relationship and type (we embed none)
    names = resolve(catalog.get("/Names", {}))
    if "/EmbeddedFiles" in names or "/AF" in catalog:
        violations.append("6.8: the certificate embeds files (attachments must be stripped)")
    if "/AA" in catalog:
        violations.append("6.6.1: the catalog has additional actions")

    for reference, entry in objects.items():
        if reference == "trailer":
            continue
        top = _dict_of(entry)
        for dictionary in _walk(top):
            violations += _object_violations(reference, dictionary, resolve, intent_space)
        if "stream" in entry:
            filters = top.get("/Filter", [])
            filters = filters if isinstance(filters, list) else [filters]
            if "/LZWDecode" in filters or "/Crypt" in filters:
                violations.append(f"6.1.7: {reference} uses a forbidden filter {filters}")
            if "/F" in top or "/FFilter" in top:
                violations.append(f"6.1.7.1: {reference} is an external stream")
    return sorted(set(violations))


def _object_violations(reference: str, value: dict, resolve, intent_space) -> list[str]:
    violations = []
    kind, subtype = value.get("/Type"), value.get("/Subtype")
    if subtype == "/Image":
        if value.get("/Interpolate") is True:
            violations.append(f"6.2.8-3: image {reference} has /Interpolate true")
        for key in ("/Alternates", "/OPI"):
            if key in value:
                violations.append(f"6.2.8: image {reference} has {key}")
        space = value.get("/ColorSpace")
        if space in DEVICE_SPACES_BY_COMPONENTS.values() and space not in ("/DeviceGray", intent_space):
            violations.append(f"6.2.4.3: image {reference} uses {space} with a {intent_space} output intent")
    if subtype in ("/PS",) or (kind == "/XObject" and "/Ref" in value):
        violations.append(f"6.2.9: {reference} is a PostScript or reference XObject")
    if kind == "/Font" and subtype not in ("/Type0", "/Type3"):
        descriptor = resolve(value.get("/FontDescriptor"))
        if not isinstance(descriptor, dict) or not ({"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)):
            violations.append(f"6.2.11.4.1: font {value.get('/BaseFont')} ({reference}) is not embedded")
        if subtype == "/CIDFontType2" and "/CIDToGIDMap" not in value:
            violations.append(f"6.2.11.3.2: CIDFontType2 {value.get('/BaseFont')} lacks /CIDToGIDMap")
    if kind == "/Font" and subtype == "/Type0" and not value.get("/DescendantFonts"):
        violations.append(f"6.2.11: Type0 font {reference} without descendant font")
    if "/TR" in value and kind in (None, "/ExtGState") and ("/CA" in value or "/ca" in value or "/BM" in value):
        violations.append(f"6.2.5: graphics state {reference} has /TR")
    if value.get("/TR2") not in (None, "/Default"):
        violations.append(f"6.2.5: graphics state {reference} has a /TR2 other than /Default")
    if "/HTP" in value:
        violations.append(f"6.2.5: graphics state {reference} has /HTP")
    if "/BM" in value:
        modes = value["/BM"] if isinstance(value["/BM"], list) else [value["/BM"]]
        if not set(modes) <= STANDARD_BLEND_MODES:
            violations.append(f"6.2.10: blend mode {modes} in {reference}")
    if kind == "/Annot" or (subtype in FORBIDDEN_ANNOTATIONS | {"/Link", "/Widget", "/Text"} and "/Rect" in value):
        if subtype in FORBIDDEN_ANNOTATIONS:
            violations.append(f"6.3.1: annotation type {subtype} ({reference})")
        flags = value.get("/F", 0)
        if subtype != "/Popup" and (not flags & 4 or flags & (1 | 2 | 32 | 256)):
            violations.append(f"6.3.2: annotation {reference} is not printable or is hidden (/F {flags})")
        if subtype not in ("/Link", "/Popup") and "/AP" not in value:
            violations.append(f"6.3.3: annotation {reference} has no appearance stream")
    if value.get("/S") in FORBIDDEN_ACTIONS:
        violations.append(f"6.5.1: action {value.get('/S')} in {reference}")
    if "/JS" in value:
        violations.append(f"6.5.1: JavaScript in {reference}")
    return violations


def _stream_data(pdf: bytes, reference: str) -> str:
    number = reference.split()[0]
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        result = subprocess.run(["qpdf", f"--show-object={number}", "--filtered-stream-data", handle.name],
                                capture_output=True, check=True)
    return result.stdout.decode("utf-8")
