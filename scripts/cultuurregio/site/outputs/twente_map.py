"""The map of Twente, drawn at build time as inline SVG from the municipalities' outlines
(site/content/outlines.py): the 14 as they lie, the neighbours in grey, Germany named in the
east. overrides/content/kaart.html writes the markup, docs/assets/stylesheets the colours.

The outlines are RD New metres, so the map is only scaled, with y flipped. Coordinates are
rounded to whole units of a map as wide as it is shown at 1280 px (1 unit = 1 px, about 115
m): neighbours share their border vertices, so rounding keeps every border shared.

Labels are placed here, once, so none overlaps another and none leaves the map: each at the
point of its shape farthest from its border (so it stands inside where it can), moved aside
when an earlier label is in the way (small municipalities first: they have the least room).
A wide map shows names; a narrow one (a phone) shows numbers, with the names in a key
below it (docs/assets/stylesheets: `cr-kaart__naam`, `cr-kaart__nummer`, `cr-kaart__sleutel`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from cultuurregio.site.content.outlines import Outline, Outlines

WIDTH = 560
# Room around Twente, in metres: a little of the neighbours west, north and south; in the
# east, beside the border, the name of Germany.
MARGIN, EAST = 2500, 6000
# Font sizes in map units (as docs/assets/stylesheets sets them), and a generous average
# advance per unit of font size, so a label's box is never smaller than the text.
NAME, NUMBER, COUNTRY = 12, 22, 20
ADVANCE = 0.62
COUNTRY_NAME = "Duitsland"


@dataclass(frozen=True)
class Shape:
    slug: str
    naam: str
    nummer: int
    trekker: bool
    d: str
    naam_x: float
    naam_y: float
    nummer_x: float
    nummer_y: float


@dataclass(frozen=True)
class TwenteMap:
    breedte: int
    hoogte: int
    vormen: list[Shape]
    buren: list[str]
    land_x: float
    land_y: float


def draw(outlines: Outlines, municipalities: list[dict[str, Any]]) -> TwenteMap:
    """The map of `municipalities` (in the order given, numbered from 1)."""
    rings = [outlines.municipalities[m["slug"]].ring for m in municipalities]
    west, east = min(x for r in rings for x, _ in r) - MARGIN, max(x for r in rings for x, _ in r) + EAST
    south, north = min(y for r in rings for _, y in r) - MARGIN, max(y for r in rings for _, y in r) + MARGIN
    scale = WIDTH / (east - west)
    height = round((north - south) * scale)

    def project(outline: Outline) -> list[tuple[int, int]]:
        points = [(round((x - west) * scale), round((north - y) * scale)) for x, y in outline.ring]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        return points[:-1] if points[-1] == points[0] else points  # closed by the path's Z

    shapes = {m["slug"]: project(outlines.municipalities[m["slug"]]) for m in municipalities}
    numbers = {m["slug"]: number for number, m in enumerate(municipalities, start=1)}
    # "Duitsland" reads upwards along the east edge (rotated): its box is taken from the start.
    country_x, country_y, length = WIDTH - COUNTRY * 0.3 - 2, round(height / 2, 1), len(COUNTRY_NAME) * ADVANCE * COUNTRY
    country = (country_x - COUNTRY * 0.8, country_y - length / 2, country_x + COUNTRY * 0.3, country_y + length / 2)
    name_boxes, number_boxes, drawn = [country], [country], {}
    # The smallest first: they have the least room.
    for item in sorted(municipalities, key=lambda m: area(shapes[m["slug"]])):
        centre = inner_point(shapes[item["slug"]])
        width = len(item["naam"]) * ADVANCE * NAME * (1.08 if item.get("trekker") else 1)  # trekkers in bold
        drawn[item["slug"]] = (place(centre, width, NAME, name_boxes, height),
                               place(centre, len(str(numbers[item["slug"]])) * ADVANCE * NUMBER, NUMBER,
                                     number_boxes, height))
    return TwenteMap(WIDTH, height, [
        Shape(m["slug"], m["naam"], numbers[m["slug"]], bool(m.get("trekker")), path(shapes[m["slug"]]),
              *drawn[m["slug"]][0], *drawn[m["slug"]][1]) for m in municipalities],
        [path(project(outline)) for outline in outlines.neighbours], country_x, country_y)


def path(points: list[tuple[int, int]]) -> str:
    first, *rest = points
    return f"M{first[0]} {first[1]}L" + " ".join(f"{x} {y}" for x, y in rest) + "Z"


def edges(points: list[tuple[float, float]]):
    """Each side of a closed ring: (start, end)."""
    return zip(points, points[1:] + points[:1], strict=True)


def area(points: list[tuple[float, float]]) -> float:
    """The shoelace formula: the area of a simple polygon."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in edges(points))) / 2


def inside(point: tuple[float, float], points: list[tuple[float, float]]) -> bool:
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in edges(points):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def border_distance(point: tuple[float, float], points: list[tuple[float, float]]) -> float:
    x, y = point
    best = math.inf
    for (x0, y0), (x1, y1) in edges(points):
        dx, dy = x1 - x0, y1 - y0
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, math.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return best


def inner_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point of the shape farthest from its border: the best of a 16 by 16 grid over the
    shape, then of finer grids around the best so far (to a tenth of a unit)."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    step = max(max(xs) - min(xs), max(ys) - min(ys)) / 16
    best, centre = -1.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    grid = [(min(xs) + i * step, min(ys) + j * step) for i in range(17) for j in range(17)]
    while step > 0.1:
        for candidate in grid:
            if inside(candidate, points) and (distance := border_distance(candidate, points)) > best:
                best, centre = distance, candidate
        step /= 4
        grid = [(centre[0] + i * step, centre[1] + j * step) for i in range(-4, 5) for j in range(-4, 5)]
    return centre


def place(centre: tuple[float, float], width: float, size: float, taken: list, height: float) -> tuple[float, float]:
    """A label's baseline point (text-anchor middle) nearest `centre` whose box overlaps no
    label already in `taken` and stays on the map; its box joins `taken`."""
    x, y = centre
    moves = [(0, 0)] + [(dx * step, dy * step) for step in (0.5, 1, 1.5, 2, 3) for dx, dy in
                        ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, 1), (1, 1), (-1, -1))]
    for dx, dy in moves:
        cx = min(max(x + dx * size, width / 2 + 2), WIDTH - width / 2 - 2)
        cy = min(max(y + dy * size, size / 2 + 2), height - size / 2 - 2)
        box = (cx - width / 2, cy - size / 2, cx + width / 2, cy + size / 2)
        if not any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
            taken.append(box)
            # The baseline: about a third of the size below the middle of the letters.
            return round(cx, 1), round(cy + size * 0.35, 1)
    # No free place (never with today's map): the browser test of the map would say so.
    return round(x, 1), round(y + size * 0.35, 1)
