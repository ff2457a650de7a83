"""Editors' tools: `make check`, the scaffolds (`make nieuwsbrief`, ...) and the web editor's
files (`make beheer-bijwerken`: web_editor.py, with its start in beheer/)."""
