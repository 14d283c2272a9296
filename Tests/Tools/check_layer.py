#!/usr/bin/env python3
"""Validate an ATT&CK Navigator layer file with mitreattack-python in strict mode.

Usage:
    /tmp/navvenv/bin/python check_layer.py LAYER.json [--warnings-as-errors]

Exit codes:
    0  layer(s) loaded in strict mode
    1  rejected (message on stderr)
    2  usage error / mitreattack-python not importable / unreadable file

Why not just Layer().from_file(path)?
  * mitreattack-python never raises on a bad layer: it *prints* "[Layer] - ..."
    to stdout and leaves the internal layer as None (to_dict() -> None).
    This script captures that output and turns it into an exit code.
  * The spec (v4.5) allows a file holding a JSON *list* of layers; Layer._build
    does data["name"] on it and crashes with TypeError. We iterate the list.
  * We decode UTF-8 (with or without BOM) ourselves; from_file tries UTF-16
    first and falls back to the locale encoding.

--warnings-as-errors also fails on what strict mode only logs and skips:
  "... is missing parameters ... Skipping." (technique without techniqueID,
  metadata item without name/value, gradient/versions/filters missing keys)
  and "[WARNING] - unrecognized navigator/layer version".
  NB: a layer/technique metadata divider {"divider": true} (allowed by the
  spec) is also reported as "missing parameters ... Skipping" by the library.
"""
import contextlib
import io
import json
import sys


def _load_one(obj, index):
    from mitreattack.navlayers import Layer  # imported lazily for a clean exit 2

    where = f"layer[{index}]" if index is not None else "layer"
    if not isinstance(obj, dict):
        return False, f"{where}: not a JSON object ({type(obj).__name__})", ""
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            lyr = Layer(strict=True)
            lyr.from_dict(obj)
            result = lyr.to_dict()
    except Exception as exc:  # library bugs surface as raw exceptions
        return False, f"{where}: {type(exc).__name__}: {exc}", buf.getvalue()
    log = buf.getvalue()
    if not obj:
        return False, f"{where}: empty object (missing 'name' and 'domain')", log
    if result is None:
        lines = [l for l in log.splitlines() if l.strip() and "Full Traceback" not in l]
        # Keep the library's own messages; drop traceback body lines.
        msgs = [l for l in lines if l.startswith("[")] or lines or ["rejected"]
        return False, f"{where}: " + " | ".join(msgs), log
    return True, "", log


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a for a in argv[1:] if a.startswith("--")}
    if len(args) != 1 or flags - {"--warnings-as-errors"}:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        import mitreattack.navlayers  # noqa: F401
    except Exception as exc:
        print(f"cannot import mitreattack-python: {exc}", file=sys.stderr)
        return 2
    path = args[0]
    try:
        with open(path, "r", encoding="utf-8-sig") as fh:
            raw = fh.read()
    except OSError as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 2
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        print(f"{path}: invalid JSON: {exc}", file=sys.stderr)
        return 1

    layers = [(data, None)] if isinstance(data, dict) else None
    if isinstance(data, list):
        if not data:
            print(f"{path}: empty list of layers", file=sys.stderr)
            return 1
        layers = [(o, i) for i, o in enumerate(data)]
    if layers is None:
        print(f"{path}: top level must be an object or a list of objects", file=sys.stderr)
        return 1

    failed = False
    for obj, idx in layers:
        ok, msg, log = _load_one(obj, idx)
        warn = [l for l in log.splitlines()
                if "Skipping" in l or "[WARNING]" in l or "[NOTICE]" in l]
        for w in warn:
            print(f"warning: {w}", file=sys.stderr)
        if not ok:
            print(f"{path}: INVALID {msg}", file=sys.stderr)
            failed = True
        elif warn and "--warnings-as-errors" in flags:
            print(f"{path}: INVALID (warnings-as-errors) layer[{idx}]", file=sys.stderr)
            failed = True
    if failed:
        return 1
    print(f"{path}: OK ({len(layers)} layer{'s' if len(layers) != 1 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
