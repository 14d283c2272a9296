#!/usr/bin/env python3
"""Parse a Markdown file as CommonMark + GFM tables and print the tables as JSON.

Usage:
    python check_markdown.py FILE.md [--backend markdown-it|cmarkgfm] [--min-tables N]

Output (stdout), one entry per table in document order:
    [{"header": ["ID", "Name"], "align": ["left", ""],
      "rows": [["T1566", "Phishing"], ...]}]
Cell values are the *rendered plain text* of the cell (emphasis/code markup
removed, entities decoded, "\\|" unescaped), so tests can compare strings.

Exit codes: 0 ok; 1 fewer than --min-tables tables found (default 0), or a
row whose cell count differs from the header (cannot happen with a conforming
GFM parser: short rows are padded, long rows truncated); 2 usage/import error.

Backends
  markdown-it (default): pip install markdown-it-py  -- MarkdownIt("commonmark")
      with the built-in "table" rule enabled (no mdit-py-plugins needed).
  cmarkgfm: pip install cmarkgfm -- GitHub's own cmark-gfm C library; only
      gives HTML, which is re-parsed here with html.parser.
"""
import html.parser
import json
import sys


def tables_markdown_it(text):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = md.parse(text)
    tables, cur, row, in_head = [], None, None, False
    for tok in tokens:
        t = tok.type
        if t == "table_open":
            cur = {"header": [], "align": [], "rows": [], "line": (tok.map or [0])[0] + 1}
        elif t == "thead_open":
            in_head = True
        elif t == "thead_close":
            in_head = False
        elif t == "tr_open":
            row = []
        elif t in ("th_open", "td_open"):
            style = tok.attrGet("style") or ""
            if in_head:
                cur["align"].append(style.replace("text-align:", "").strip())
        elif t == "inline" and row is not None:
            row.append(_inline_text(tok))
        elif t == "tr_close":
            if in_head:
                cur["header"] = row
            else:
                cur["rows"].append(row)
            row = None
        elif t == "table_close":
            tables.append(cur)
            cur = None
    return tables


def _inline_text(tok):
    out = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(child.content)
    return "".join(out).strip()


class _HTMLTables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.cur, self.row, self.cell, self.in_head = [], None, None, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.cur = {"header": [], "align": [], "rows": []}
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.cur is not None:
            self.row = []
        elif tag in ("th", "td") and self.row is not None:
            self.cell = []
            if self.in_head:
                self.cur["align"].append(a.get("align", ""))

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            (self.cur.__setitem__("header", self.row) if self.in_head else self.cur["rows"].append(self.row))
            self.row = None
        elif tag == "thead":
            self.in_head = False
        elif tag == "table" and self.cur is not None:
            self.tables.append(self.cur)
            self.cur = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables_cmarkgfm(text):
    import cmarkgfm
    from cmarkgfm.cmark import Options

    rendered = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    p = _HTMLTables()
    p.feed(rendered)
    return p.tables


BACKENDS = {"markdown-it": tables_markdown_it, "cmarkgfm": tables_cmarkgfm}


def main(argv):
    args, backend, min_tables = [], "markdown-it", 0
    it = iter(argv[1:])
    for a in it:
        if a == "--backend":
            backend = next(it, "")
        elif a == "--min-tables":
            min_tables = int(next(it, "0"))
        else:
            args.append(a)
    if len(args) != 1 or backend not in BACKENDS:
        print("usage: check_markdown.py FILE.md [--backend markdown-it|cmarkgfm] [--min-tables N]",
              file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as fh:
            text = fh.read()
        tables = BACKENDS[backend](text)
    except ImportError as exc:
        print(f"backend {backend} not importable: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"cannot read {args[0]}: {exc}", file=sys.stderr)
        return 2
    json.dump(tables, sys.stdout, indent=2, ensure_ascii=False)
    print()
    rc = 0
    for i, t in enumerate(tables):
        for r in t["rows"]:
            if len(r) != len(t["header"]):
                print(f"table {i}: row {r} has {len(r)} cells, header has {len(t['header'])}",
                      file=sys.stderr)
                rc = 1
    if len(tables) < min_tables:
        print(f"found {len(tables)} tables, expected at least {min_tables}", file=sys.stderr)
        rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
