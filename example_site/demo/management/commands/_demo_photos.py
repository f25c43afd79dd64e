"""Pictures for the demo that read as photographs, rendered here with Pillow.

Each is a scene seen through a camera: an office building in two-point perspective behind
out-of-focus leaves, a meeting hall from the back rows with the stage in focus, a street of
tube houses with shop signs, wires and motorbikes running to a vanishing point. Surfaces are
lit from one side, textured with layered noise and fade into haze with distance; the lens adds
depth of field, a little colour fringing, sensor grain and dark corners. Every random choice
comes from a seeded ``random.Random``, so the same run always gives the same pictures. No
outside image is used: the pictures are the project's own and share its licence (see
docs/demo.md).
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from wagtail.images import get_image_model

from ._demo_render import HEIGHT, WIDTH
from ._demo_scenes import hall, office, street

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
    buffer = io.BytesIO()
    render(scene, variant).save(buffer, "JPEG", quality=84, optimize=True)
    return Picture.objects.create(
        title=title, file=ImageFile(buffer, name=f"photo-{scene}-{variant + 1}.jpg")
    )


def render(scene, variant=0):
    """The picture of ``scene`` as a Pillow image (no database)."""
    rng = random.Random(f"{scene}-{variant}")
    canvas = {"office": office, "hall": hall, "street": street}[scene](rng)
    return _lens(canvas, rng)


def _lens(canvas, rng):
    """The lens and the sensor: a soft image, colour fringes, grain and darker corners."""
    canvas = canvas.filter(ImageFilter.GaussianBlur(0.8))
    canvas = canvas.filter(ImageFilter.UnsharpMask(radius=2, percent=70, threshold=2))
    red, green, blue = canvas.split()
    red = red.resize((WIDTH + 2, HEIGHT + 1)).crop((1, 0, WIDTH + 1, HEIGHT))
    canvas = Image.merge("RGB", (red, green, blue))
    grain = Image.frombytes("L", (WIDTH, HEIGHT), rng.randbytes(WIDTH * HEIGHT))
    grain = grain.point(lambda v: 128 + (v - 128) // 9)
    canvas = ImageChops.add(canvas, Image.merge("RGB", [grain] * 3), offset=-128)
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(mask).ellipse((-260, -200, WIDTH + 260, HEIGHT + 200), fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(170))
    return Image.composite(canvas, Image.new("RGB", canvas.size, (18, 14, 10)), mask)
