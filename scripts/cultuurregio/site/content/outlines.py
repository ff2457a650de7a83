"""The outlines of the municipalities for the map of Twente: data/kaart/twente-2025.geojson
(CBS and Kadaster, CC BY 4.0; data/kaart/LEESMIJ.md), read and checked against
data/gemeenten.yml, whose `code` names each municipality's feature. The other features are
the neighbours, drawn in grey for context.

Coordinates are the file's: Dutch RD New (EPSG:28992) in metres, x east and y north.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.data import Content

MAP_FILE = "data/kaart/twente-2025.geojson"
REPLACE = "zet het bestand terug of lees data/kaart/LEESMIJ.md over een nieuwer jaar"


@dataclass(frozen=True)
class Outline:
    ring: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Outlines:
    """Twente's municipalities by slug, and the neighbours, each with its outline."""
    municipalities: dict[str, Outline]
    neighbours: tuple[Outline, ...]


def read_outlines(project: Path, content: Content) -> tuple[Outlines | None, list[Problem]]:
    try:
        features = json.loads((project / MAP_FILE).read_text(encoding="utf-8"))["features"]
        outlines = {feature["properties"]["statcode"]: Outline(
            tuple((float(x), float(y)) for x, y in feature["geometry"]["coordinates"][0]))
            for feature in features if feature["geometry"]["type"] == "Polygon"}
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        reason = "het bestand ontbreekt" if isinstance(error, OSError) else "het is geen GeoJSON met vlakken"
        return None, [Problem(MAP_FILE, None, f"de kaart van Twente kan niet gelezen worden ({reason}); {REPLACE}")]
    source = content.sources["gemeenten"]
    problems, seen = [], {}
    for index, item in enumerate(source.data["gemeenten"]):
        code, line = item["code"], source.line(("gemeenten", index, "code"))
        if code not in outlines:
            problems.append(Problem(source.name, line, f"code {code} ({item['naam']}) staat niet in {MAP_FILE}; "
                                    "controleer de code (GM en vier cijfers van het CBS) of " + REPLACE))
        elif code in seen:
            problems.append(Problem(source.name, line, f"code {code} hoort al bij {seen[code]}; elke gemeente "
                                    "heeft haar eigen code"))
        seen.setdefault(code, item["naam"])
    if problems:
        return None, problems
    by_code = {item["code"]: item["slug"] for item in content.gemeenten}
    return Outlines({by_code[code]: outline for code, outline in outlines.items() if code in by_code},
                    tuple(outline for code, outline in sorted(outlines.items()) if code not in by_code)), []
