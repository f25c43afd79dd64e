"""The three scenes of the demo's rendered photographs (see _demo_photos.py).

Each function takes a seeded ``random.Random`` and returns the scene before the lens: the
world is laid out in metres and projected through ``Camera``, drawn from far to near.
"""

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from ._demo_render import (
    FOCAL,
    HEIGHT,
    WIDTH,
    Camera,
    foliage,
    haze,
    shade,
    sky,
    texture,
    tree,
    vary,
)

WALLS = [(236, 214, 160), (222, 228, 214), (240, 230, 214), (214, 186, 150), (246, 240, 226)]
SIGNS = [(196, 30, 36), (24, 84, 160), (232, 180, 30), (30, 128, 70), (220, 96, 30)]
SHIRTS = [(236, 236, 230), (208, 220, 236), (54, 62, 80), (92, 104, 70), (226, 224, 210)]


def _wall_x(draw, camera, x, ys, zs, colour):
    """A rectangle on the plane x = ``x``: heights ``ys``, depths ``zs``."""
    (y0, y1), (z0, z1) = ys, zs
    draw.polygon(camera.quad([(x, y0, z0), (x, y1, z0), (x, y1, z1), (x, y0, z1)]), fill=colour)


def _wall_z(draw, camera, z, xs, ys, colour):
    """A rectangle on the plane z = ``z`` (facing the camera): across ``xs``, heights ``ys``."""
    (x0, x1), (y0, y1) = xs, ys
    draw.polygon(camera.quad([(x0, y0, z), (x0, y1, z), (x1, y1, z), (x1, y0, z)]), fill=colour)


def _flat(draw, camera, y, xs, zs, colour):
    """A level rectangle at height ``y`` (floor, ceiling, road): across ``xs``, depths ``zs``."""
    (x0, x1), (z0, z1) = xs, zs
    draw.polygon(camera.quad([(x0, y, z0), (x1, y, z0), (x1, y, z1), (x0, y, z1)]), fill=colour)


