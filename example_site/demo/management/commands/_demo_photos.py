"""Pictures for the demo that read as photographs, drawn here with Pillow.

Each is a scene (an office building, a meeting hall, a street with trees) painted with
gradients, shapes, film grain, a slight blur and a vignette, from a fixed random seed, so the
same run always gives the same pictures. No outside image is used: the pictures are the
project's own and share its licence (see docs/demo.md).
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 675

# scene: (Vietnamese caption, English caption)
SCENES = {
    "office": (
        "Trụ sở Ủy ban nhân dân phường (ảnh minh họa)",
        "The ward People's Committee office (illustration)",
    ),
    "hall": (
        "Hội trường Ủy ban nhân dân phường (ảnh minh họa)",
        "The ward People's Committee hall (illustration)",
    ),
    "street": (
        "Một tuyến phố của phường (ảnh minh họa)",
        "A street of the ward (illustration)",
    ),
}


def photo(scene, variant=0):
    """The Wagtail image of ``scene`` (one of SCENES), made once and found again by title."""
    Picture = get_image_model()
    title = f"{SCENES[scene][0]} {variant + 1}"
    existing = Picture.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rng = random.Random(f"{scene}-{variant}")
    canvas = Image.new("RGB", (WIDTH, HEIGHT))
    {"office": _office, "hall": _hall, "street": _street}[scene](canvas, rng)
    canvas = _finish(canvas, rng)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=82)
    return Picture.objects.create(
        title=title, file=ImageFile(buffer, name=f"photo-{scene}-{variant + 1}.jpg")
    )


def _gradient(draw, box, top, bottom):
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line((x0, y, x1, y), fill=colour)


def _clouds(canvas, rng, bottom):
    """Soft clouds over the sky above ``bottom``."""
    noise = Image.effect_noise((30, 10), 90).resize((WIDTH, bottom), Image.Resampling.BICUBIC)
    noise = noise.point(lambda v: max(0, v - 140) * 3).filter(ImageFilter.GaussianBlur(18))
    white = Image.new("RGB", (WIDTH, bottom), (250, 250, 250))
    sky = canvas.crop((0, 0, WIDTH, bottom))
    canvas.paste(Image.composite(white, sky, noise), (0, 0))


def _jitter(rng, colour, amount=12):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def _tree(draw, rng, x, ground, height):
    draw.polygon(
        [
            (x - 9, ground),
            (x - 4, ground - height // 2),
            (x + 4, ground - height // 2),
            (x + 9, ground),
        ],
        fill=(64, 48, 36),
    )
    # A crown of many small leaves, darker below and inside, lighter where the sun falls.
    for _ in range(260):
        dx = rng.gauss(0, height / 5)
        dy = rng.gauss(0, height / 7)
        cx, cy = x + dx, ground - height * 0.62 + dy
        r = rng.randint(4, 13)
        shade = 1.25 - 0.5 * (dy / height + 0.5) + 0.2 * (-dx / height)
        green = tuple(max(0, min(255, round(c * shade))) for c in (48, 92, 44))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_jitter(rng, green, 14))


def _office(canvas, rng):
    draw = ImageDraw.Draw(canvas)
    _gradient(draw, (0, 0, WIDTH, 420), (120, 168, 214), (214, 228, 238))
    _clouds(canvas, rng, 420)
    # A four-storey building, cream walls, red roof edge and a flag pole, as ward offices are.
    left, right, top, ground = 170, 1030, 150, 520
    draw.rectangle((left, top, right, ground), fill=(232, 220, 188))
    draw.rectangle((left - 12, top - 18, right + 12, top), fill=(150, 48, 36))
    for floor in range(4):
        y = top + 30 + floor * 88
        for column in range(11):
            x = left + 30 + column * 76
            draw.rectangle((x, y, x + 44, y + 56), fill=_jitter(rng, (88, 112, 130), 10))
            draw.line((x + 22, y, x + 22, y + 56), fill=(210, 200, 170), width=2)
    draw.rectangle((540, 420, 660, ground), fill=(60, 52, 44))
    draw.line((600, 40, 600, top - 18), fill=(90, 90, 90), width=4)
    draw.rectangle((602, 42, 672, 88), fill=(206, 26, 30))
    _gradient(draw, (0, ground, WIDTH, HEIGHT), (150, 146, 138), (96, 92, 86))
    for x in (80, 1120, 1180):
        _tree(draw, rng, x, ground + 40, 300)


def _hall(canvas, rng):
    draw = ImageDraw.Draw(canvas)
    _gradient(draw, (0, 0, WIDTH, HEIGHT), (120, 96, 78), (64, 50, 42))
    # The stage: a red backdrop with a gold banner, a table with a green cloth.
    draw.rectangle((140, 40, 1060, 330), fill=(168, 28, 30))
    draw.rectangle((220, 70, 980, 130), fill=(214, 170, 60))
    for x in range(240, 960, 34):
        draw.rectangle((x, 88, x + 22, 112), fill=(150, 30, 26))
    draw.rectangle((300, 260, 900, 330), fill=(40, 90, 60))
    for x in range(330, 880, 90):
        draw.ellipse((x, 210, x + 40, 250), fill=_jitter(rng, (52, 40, 34), 8))
    # The stage is out of focus behind the audience.
    canvas.paste(canvas.crop((0, 0, WIDTH, 360)).filter(ImageFilter.GaussianBlur(3)), (0, 0))
    # Rows of seated people seen from behind, larger towards the camera.
    for row in range(6):
        size = 22 + row * 9
        y = 350 + row * (26 + row * 9)
        step = size + 8 + row * 3
        for x in range(-rng.randint(0, step), WIDTH, step):
            shirt = rng.choice([(236, 236, 230), (210, 220, 232), (60, 70, 90), (226, 226, 214)])
            body = (x - size // 5, y + size * 4 // 5, x + size * 6 // 5, y + size * 3)
            draw.rounded_rectangle(body, radius=size // 3, fill=_jitter(rng, shirt))
            draw.ellipse((x, y, x + size, y + size * 11 // 10), fill=_jitter(rng, (30, 26, 24)))


def _street(canvas, rng):
    draw = ImageDraw.Draw(canvas)
    _gradient(draw, (0, 0, WIDTH, 380), (146, 186, 222), (226, 232, 236))
    _clouds(canvas, rng, 380)
    # Narrow tube houses of different heights and colours along the street.
    x = 0
    while x < WIDTH:
        width = rng.randint(70, 130)
        top = rng.randint(120, 260)
        wall = rng.choice([(232, 206, 150), (214, 226, 214), (236, 224, 210), (200, 170, 140)])
        draw.rectangle((x, top, x + width, 470), fill=_jitter(rng, wall))
        for y in range(top + 24, 400, 64):
            draw.rectangle((x + 14, y, x + width - 14, y + 34), fill=_jitter(rng, (90, 100, 110)))
        draw.rectangle((x + 10, 410, x + width - 10, 470), fill=_jitter(rng, (70, 60, 54)))
        x += width + 2
    _gradient(draw, (0, 470, WIDTH, HEIGHT), (110, 110, 112), (70, 70, 72))
    for y in range(560, HEIGHT, 40):
        draw.rectangle((560, y, 640, y + 16), fill=(230, 230, 220))
    for x in range(40, WIDTH, 260):
        _tree(draw, rng, x + rng.randint(-30, 30), 500, 260)
    for _ in range(6):  # motorbikes
        bx, by = rng.randint(100, 1100), rng.randint(520, 620)
        draw.ellipse((bx, by + 20, bx + 24, by + 44), fill=(20, 20, 20))
        draw.ellipse((bx + 56, by + 20, bx + 80, by + 44), fill=(20, 20, 20))
        draw.rectangle((bx + 10, by + 8, bx + 70, by + 28), fill=_jitter(rng, (150, 30, 30), 60))
        draw.ellipse((bx + 28, by - 30, bx + 50, by - 8), fill=_jitter(rng, (200, 60, 40), 60))
        draw.rectangle((bx + 26, by - 10, bx + 52, by + 12), fill=_jitter(rng, (60, 80, 120), 40))


def _finish(canvas, rng):
    """Lens and film: uneven light, a soft blur, grain, warm light and darker corners."""
    # Light falls unevenly: brighter towards the top left, with soft random patches.
    field = Image.effect_noise((16, 9), 30).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    across = Image.linear_gradient("L").rotate(90).resize((WIDTH, HEIGHT))
    down = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    light = Image.blend(ImageChops.invert(ImageChops.lighter(across, down)), field, 0.3)
    light = light.point(lambda v: 190 + v * 65 // 255)
    canvas = ImageChops.multiply(canvas, Image.merge("RGB", [light] * 3))
    canvas = ImageEnhance.Brightness(canvas).enhance(1.18)
    canvas = canvas.filter(ImageFilter.GaussianBlur(1.6))
    canvas = canvas.filter(ImageFilter.UnsharpMask(radius=3, percent=60, threshold=2))
    grain = Image.effect_noise((WIDTH, HEIGHT), 40).convert("RGB")
    canvas = Image.blend(canvas, grain, 0.10)
    warm = Image.new("RGB", (WIDTH, HEIGHT), (255, 210, 150))
    canvas = Image.blend(canvas, warm, 0.05 + rng.random() * 0.05)
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(mask).ellipse((-200, -160, WIDTH + 200, HEIGHT + 160), fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(160))
    dark = Image.new("RGB", (WIDTH, HEIGHT), (16, 12, 8))
    return Image.composite(canvas, dark, mask)
