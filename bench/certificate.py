"""The one-page certificate every approach of the bench prints, and its inputs.

A4 landscape, a full-page photo-like JPEG background (1500x1060, made here with Pillow), one
TrueType font (DejaVu Serif), the learner's name, the training, two dates, the certificate code,
the verification URL and its QR code. Our design (HTML + CSS uploaded as an author certificate),
the competent WeasyPrint script and the reportlab + pypdf overlay all print this.
"""

from __future__ import annotations

import datetime
import io
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
FONT_NAME = "DejaVuSerif.ttf"
BACKGROUND_NAME = "background.jpg"
BACKGROUND_SIZE = (1500, 1060)
TRAINING_TITLE = "Data Analysis with Python"
PLATFORM_NAME = "Demo Academy"

HTML = """<div class="sheet">
  <img class="background" src="{{ asset("background.jpg") }}" alt="">
  <main>
    <p class="issuer">{{ platform_name }}</p>
    <h1>Certificate of Completion</h1>
    <p class="lead">This is to certify that</p>
    <p class="name">{{ learner_full_name }}</p>
    <p class="lead">has successfully completed the {{ training_kind }}</p>
    <p class="training">{{ training_title }}</p>
  </main>
  <footer>
    <div><p class="label">Completed on</p><p>{{ completion_date }}</p>
         <p class="label">Issued on</p><p>{{ generation_date }}</p></div>
    <div class="verify"><div class="qr">{{ qr_code }}</div>
         <p class="label">Certificate {{ certificate_code }}</p><p class="url">{{ verification_url }}</p></div>
  </footer>
</div>"""

CSS = """@font-face { font-family: "Certificate Serif"; src: url("asset:DejaVuSerif.ttf"); }
.sheet { position: relative; width: 297mm; height: 210mm; overflow: hidden;
         font-family: "Certificate Serif"; color: #1d2b3a; }
.background { position: absolute; top: 0; left: 0; width: 297mm; height: 210mm; }
main { position: absolute; top: 28mm; left: 30mm; right: 30mm; text-align: center; }
h1 { font-size: 34pt; margin: 4mm 0 6mm; letter-spacing: 1pt; font-weight: normal; }
.issuer { text-transform: uppercase; letter-spacing: 3pt; font-size: 11pt; margin: 0; }
.lead { font-size: 13pt; margin: 2mm 0; }
.name { font-size: 30pt; margin: 4mm 0; border-bottom: 0.4mm solid #b08d3c;
        display: inline-block; padding: 0 8mm 2mm; }
.training { font-size: 20pt; margin: 3mm 0; }
footer { position: absolute; bottom: 16mm; left: 30mm; right: 30mm; display: flex;
         justify-content: space-between; align-items: flex-end; font-size: 10pt; }
footer p { margin: 0 0 1mm; }
.label { font-size: 8pt; text-transform: uppercase; letter-spacing: 1pt; color: #5a6775; }
.verify { text-align: right; }
.qr { width: 26mm; height: 26mm; margin-left: auto; }
.qr svg { width: 100%; height: 100%; }
.url { font-size: 7pt; }
"""

FIRST_NAMES = ["Ada", "Grace", "Alan", "Hedy", "Katherine", "Tim", "Radia", "Barbara", "José María", "Zoë"]
LAST_NAMES = ["Lovelace", "Hopper", "Turing", "Lamarr", "Johnson", "Berners-Lee", "Perlman", "Liskov",
              "Núñez-Fernández", "Müller-Šťastná"]
COMPLETED_ON = datetime.datetime(2026, 3, 14, 9, 30, tzinfo=datetime.UTC)


def learner_name(index: int) -> tuple[str, str]:
    """A (first, last) name for learner ``index``: accents and long names, as real ones."""
    return random.Random(index).choice(FIRST_NAMES), random.Random(-index).choice(LAST_NAMES)


@dataclass(frozen=True)
class Printed:
    """What one certificate prints (the baselines get it ready-made, as a script would)."""

    learner: str
    training: str
    completed_on: str
    issued_on: str
    code: str
    url: str


def sample_printed(index: int) -> Printed:
    import uuid

    code = str(uuid.UUID(int=random.Random(index * 7919).getrandbits(128)))
    return Printed(learner=" ".join(learner_name(index)), training=TRAINING_TITLE, completed_on="March 14, 2026",
                   issued_on="March 15, 2026", code=code, url=f"http://127.0.0.1:8000/certificates/verify/{code}/")


@cache
def background(seed: int = 7):
    """A 1500x1060 image with gradients, soft shapes and grain: it compresses like a photo."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    width, height = BACKGROUND_SIZE
    rng = random.Random(seed)
    horizontal = Image.linear_gradient("L").rotate(90, expand=True).resize((width, height))
    vertical = Image.linear_gradient("L").resize((width, height))
    image = Image.merge("RGB", (
        horizontal.point(lambda v: 205 + v // 6),
        ImageChops.blend(horizontal, vertical, 0.5).point(lambda v: 196 + v // 7),
        vertical.point(lambda v: 178 + v // 4),
    ))
    shapes = Image.new("RGB", (width, height), (0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    for _ in range(40):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(40, 260)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(0, 60) for _ in range(3)))
    image = ImageChops.subtract(image, shapes.filter(ImageFilter.GaussianBlur(60)))
    grain = Image.effect_noise((width, height), 18).convert("RGB")
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def background_jpeg(variant: int = 0) -> bytes:
    """The background as a JPEG; each ``variant`` is tinted differently (a different file)."""
    image = background()
    if variant:
        tint = ((variant * 37) % 60, (variant * 53) % 60, (variant * 71) % 60)
        image = image.point([min(255, v + tint[band]) for band in range(3) for v in range(256)])
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def font_bytes() -> bytes:
    return FONT_PATH.read_bytes()


def design_assets(variant: int = 0) -> dict[str, bytes]:
    return {BACKGROUND_NAME: background_jpeg(variant), FONT_NAME: font_bytes()}
