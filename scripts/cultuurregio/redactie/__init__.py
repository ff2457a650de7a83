"""Editors' tools: `make check` and the scaffolds (`make nieuwsbrief`, ...)."""
