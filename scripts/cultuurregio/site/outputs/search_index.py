"""Let search find 'ideeën' when a visitor types 'ideeen'.

Material's search (Lunr) matches letters exactly, and offers no hook to fold diacritics
out of queries. So each indexed section also lists its words as the site's slug function
writes them (without diacritics), in an element the results never show. (Remove when
Material's search folds diacritics itself.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")

Slugify = Callable[[str, str], str]


def folded_words(html: str, slugify: Slugify) -> list[str]:
    words = {word.lower() for word in _WORD.findall(_TAG.sub(" ", html))}
    return sorted({slugify(word, "-") for word in words} - words - {""})


def add_folded_words(index_file: Path, slugify: Slugify) -> None:
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        extra = folded_words(doc["title"] + " " + doc["text"], slugify)
        if extra:
            doc["text"] += f' <span class="cr-zoekvarianten" hidden>{" ".join(extra)}</span>'
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
