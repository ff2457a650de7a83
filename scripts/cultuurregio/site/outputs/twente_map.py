"""A schematic map of Twente, made at build time from each municipality's centre
(data/gemeenten.yml, `ligging`): a dot per municipality with its name beside it.

No outlines: the map shows where the municipalities lie relative to each other, which
is all the centres can tell. Names go right of their dot where there is room, else left,
above or below, so none overlaps another or a dot (at the size a phone shows it, 13 user
units are about 12.5 px: readable at 360 px).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

WIDTH = 340
PADDING = 8
FONT = 13
# Average advance of a character of the site's sans-serif at 13 units, measured generously.
CHARACTER = 7.4
DOT = 4


@dataclass(frozen=True)
class Placed:
    slug: str
    naam: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


def _box(x: float, y: float, anchor: str, text: str) -> tuple[float, float, float, float]:
    width = len(text) * CHARACTER
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return (left, y - FONT * 0.8, left + width, y + FONT * 0.25)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place(municipalities: list[dict[str, Any]]) -> tuple[list[Placed], float]:
    """Every municipality with its dot and label in map units, and the map's height."""
    lat0 = sum(m["ligging"]["breedte"] for m in municipalities) / len(municipalities)
    # Equirectangular, with longitude shrunk by cos(latitude): true shape at this scale.
    points = {m["slug"]: (m["ligging"]["lengte"] * math.cos(math.radians(lat0)), -m["ligging"]["breedte"])
              for m in municipalities}
    xs, ys = [p[0] for p in points.values()], [p[1] for p in points.values()]
    margin = 70  # room for a name left of the westernmost dot and right of the easternmost
    scale = (WIDTH - 2 * margin) / (max(xs) - min(xs))
    height = (max(ys) - min(ys)) * scale + 2 * (PADDING + FONT)
    dots = {slug: (margin + (x - min(xs)) * scale, PADDING + FONT + (y - min(ys)) * scale)
            for slug, (x, y) in points.items()}
    taken = [(x - DOT, y - DOT, x + DOT, y + DOT) for x, y in dots.values()]
    placed = []
    for municipality in sorted(municipalities, key=lambda m: dots[m["slug"]][0]):
        x, y = dots[municipality["slug"]]
        name = municipality["naam"]
        options = [(x + DOT + 3, y + FONT * 0.35, "start"), (x - DOT - 3, y + FONT * 0.35, "end"),
                   (x, y - DOT - 4, "middle"), (x, y + DOT + FONT, "middle")]
        fitting = [o for o in options
                   if 0 <= _box(o[0], o[1], o[2], name)[0] and _box(o[0], o[1], o[2], name)[2] <= WIDTH
                   and not any(_overlaps(_box(o[0], o[1], o[2], name), t) for t in taken)]
        label_x, label_y, anchor = (fitting or options)[0]
        taken.append(_box(label_x, label_y, anchor, name))
        placed.append(Placed(municipality["slug"], name, round(x, 1), round(y, 1), round(label_x, 1),
                             round(label_y, 1), anchor))
    return sorted(placed, key=lambda p: p.naam), round(height, 1)