def _star(draw, cx, cy, radius):
    """The five-pointed gold star of the flag."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = math.pi * (i / 5 - 0.5)
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=(248, 214, 40))


# The street -------------------------------------------------------------------------------------


def street(rng):
    camera = Camera(height=1.7, horizon=HEIGHT * 0.47, centre=WIDTH * 0.46)
    canvas = sky(rng, (118, 160, 206), (214, 222, 228))
    draw = ImageDraw.Draw(canvas)
    horizon = round(camera.horizon)
    for y in range(horizon, HEIGHT):  # asphalt, lighter far away
        t = (y - horizon) / (HEIGHT - horizon)
        draw.line((0, y, WIDTH, y), fill=shade((150, 150, 148), 1 - 0.45 * t))
    for side in (-1, 1):  # pavements
        _flat(draw, camera, 0, (side * 4, side * 6.5), (1, 300), (176, 168, 156))
    for z in range(2, 200, 6):  # centre line
        _flat(draw, camera, 0, (-0.07, 0.07), (z, z + 3), haze((226, 222, 206), z))
    for side in (1, -1):
        _houses(draw, rng, camera, side)
    shadow = Image.new("L", canvas.size, 0)  # the right-hand houses shade the road
    ImageDraw.Draw(shadow).polygon(
        camera.quad([(1.2, 0, 1), (6.5, 0, 1), (6.5, 0, 300), (1.2, 0, 300)]), fill=110
    )
    canvas.paste((20, 24, 36), (0, 0), shadow.filter(ImageFilter.GaussianBlur(4)))
    canvas = texture(canvas, rng, 0.12)
    draw = ImageDraw.Draw(canvas)
    _wires(draw, rng, camera)
    for z in range(150, 4, -13):
        for side in (-1, 1):
            tree(canvas, rng, camera, side * 5.3 + rng.uniform(-0.2, 0.2), z + rng.uniform(-2, 2))
    bikes = [(rng.uniform(-3.4, 3.4), rng.uniform(9, 70), True) for _ in range(18)]
    bikes += [
        (side * 4.7, z + rng.uniform(0, 1.5), False)
        for side in (-1, 1)
        for z in range(6, 60, 2)
        if rng.random() < 0.6
    ]
    for x, z, rider in sorted(bikes, key=lambda b: -b[1]):
        _motorbike(ImageDraw.Draw(canvas), rng, camera, x, z, rider)
    return canvas


def _houses(draw, rng, camera, side):
    """Tube houses along one side (``side`` -1 left, 1 right), drawn from far to near."""
    spans, z = [], 1.0
    while z < 220:
        width = rng.uniform(3.6, 5.5)
        spans.append((z, z + width, rng.choice([9.6, 12.8, 16.0, 19.2]), rng.choice(WALLS)))
        z += width
    light = 1.04 if side < 0 else 0.74
    x = side * 6.5
    for index in range(len(spans) - 1, -1, -1):
        z0, z1, height, wall = spans[index]
        middle = (z0 + z1) / 2
        colour = haze(shade(vary(rng, wall), light), middle)
        nearer = spans[index - 1][2] if index else 0
        if height > nearer:  # the end wall above the nearer neighbour, in shade
            _wall_z(
                draw,
                camera,
                z0,
                (x, x + side * 8),
                (nearer, height),
                haze(shade(wall, 0.62), middle),
            )
        _wall_x(draw, camera, x, (0, height), (z0, z1), colour)
        glass = haze(shade((70, 84, 98), light), middle)
        for floor in range(1, int(height // 3.2)):
            y = floor * 3.2 + 0.7
            a, b = z0 + 0.6, z1 - 0.6
            _wall_x(draw, camera, x, (y, y + 1.7), (a, b), glass)
            rail = haze(shade((60, 56, 50), light), middle)  # the balcony's edge below
            _wall_x(draw, camera, x, (y - 0.12, y), (a - 0.3, b + 0.3), rail)
        shop = haze((38, 32, 28), middle)
        _wall_x(draw, camera, x, (0, 2.5), (z0 + 0.2, z1 - 0.2), shop)
        if middle < 70:  # goods inside the open shop
            for _ in range(10):
                a = rng.uniform(z0 + 0.4, z1 - 0.8)
                b, top = a + rng.uniform(0.2, 0.6), rng.uniform(0.4, 1.8)
                goods = haze(shade(vary(rng, rng.choice(WALLS + SIGNS), 30), 0.6), middle)
                _wall_x(draw, camera, x, (0, top), (a, b), goods)
        sign = haze(shade(vary(rng, rng.choice(SIGNS), 10), light), middle)
        _wall_x(draw, camera, x - side * 0.3, (2.6, 3.4), (z0 + 0.1, z1 - 0.1), sign)
        if middle < 40:  # lettering on the nearer signs
            letters = haze((246, 240, 220), middle)
            step = (z1 - z0 - 0.8) / 9
            for i in range(rng.randint(5, 9)):
                a = z0 + 0.4 + i * step
                _wall_x(draw, camera, x - side * 0.31, (2.8, 3.15), (a, a + step * 0.7), letters)


def _wires(draw, rng, camera):
    """Power and telephone cables sagging between poles, as over every Vietnamese street."""
    for z in range(9, 160, 24):
        top = camera.point(-5.9, 7.5, z)
        draw.line(
            (camera.point(-5.9, 0, z), top),
            fill=haze((120, 116, 108), z),
            width=max(1, round(FOCAL * 0.14 / z)),
        )
        for k in range(rng.randint(2, 4)):
            far = z + 24
            points = []
            for i in range(21):
                t = i / 20
                sag = 0.6 * 4 * t * (1 - t)
                points.append(camera.point(-5.9, 7.3 - k * 0.25 - sag, z + (far - z) * t))
            draw.line(points, fill=(40, 40, 44), width=1)
        if z < 60:
            across = [
                camera.point(-5.9 + 11.8 * i / 20, 6.9 - 0.9 * 4 * (i / 20) * (1 - i / 20), z)
                for i in range(21)
            ]
            draw.line(across, fill=(46, 46, 50), width=1)


def _motorbike(draw, rng, camera, x, z, rider=True):
    """A motorbike seen from behind or in front, ridden or parked."""
    s = FOCAL / camera.depth(x, z)  # pixels per metre here
    cx, ground = camera.point(x, 0, z)
    dark = haze((26, 26, 28), z)
    draw.ellipse((cx - 0.09 * s, ground - 0.55 * s, cx + 0.09 * s, ground), fill=dark)
    draw.rounded_rectangle(
        (cx - 0.2 * s, ground - 0.95 * s, cx + 0.2 * s, ground - 0.45 * s),
        radius=0.08 * s,
        fill=haze(vary(rng, (150, 30, 30), 60), z),
    )
    if not rider:
        return
    body = haze(vary(rng, rng.choice(SHIRTS), 16), z)
    draw.rounded_rectangle(
        (cx - 0.22 * s, ground - 1.55 * s, cx + 0.22 * s, ground - 0.9 * s),
        radius=0.1 * s,
        fill=body,
    )
    helmet = haze(vary(rng, rng.choice(SIGNS + [(240, 240, 236)]), 20), z)
    draw.ellipse((cx - 0.14 * s, ground - 1.86 * s, cx + 0.14 * s, ground - 1.52 * s), fill=helmet)
    lamp = haze((250, 200, 120), z)
    draw.ellipse((cx - 0.05 * s, ground - 0.8 * s, cx + 0.05 * s, ground - 0.7 * s), fill=lamp)


# The office -------------------------------------------------------------------------------------


def office(rng):
    camera = Camera(height=1.6, yaw=24, horizon=HEIGHT * 0.7, centre=WIDTH * 0.42)
    canvas = sky(rng, (96, 144, 204), (206, 218, 230))
    draw = ImageDraw.Draw(canvas)
    horizon = round(camera.horizon)
    for y in range(horizon, HEIGHT):  # the paved yard
        t = (y - horizon) / (HEIGHT - horizon)
        draw.line((0, y, WIDTH, y), fill=shade((192, 184, 170), 1 - 0.3 * t))
    for i in range(48):  # the trees of the neighbourhood behind
        tree(
            canvas,
            rng,
            camera,
            -40 + i * 3.6 + rng.uniform(-1, 1),
            78 + rng.uniform(0, 30),
            height=rng.uniform(8, 12),
        )
    contact = Image.new("L", canvas.size, 0)  # the shade along the foot of the walls
    ImageDraw.Draw(contact).polygon(
        camera.quad(
            [(1.5, 0, 44), (1.5, 0, 29.4), (40.5, 0, 29.4), (40.5, 0, 30), (2, 0, 30), (2, 0, 44)]
        ),
        fill=150,
    )
    canvas.paste((40, 36, 30), (0, 0), contact.filter(ImageFilter.GaussianBlur(3)))
    _building(draw, rng, camera)
    for a, b in ((-4, 16.5), (25.5, 44)):  # lawns and a clipped hedge before the front
        _flat(draw, camera, 0, (a, b), (20, 26), (92, 132, 58))
        _wall_z(draw, camera, 20, (a, b), (0, 0.7), (46, 84, 40))
        _flat(draw, camera, 0.7, (a, b), (20, 20.6), (70, 112, 52))
    canvas = texture(canvas, rng, 0.12)
    for x, z in ((-2, 22), (34, 23)):
        tree(canvas, rng, camera, x, z, height=6.5)
    leaves, mask = foliage(rng, (420, 300), (22, 40, 20), (96, 130, 60))  # out-of-focus leaves
    blur = ImageFilter.GaussianBlur(6)
    canvas.paste(leaves.filter(blur), (-150, -110), mask.filter(blur))
    return canvas


def _building(draw, rng, camera):
    """A four-storey office: the front along x, the left end wall in shade, a portico."""
    x0, x1, z0, z1, top = 2.0, 40.0, 30.0, 44.0, 15.5
    wall = (236, 224, 190)
    _wall_x(draw, camera, x0, (0, top), (z1, z0), shade(wall, 0.72))
    _wall_z(draw, camera, z0, (x0, x1), (0, top), wall)
    roof = (150, 46, 34)
    _wall_z(draw, camera, z0 - 0.3, (x0 - 0.3, x1 + 0.3), (top, top + 0.9), roof)
    _wall_x(draw, camera, x0 - 0.3, (top, top + 0.9), (z1, z0 - 0.3), shade(roof, 0.7))
    _wall_z(draw, camera, z0 - 0.05, (x0, x1), (top - 0.1, top - 0.5), shade(wall, 0.8))
    for floor in range(4):
        y = 0.9 + floor * 3.6
        x = x0 + 1.2
        while x + 1.6 < x1:
            if floor == 0 and 17 < x < 25:
                x += 2.6
                continue
            glass = vary(rng, (74, 96, 120), 10)
            _wall_z(
                draw, camera, z0 - 0.02, (x - 0.12, x + 1.72), (y - 0.12, y + 2.12), (246, 242, 230)
            )
            _wall_z(draw, camera, z0 - 0.03, (x, x + 1.6), (y, y + 2), glass)
            if rng.random() < 0.6:  # a drawn curtain behind the glass
                drop = rng.uniform(0.5, 1.9)
                _wall_z(
                    draw,
                    camera,
                    z0 - 0.03,
                    (x, x + 1.6),
                    (y + 2 - drop, y + 2),
                    shade(vary(rng, (214, 210, 196), 8), 0.8),
                )
            x += 2.6
        for z in (z0 + 3, z0 + 7, z0 + 11):
            _wall_x(draw, camera, x0 - 0.02, (y, y + 2), (z, z + 1.6), shade((74, 96, 120), 0.7))
    _wall_z(draw, camera, z0 - 0.05, (x0, x1), (0, 0.8), (168, 160, 146))
    _portico(draw, camera, z0)
    pole = camera.point(21, top + 0.9, z0 + 3), camera.point(21, top + 7.5, z0 + 3)
    draw.line(pole, fill=(120, 120, 118), width=3)
    flag = [
        camera.point(21, top + 7.4, z0 + 3),
        camera.point(24.2, top + 7.2, z0 + 3),
        camera.point(24.1, top + 5.2, z0 + 3),
        camera.point(21, top + 5.4, z0 + 3),
    ]
    draw.polygon(flag, fill=(214, 28, 32))
    cx, cy = camera.point(22.6, top + 6.3, z0 + 3)
    _star(draw, cx, cy, 9)


def _portico(draw, camera, z0):
    """The entrance: four columns, a red board with gold letters, steps."""
    front = z0 - 3.0
    for step in range(3):
        z = z0 - 3.6 + step * 0.3
        _wall_z(
            draw,
            camera,
            z,
            (16.5, 25.5),
            (step * 0.15, step * 0.15 + 0.15),
            shade((214, 208, 196), 0.9 + step * 0.04),
        )
    _wall_z(draw, camera, z0 - 0.05, (17, 25), (0.4, 3.2), (44, 40, 38))
    _wall_z(draw, camera, front, (16.6, 25.4), (4.4, 5.6), (238, 228, 200))
    _wall_z(draw, camera, front - 0.05, (17.4, 24.6), (3.6, 4.3), (176, 26, 28))
    for i in range(18):
        x = 17.8 + i * 0.38
        _wall_z(draw, camera, front - 0.06, (x, x + 0.24), (3.8, 4.1), (240, 200, 80))
    for x in (17.2, 19.6, 22.0, 24.4):
        _wall_z(draw, camera, front, (x - 0.3, x + 0.3), (0.45, 4.4), (244, 238, 222))
        _wall_x(draw, camera, x - 0.3, (0.45, 4.4), (front, front + 0.6), (196, 188, 170))


# The meeting hall -------------------------------------------------------------------------------


def hall(rng):
    camera = Camera(height=1.25, horizon=HEIGHT * 0.42, centre=WIDTH * 0.5)
    canvas = Image.new("RGB", (WIDTH, HEIGHT), (96, 78, 64))
    draw = ImageDraw.Draw(canvas)
    back, side, ceiling = 22.0, 9.0, 5.5
    _flat(draw, camera, 0, (-side, side), (0.5, back), (122, 76, 60))
    _flat(draw, camera, ceiling, (-side, side), (0.5, back), (226, 222, 212))
    for s, light in ((-1, 0.9), (1, 0.78)):
        _wall_x(draw, camera, s * side, (0, ceiling), (0.5, back), shade((232, 222, 196), light))
        for z in range(3, 21, 4):  # bright windows with curtains
            _wall_x(draw, camera, s * side, (1.2, 4.2), (z, z + 2), (250, 250, 244))
            _wall_x(
                draw, camera, s * side, (1.0, 4.5), (z - 0.3, z + 0.3), shade((176, 40, 40), light)
            )
    _wall_z(draw, camera, back, (-side, side), (0, ceiling), (230, 220, 196))
    _flat(draw, camera, 0, (-0.7, 0.7), (0.5, back - 3), (150, 34, 36))  # the carpet of the aisle
    _stage(draw, rng, camera, back)
    for z in (4.0, 9.0, 14.0, 19.0):  # ceiling lights
        for x in (-5.0, 0.0, 5.0):
            cx, cy = camera.point(x, ceiling - 0.02, z)
            r = FOCAL * 0.35 / z
            draw.ellipse((cx - r, cy - r * 0.4, cx + r, cy + r * 0.4), fill=(255, 252, 236))
    canvas = texture(canvas, rng, 0.08)
    glow = canvas.point(lambda v: max(0, v - 232) * 6).filter(ImageFilter.GaussianBlur(16))
    canvas = ImageChops.screen(canvas, glow)  # light blooms around the lamps and windows
    _audience(canvas, rng, camera)
    return texture(canvas, rng, 0.06)


def _stage(draw, rng, camera, back):
    """The stage: a red backdrop with a gold banner, a table with a green cloth, the panel."""
    _wall_z(draw, camera, back - 0.01, (-6.5, 6.5), (0.8, 5.2), (170, 26, 30))
    for i in range(40):  # folds of the curtain
        x = -6.5 + i * 0.325
        _wall_z(draw, camera, back - 0.02, (x, x + 0.12), (0.8, 5.2), (140, 18, 24))
    _wall_z(draw, camera, back - 0.03, (-5.5, 5.5), (4.2, 4.9), (200, 30, 34))
    for i in range(34):  # the banner's gold letters
        x = -5.2 + i * 0.31
        _wall_z(draw, camera, back - 0.04, (x, x + 0.2), (4.35, 4.75), (246, 206, 70))
    cx, cy = camera.point(0, 3.5, back - 0.05)
    _star(draw, cx, cy, 16)
    _wall_z(draw, camera, back - 3, (-7, 7), (0, 0.8), (150, 96, 70))
    for x in (-4.2, -2.6, -1.0, 0.6, 2.2, 3.8):  # the panel, seated behind the table
        s = FOCAL / (back - 1.5)
        cx, base = camera.point(x + 0.2, 1.6, back - 1.5)
        suit = vary(rng, (40, 44, 56), 10)
        draw.rounded_rectangle(
            (cx - 0.25 * s, base - 0.25 * s, cx + 0.25 * s, base + 0.5 * s),
            radius=0.1 * s,
            fill=suit,
        )
        draw.ellipse(
            (cx - 0.1 * s, base - 0.5 * s, cx + 0.1 * s, base - 0.24 * s),
            fill=vary(rng, (196, 150, 120), 10),
        )
    _wall_z(draw, camera, back - 2, (-5, 5), (0.8, 1.6), (38, 96, 66))
    cx, cy = camera.point(0, 1.2, back - 2.2)
    for _ in range(40):  # flowers in front of the table
        r = rng.uniform(2, 5)
        x, y = cx + rng.gauss(0, 14), cy + rng.gauss(0, 6)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([(236, 200, 40), (220, 40, 40)]))


def _audience(canvas, rng, camera):
    """Rows of people seen from behind; the nearest rows out of focus."""
    near = Image.new("RGB", canvas.size)
    near_mask = Image.new("L", canvas.size, 0)
    for z in [15.5 - 0.95 * i for i in range(15)]:
        target, mask = (near, near_mask) if z < 4.5 else (canvas, None)
        draw = ImageDraw.Draw(target)
        mdraw = ImageDraw.Draw(mask) if mask else None
        x = -7.6 + rng.uniform(0, 0.3)
        while x < 7.6:
            if abs(x) < 0.7:  # the aisle
                x += 0.62
                continue
            if rng.random() > 0.1:  # a few empty seats
                _person(draw, mdraw, rng, camera, x, z)
            _chair(draw, mdraw, camera, x, z + 0.12)
            x += 0.62
    blur = ImageFilter.GaussianBlur(5)
    canvas.paste(near.filter(blur), (0, 0), near_mask.filter(blur))


def _chair(draw, mdraw, camera, x, z):
    """The back of a hall seat, in front of whoever sits in it."""
    s = FOCAL / z
    cx, seat = camera.point(x, 0.95, z)
    back = (cx - 0.25 * s, seat - 0.05 * s, cx + 0.25 * s, seat + 0.55 * s)
    for d, fill in ((draw, haze((110, 28, 32), z, (200, 180, 150), 60)), (mdraw, 255)):
        if d is not None:
            d.rounded_rectangle(back, radius=0.06 * s, fill=fill)


def _person(draw, mdraw, rng, camera, x, z):
    s = FOCAL / z
    cx, seat = camera.point(x, 0.95, z)
    shirt = haze(vary(rng, rng.choice(SHIRTS), 12), z, (200, 180, 150), 60)
    hair = vary(rng, rng.choice([(24, 20, 18), (34, 28, 24), (120, 116, 110)]), 6)
    body = (cx - 0.23 * s, seat - 0.3 * s, cx + 0.23 * s, seat + 0.4 * s)
    head = (cx - 0.095 * s, seat - 0.54 * s, cx + 0.095 * s, seat - 0.28 * s)
    for d, fill in ((draw, shirt), (mdraw, 255)):
        if d is not None:
            d.rounded_rectangle(body, radius=0.12 * s, fill=fill)
            d.ellipse(head, fill=hair if fill != 255 else 255)
    neck = (cx - 0.05 * s, seat - 0.33 * s, cx + 0.05 * s, seat - 0.28 * s)
    draw.rectangle(neck, fill=(176, 134, 106))
