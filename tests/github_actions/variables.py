"""The files a step writes for the runner (GITHUB_ENV, GITHUB_OUTPUT), read as GitHub reads them."""

from __future__ import annotations

from pathlib import Path


def read_variables(path: Path) -> dict[str, str]:
    """`NAME=value` lines and `NAME<<DELIMITER` blocks, as GitHub reads GITHUB_ENV and GITHUB_OUTPUT."""
    values, lines = {}, path.read_text(encoding="utf-8").splitlines()
    while lines:
        line = lines.pop(0)
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            while lines and lines[0] != delimiter:
                block.append(lines.pop(0))
            lines.pop(0)
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values
