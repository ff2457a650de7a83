"""What PyYAML and libyaml say when a file is no valid YAML, in Dutch, with its line.

Their messages are English ("found character that cannot start any token"). An editor
needs what to do instead: a tab, the most common mistake, gets its own sentence, the other
errors advice on what to check, and nothing of the parser's English remains.
"""

from __future__ import annotations

import yaml

from cultuurregio.site.common.problems import Problem

# What PyYAML and libyaml say (`problem`), in Dutch: how an editor mends it.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "hier staat een dubbele punt die YAML niet verwacht: zet een tekst met "
     "': ' erin tussen aanhalingstekens, of controleer of deze regel even ver inspringt als de regels "
     "van hetzelfde niveau"),
    ("unexpected end of stream", "een aanhalingsteken wordt geopend maar niet gesloten; zet aan het eind van de "
     "tekst hetzelfde teken (\" of ') als aan het begin"),
    ("unknown escape character", "in een tekst tussen dubbele aanhalingstekens staat een \\ die YAML niet "
     "kent; gebruik enkele aanhalingstekens (') of laat de \\ weg"),
    ("undefined alias", "hier staat een * aan het begin van een waarde; zet de tekst tussen aanhalingstekens"),
    ("unhashable key", "een veldnaam mag geen lijst of groep zijn; controleer de haakjes { } en [ ]"),
    ("',' or ']'", "een lijst tussen [ en ] wordt niet gesloten; zet er een ] achter, of zet de tekst tussen "
     "aanhalingstekens"),
    ("',' or '}'", "een groep tussen { en } wordt niet gesloten; zet er een } achter, of zet de tekst tussen "
     "aanhalingstekens"),
)
GENERIC = ("controleer op of vlak boven deze regel de inspringing (spaties, even ver als de regels van "
           "hetzelfde niveau), de dubbele punten en de aanhalingstekens")
TAB = ("er staat een tab op deze regel; gebruik spaties om in te springen (YAML kent geen tabs: vervang de tab "
       "door evenveel spaties als de regels erboven)")


def yaml_problem(error: yaml.YAMLError, text: str, name: str, generic: str = GENERIC) -> Problem:
    """A parser's error as a Dutch problem at its line: a tab gets its own sentence, other
    errors what an editor does about them, never the parser's English."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is None:
        return Problem(name, None, f"dit is geen geldige YAML; {generic}")
    lines = text.splitlines()
    # The parser stops at the tab, or on the line after it when the tab ended a value.
    for line in (mark.line, mark.line - 1):
        if 0 <= line < len(lines) and "\t" in lines[line][: len(lines[line]) - len(lines[line].lstrip())]:
            return Problem(name, line + 1, TAB)
    if 0 <= mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return Problem(name, mark.line + 1, TAB)
    problem = getattr(error, "problem", None) or ""
    advice = next((dutch for english, dutch in _YAML_PROBLEMS if english in problem), generic)
    return Problem(name, mark.line + 1, f"dit is geen geldige YAML: {advice}")
