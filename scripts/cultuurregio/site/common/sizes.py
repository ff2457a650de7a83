"""File sizes as Dutch readers write them."""

from __future__ import annotations


def file_size_label(size: int) -> str:
    """`72 kB`, `1,4 MB` (decimal units, as download sizes are usually given)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
