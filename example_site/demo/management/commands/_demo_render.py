"""The camera and the surfaces of the demo's rendered photographs (see _demo_photos.py)."""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675
FOCAL = 760  # the camera's focal length, in pixels


class Camera:
    """A pinhole camera at height ``height`` looking along +z, turned by ``yaw`` degrees."""

    def __init__(self, height=1.6, yaw=0.0, horizon=HEIGHT * 0.5, centre=WIDTH * 0.5):
        self.height, self.horizon, self.centre = height, horizon, centre
        self.cos, self.sin = math.cos(math.radians(yaw)), math.sin(math.radians(yaw))

    def depth(self, x, z):
        return max(0.05, x * self.sin + z * self.cos)

    def point(self, x, y, z):
        """Screen position of the world point (x right, y up, z ahead), in metres."""
        xr, zr = x * self.cos - z * self.sin, self.depth(x, z)
        return (self.centre + FOCAL * xr / zr, self.horizon + FOCAL * (self.height - y) / zr)

    def quad(self, corners):
        return [self.point(*corner) for corner in corners]


def noise(rng, size, cells):
    """Smooth value noise (mode "L") of ``size``, with about ``cells`` blobs across."""
    w, h = size
    cw, ch = max(2, cells), max(2, round(cells * h / w))
    small = Image.frombytes("L", (cw, ch), rng.randbytes(cw * ch))
    return small.resize(size, Image.Resampling.BICUBIC)


def fractal(rng, size, cells=(4, 16, 64, 256)):
    """Noise with detail at several scales, centred on mid grey."""
    layers = [noise(rng, size, c) for c in cells]
    out = layers[0]
    for i, layer in enumerate(layers[1:], start=2):
        out = Image.blend(out, layer, 1 / i)
    return out


def texture(canvas, rng, strength=0.16, cells=(6, 24, 120, 400)):
    """Grime and unevenness over every surface: brightness varies by about ±strength."""
    noise = fractal(rng, canvas.size, cells)
    low, span = round(255 * (1 - strength)), round(255 * strength * 2)
    light = noise.point(lambda v: min(255, low + v * span // 255))
    lit = ImageChops.multiply(canvas, Image.merge("RGB", [light] * 3))
    return ImageChops.add(lit, Image.new("RGB", canvas.size, (8, 8, 8)))


def haze(colour, depth, sky=(206, 214, 222), distance=90.0):
    """``colour`` seen ``depth`` metres away through hazy air."""
    t = 1 - math.exp(-depth / distance)
    return tuple(round(c + (s - c) * t) for c, s in zip(colour, sky, strict=True))


def shade(colour, factor):
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


def vary(rng, colour, amount=14):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def sky(rng, top, bottom, height=HEIGHT):
    """A sky from ``top`` to ``bottom`` colour with soft, uneven clouds."""
    sky = Image.linear_gradient("L").resize((WIDTH, height))
    sky = Image.composite(Image.new("RGB", sky.size, bottom), Image.new("RGB", sky.size, top), sky)
    clouds = fractal(rng, sky.size, (3, 8, 30)).point(lambda v: max(0, v - 128) * 4)
    clouds = clouds.filter(ImageFilter.GaussianBlur(6))
    return Image.composite(Image.new("RGB", sky.size, (246, 246, 244)), sky, clouds)


def foliage(rng, size, dark, light):
    """A crown of leaves: a lumpy outline with gaps, light on top, dark inside and below, as a
    (picture, mask)."""
    w, h = size
    shape = Image.new("L", size, 0)
    draw = ImageDraw.Draw(shape)
    for _ in range(7):  # the crown is a few clumps of leaves
        cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.35, 0.65)
        rx, ry = w * rng.uniform(0.18, 0.32), h * rng.uniform(0.16, 0.3)
        draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=255)
    shape = shape.filter(ImageFilter.GaussianBlur(max(2, w // 14)))
    leaves = fractal(rng, size, (max(3, w // 40), max(6, w // 10), max(12, w // 3)))
    mask = ImageChops.multiply(shape, leaves.point(lambda v: min(255, v * 2)))
    mask = mask.point(lambda v: 255 if v > 80 else 0).filter(ImageFilter.GaussianBlur(0.6))
    tone = Image.linear_gradient("L").resize(size)
    picture = Image.composite(Image.new("RGB", size, dark), Image.new("RGB", size, light), tone)
    speckle = fractal(rng, size, (max(4, w // 8), max(8, w // 3))).point(
        lambda v: max(0, min(255, 40 + v * 2 - 128))
    )
    return ImageChops.multiply(picture, Image.merge("RGB", [speckle] * 3)), mask


def tree(canvas, rng, camera, x, z, height=7.0):
    """A street tree at (x, z): a trunk and a leafy crown, scaled by distance."""
    bottom, top = camera.point(x, 0, z), camera.point(x, height * 0.5, z)
    trunk = max(1.5, FOCAL * 0.18 / camera.depth(x, z))
    ImageDraw.Draw(canvas).polygon(
        [
            (bottom[0] - trunk, bottom[1]),
            (top[0] - trunk / 2, top[1]),
            (top[0] + trunk / 2, top[1]),
            (bottom[0] + trunk, bottom[1]),
        ],
        fill=haze((70, 58, 46), z),
    )
    crown_top = camera.point(x, height, z)
    size = max(8, round((top[1] - crown_top[1]) * 1.7))
    leaves, mask = foliage(rng, (size, size), haze((28, 52, 26), z), haze((112, 146, 70), z))
    canvas.paste(leaves, (round(crown_top[0] - size / 2), round(crown_top[1])), mask)
