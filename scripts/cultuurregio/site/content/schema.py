"""Validate data against the JSON Schemas in scripts/cultuurregio/site/content/schemas/, with Dutch messages.

The schemas are the one source of the rules: the build, the tests and editors' VS Code
(through the `$schema` line at the top of each data file) all read the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.yamlfile import YamlFile

SCHEMA_DIR = Path(__file__).parent / "schemas"

_TYPE_NAMES = {
    "string": "een tekst",
    "array": "een lijst (regels die met '- ' beginnen)",
    "object": "een groep velden",
    "boolean": "true of false",
    "integer": "een geheel getal",
    "number": "een getal",
    "null": "leeg",
}

_format_checker = FormatChecker()
_VISIBLE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@_format_checker.checks("partial-date", raises=ValueError)
def _partial_date(value: object) -> bool:
    if isinstance(value, str):
        parts = [int(part) for part in value.split("-")]
        dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    return True


@_format_checker.checks("local-datetime", raises=ValueError)
def _local_datetime(value: object) -> bool:
    if isinstance(value, str):
        dt.datetime.fromisoformat(value)
    return True


@_format_checker.checks("date", raises=ValueError)
def _date(value: object) -> bool:
    if isinstance(value, str):
        dt.date.fromisoformat(value)
    return True


def schema_path(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


@cache
def _registry() -> Registry:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in SCHEMA_DIR.glob("*.schema.json")
    ]
    return Registry().with_resources(resources)


def _ecma_pattern(validator, pattern: str, instance: Any, schema: dict):
    """`pattern` as JSON Schema means it (ECMA-262), where `$` is the end of the text. Python's
    `$` also matches before a final line break, so 'https://x' + a newline (what `veld: |`
    gives) would pass here and fail in editors' VS Code, and end up in a header or security.txt."""
    if isinstance(instance, str) and not _ecma(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma(pattern: str) -> re.Pattern:
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


_Validator = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return _Validator(schema, registry=_registry(), format_checker=_format_checker)


def validate(document: YamlFile, schema_name: str) -> list[Problem]:
    """Every schema violation in `document`, each with its line."""
    errors = list(validator(schema_name).iter_errors(document.data))
    # A value in the wrong form fails its pattern and its format; one message says it all.
    malformed = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    errors = [e for e in errors if not (e.validator == "format" and tuple(e.absolute_path) in malformed)]
    return [
        Problem(document.name, document.line(_where(error)), _message(error)) for error in errors
    ]


def _where(error: ValidationError) -> tuple:
    """The path to point at: an unknown field's own line rather than its item's."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {})
        path += tuple(sorted(set(error.instance) - set(allowed)))[:1]
    return path


def _field(error: ValidationError) -> str:
    """The name an editor sees in the file: the last key on the path, not a list index."""
    names = [part for part in error.absolute_path if isinstance(part, str)]
    return names[-1] if names else "het bestand"


def _shown(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, str):
        # A line break or tab shown as such would break the message's own line.
        return "'" + re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", lambda m: _VISIBLE.get(m[0], f"\\u{ord(m[0]):04x}"),
                            value) + "'"
    return json.dumps(value, ensure_ascii=False, default=str)


def _message(error: ValidationError) -> str:
    field = _field(error)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return f"veld '{missing[0]}' ontbreekt; voeg '{missing[0]}: ...' toe"
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        return (
            f"onbekend veld '{extra[0]}' (kies uit: {', '.join(allowed)}); "
            "controleer de spelling"
        )
    if kind == "type" and "typeErrorMessage" in schema:
        return f"'{field}': " + schema["typeErrorMessage"].format(waarde=error.instance)
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " of ".join(_TYPE_NAMES.get(name, name) for name in expected)
        return f"'{field}' moet {wanted} zijn, maar is {_shown(error.instance)}"
    if kind == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        return f"{_shown(error.instance)} is geen geldige waarde voor '{field}' (kies uit: {choices})"
    if kind in ("pattern", "format"):
        hint = schema.get("patternErrorMessage", "de vorm klopt niet")
        if kind == "format":
            hint = "deze datum of tijd bestaat niet"
        return f"{_shown(error.instance)} bij '{field}': {hint}"
    if kind == "oneOf" and "oneOfErrorMessage" in schema:
        return schema["oneOfErrorMessage"]
    if kind == "minItems":
        return f"'{field}' moet minstens {error.validator_value} item(s) hebben"
    if kind == "uniqueItems":
        return f"'{field}' bevat een waarde twee keer; haal de dubbele weg"
    return f"'{field}' is ongeldig ({error.message})"


@cache
def item_defaults(name: str, list_key: str) -> dict[str, Any]:
    """Optional fields of one item and their empty value, so templates can test them plainly."""
    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    items = schema["properties"][list_key]["items"]
    resolver = _registry().resolver()
    defaults: dict[str, Any] = {}
    for field, spec in items["properties"].items():
        if field in items["required"]:
            continue
        if "$ref" in spec:
            spec = {**resolver.lookup(spec["$ref"]).contents, **spec}
        defaults[field] = [] if spec.get("type") == "array" else None
    return defaults
