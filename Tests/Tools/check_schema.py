#!/usr/bin/env python3
"""Validate a JSON document against a JSON Schema (Draft 2020-12).

Usage:
    python check_schema.py SCHEMA.json DOC.json

Exit codes: 0 valid; 1 document invalid (every error printed to stderr as
"<json-path>: <message>"); 2 usage error, unreadable/invalid-JSON input,
invalid schema, or jsonschema not installed.

The schema is checked against the 2020-12 metaschema first. The validator is
always Draft202012Validator, whatever "$schema" says. "format" is asserted via
FORMAT_CHECKER (date, email, ipv4/ipv6, regex, uuid ... with no extra deps;
"uri" needs rfc3987 and "date-time" needs rfc3339-validator, otherwise those
two formats are silently not checked).
"""
import json
import sys


def _load(path, what):
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"cannot load {what} {path}: {exc}", file=sys.stderr)
        sys.exit(2)


def _leaves(err, best_match):
    """Expand oneOf/anyOf errors into the errors of the most relevant branch:
    branches failing only because the instance has the wrong JSON type at the
    branch root (e.g. "object" vs "array of objects") are dropped first."""
    if not err.context:
        return [err]
    branches = {}
    for sub in err.context:
        key = sub.relative_schema_path[0] if sub.relative_schema_path else None
        branches.setdefault(key, []).append(sub)
    typed = {k: v for k, v in branches.items()
             if not any(e.validator == "type" and not e.relative_path for e in v)}
    pool = typed or branches
    best = best_match([e for v in pool.values() for e in v])
    key = best.relative_schema_path[0] if best.relative_schema_path else None
    out = [leaf for sub in pool.get(key, []) for leaf in _leaves(sub, best_match)]
    return out or [err]


def _short(msg, limit=200):
    return msg if len(msg) <= limit else msg[: limit - 3] + "..."


def main(argv):
    if len(argv) != 3:
        print("usage: check_schema.py SCHEMA.json DOC.json", file=sys.stderr)
        return 2
    try:
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError, best_match
    except ImportError as exc:
        print(f"jsonschema not importable: {exc}", file=sys.stderr)
        return 2
    schema = _load(argv[1], "schema")
    doc = _load(argv[2], "document")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        print(f"invalid schema {argv[1]}: {_short(exc.message)} at {exc.json_path}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [leaf for e in validator.iter_errors(doc) for leaf in _leaves(e, best_match)]
    errors.sort(key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        for err in errors:
            print(f"{err.json_path}: {_short(err.message)}", file=sys.stderr)
        print(f"{argv[2]}: INVALID ({len(errors)} error{'s' if len(errors) != 1 else ''})",
              file=sys.stderr)
        return 1
    print(f"{argv[2]}: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
