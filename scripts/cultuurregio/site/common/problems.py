"""Problems found in content, reported to editors in Dutch with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong; sorts by file, then line (problems without a line first)."""

    file: str
    line: int | None
    message: str

    def __lt__(self, other: Problem) -> bool:
        return self._order() < other._order()

    def _order(self) -> tuple[str, int, str]:
        # A problem about the whole file comes before those on a line of it.
        return (self.file, 0 if self.line is None else self.line, self.message)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, regel {self.line}"
        return f"{where}: {self.message}"

    def as_line(self, prefix: str = "") -> str:
        """`file:line: message`, the form editors and their tools (VS Code) jump from."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {prefix}{self.message}"


NOT_BUILT = "De site is niet gebouwd"


def not_built(count: int) -> str:
    """The closing sentence of a build that stopped; the problems themselves come above it."""
    heading = "1 probleem" if count == 1 else f"{count} problemen"
    return f"{NOT_BUILT}: {heading} in de inhoud (hierboven). Pas dit aan en probeer het opnieuw; er is niets gepubliceerd."


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = "1 probleem" if count == 1 else f"{count} problemen"
        lines = [f"{NOT_BUILT}: {heading} in de inhoud."]
        lines += [f"  - {problem}" for problem in self.problems]
        lines.append("Pas dit aan en probeer het opnieuw; er is niets gepubliceerd.")
        return "\n".join(lines)


def line_in_page(path: Path, needle: str | None) -> int | None:
    """The line on which `needle` (a link target, a file name, a line of text) stands in an
    editor's page, preferring where it is written as a link or image: `](needle`."""
    if not needle:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    for candidate in (f"]({needle}", needle.strip(), f"'{needle}'", f'"{needle}"', needle):
        if candidate and candidate in text:
            return text[: text.index(candidate)].count("\n") + 1
    return None
