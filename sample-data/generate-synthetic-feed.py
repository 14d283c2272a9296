#!/usr/bin/env python3
"""Generate ThreatDeck's SYNTHETIC activity feed (native format, threatdeck-report@1).

    python3 sample-data/generate-synthetic-feed.py            # writes synthetic-activity-feed.json
    python3 sample-data/generate-synthetic-feed.py --check    # exit 1 if the file on disk differs
    options: --out PATH, --misp PATH (MISP threat-actor galaxy; default ../shared/data/misp-galaxy/threat-actor.json
             relative to the repository root)

Everything here is made up: fictional actors with vendor-style names and about 450 events from
2023-01-01 to 2026-06-30, for demos, screenshots and tests. It is not intelligence. Standard library
only; random.Random(20260331) makes the output byte-identical on every run.

Before writing, the script
  * fails if any fictional name or alias equals a real actor name or synonym in the MISP galaxy
    (case-insensitive, spaces and hyphens ignored), and
  * validates the feed against schema/threatdeck-report-1.schema.json with a small validator for
    the JSON Schema keywords that schema uses, plus id uniqueness and reference checks.
"""
import argparse
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path
import random

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "schema" / "threatdeck-report-1.schema.json"
DEFAULT_OUT = HERE / "synthetic-activity-feed.json"
DEFAULT_MISP = HERE.parent.parent / "shared" / "data" / "misp-galaxy" / "threat-actor.json"
SEED = 20260331
START = dt.date(2023, 1, 1)
END = dt.date(2026, 6, 30)
SOURCE = "synthetic-generator"

TECHNIQUES = {
    "spray": ("Password spraying", "T1110.003"),
    "public-app": ("Exploit public-facing application", "T1190"),
    "spearphish-att": ("Spearphishing attachment", "T1566.001"),
    "spearphish-link": ("Spearphishing link", "T1566.002"),
    "cloud-accounts": ("Valid accounts: cloud accounts", "T1078.004"),
    "supply-chain": ("Supply chain compromise", "T1195"),
    "trusted-rel": ("Trusted relationship", "T1199"),
    "remote-services": ("External remote services", "T1133"),
    "encrypt": ("Data encrypted for impact", "T1486"),
    "dos": ("Network denial of service", "T1498"),
    "exfil-web": ("Exfiltration over web service", "T1567"),
    "token": ("Steal application access token", "T1528"),
    "personas": ("Establish accounts", "T1585"),
    "cloud-storage": ("Data from cloud storage", "T1530"),
    "code-repos": ("Data from code repositories", "T1213.003"),
    "deface": ("Defacement", "T1491"),
}

# Fictional actors. nexus is set only where noted: ThreatDeck infers it from the animal otherwise,
# and the two "Cluster" names follow no convention, so their nexus stays unknown.
# fields: id, name, type, motivations, {sector: weight}, regions, techniques, weight, active (from, to), extra
ACTOR_ROWS = [
    ("abacus-panda", "Abacus Panda", "state", ["espionage"],
     {"cloud": 5, "software": 3, "technology": 2, "it-services": 2}, ["northern-america", "europe"],
     ["spray", "cloud-accounts", "token"], 4, ("2023-01-01", None), {}),
    ("gravel-panda", "Gravel Panda", "state", ["espionage"],
     {"government": 4, "telecommunications": 4, "diplomacy": 2}, ["south-eastern-asia", "southern-asia"],
     ["public-app", "remote-services"], 4, ("2023-01-01", None), {"nexus": "CN"}),
    ("lantern-panda", "Lantern Panda", "state", ["espionage"],
     {"semiconductors": 6, "technology": 2, "manufacturing": 1}, ["eastern-asia", "northern-america"],
     ["public-app", "supply-chain"], 4, ("2023-01-01", None), {}),
    ("thimble-panda", "Thimble Panda", "state", ["espionage"],
     {"software": 4, "technology": 3, "it-services": 2}, ["northern-america", "western-europe"],
     ["supply-chain", "code-repos"], 2, ("2023-04-01", None), {}),
    ("marble-panda", "Marble Panda", "state", ["espionage"],
     {"defense-industrial-base": 3, "aerospace": 2, "research": 2, "technology": 2}, ["northern-america", "eastern-asia"],
     ["spearphish-att", "public-app"], 3, ("2023-01-01", "2025-12-31"), {"aliases": ["Cluster 3158"]}),
    ("saffron-panda", "Saffron Panda", "state", ["espionage"],
     {"ai-research": 6, "cloud": 2, "technology": 2}, ["northern-america", "europe"],
     ["cloud-accounts", "cloud-storage", "exfil-web"], 3, ("2024-03-01", None), {}),
    ("kite-panda", "Kite Panda", "state", ["espionage"],
     {"technology": 3, "ai-research": 2, "education": 2, "research": 2}, ["northern-america", "eastern-asia"],
     ["spearphish-link", "spray"], 2, ("2024-06-01", None), {}),
    ("juniper-panda", "Juniper Panda", "state", ["espionage"],
     {"telecommunications": 3, "cloud": 2, "semiconductors": 2, "government": 1}, ["eastern-asia", "south-eastern-asia"],
     ["public-app", "remote-services"], 3, ("2025-01-01", None), {}),
    ("birch-bear", "Birch Bear", "state", ["espionage", "disruption"],
     {"government": 3, "technology": 2, "energy": 2, "diplomacy": 2}, ["europe", "eastern-europe"],
     ["spearphish-link", "spray"], 3, ("2023-01-01", "2025-06-30"), {}),
    ("sleet-bear", "Sleet Bear", "state", ["espionage"],
     {"technology": 4, "cloud": 4, "government": 1, "defense": 1}, ["europe", "northern-america"],
     ["cloud-accounts", "token"], 3, ("2023-09-01", None), {}),
    ("harbor-chollima", "Harbor Chollima", "state", ["financial", "espionage"],
     {"software": 3, "it-services": 3, "technology": 2}, ["northern-america", "europe", "asia"],
     ["personas", "trusted-rel"], 3, ("2023-01-01", None), {}),
    ("ledger-chollima", "Ledger Chollima", "state", ["financial"],
     {"cryptocurrency": 5, "software": 3, "financial-services": 1}, ["world", "eastern-asia"],
     ["spearphish-link", "supply-chain"], 3, ("2023-01-01", None), {}),
    ("pistachio-kitten", "Pistachio Kitten", "state", ["espionage"],
     {"technology": 3, "government": 3, "research": 2, "civil-society": 1}, ["western-asia", "northern-america"],
     ["spearphish-link", "spray"], 2, ("2023-01-01", None), {}),
    ("mosaic-kitten", "Mosaic Kitten", "state", ["disruption", "influence"],
     {"technology": 3, "infrastructure-water": 2, "media": 2}, ["western-asia", "europe"],
     ["public-app", "deface"], 2, ("2023-06-01", None), {}),
    ("lattice-tiger", "Lattice Tiger", "state", ["espionage"],
     {"government": 3, "technology": 2, "defense": 1}, ["southern-asia", "eastern-asia"],
     ["spearphish-att"], 2, ("2023-01-01", None), {}),
    ("paddy-buffalo", "Paddy Buffalo", "state", ["espionage"],
     {"automotive": 2, "technology": 2, "manufacturing": 1, "civil-society": 1}, ["south-eastern-asia"],
     ["spearphish-att", "public-app"], 2, ("2023-01-01", None), {}),
    ("parcel-spider", "Parcel Spider", "ecrime", ["financial"],
     {"healthcare": 3, "manufacturing": 3, "logistics": 2, "technology": 1}, ["northern-america", "europe"],
     ["remote-services", "encrypt"], 4, ("2023-01-01", None), {"nexus": "RU"}),
    ("invoice-spider", "Invoice Spider", "ecrime", ["financial"],
     {"financial-services": 3, "retail": 2, "software": 2, "cloud": 1}, ["northern-america", "western-europe"],
     ["spearphish-link", "cloud-accounts", "exfil-web"], 3, ("2023-07-01", None), {}),
    ("banner-jackal", "Banner Jackal", "hacktivist", ["ideology", "notoriety"],
     {"government": 4, "media": 2, "transportation": 1}, ["europe", "western-asia"],
     ["dos", "deface"], 2, ("2023-01-01", None), {}),
    ("cluster-7741", "Cluster 7741", "unknown", [],
     {"software": 2, "it-services": 2, "telecommunications": 1}, ["europe", "northern-america"],
     ["public-app"], 2, ("2025-06-01", None), {"nexus": "unknown"}),
    ("cluster-2390", "Cluster 2390", "unknown", [],
     {"energy": 2, "oil-gas": 2, "technology": 1}, ["western-asia", "europe"],
     ["remote-services"], 1, ("2024-01-01", None), {}),
]
Actor = collections.namedtuple(
    "Actor", "id name type motivations sectors regions techniques weight active extra")
ACTORS = [Actor(*row) for row in ACTOR_ROWS]
NEXUS_BY_SUFFIX = {"Panda": "CN", "Bear": "RU", "Chollima": "KP", "Kitten": "IR", "Tiger": "IN", "Buffalo": "VN"}

KINDS = {
    "state": {"intrusion": 28, "exploitation": 22, "credential-attack": 15, "phishing": 18, "data-theft": 12, "malware": 5},
    "state-financial": {"insider": 30, "data-theft": 25, "phishing": 25, "malware": 10, "intrusion": 10},
    "state-disruption": {"intrusion": 25, "phishing": 25, "malware": 20, "ddos": 10, "other": 10, "credential-attack": 10},
    "ecrime": {"ransomware": 40, "data-theft": 20, "phishing": 15, "credential-attack": 10, "exploitation": 15},
    "hacktivist": {"ddos": 60, "disclosure": 25, "other": 15},
    "unknown": {"exploitation": 45, "intrusion": 30, "malware": 25},
}
PHRASES = {
    "intrusion": ["intrusion into the network of", "persistent access inside", "lateral movement inside"],
    "exploitation": ["exploitation of an edge appliance at", "exploitation of a public-facing web application at",
                     "exploitation of a VPN gateway at"],
    "credential-attack": ["credential spraying against", "password spraying against", "brute-force logins against"],
    "phishing": ["spear-phishing aimed at staff of", "credential phishing aimed at"],
    "malware": ["backdoor found at", "loader activity at"],
    "insider": ["remote IT worker with a false identity hired by", "fraudulent contractor placed at"],
    "data-theft": ["data exfiltration from", "theft of source code from", "theft of internal documents from"],
    "ransomware": ["ransomware deployment at", "data-leak extortion against"],
    "ddos": ["DDoS against public websites of"],
    "disclosure": ["leak of allegedly stolen files from"],
    "other": ["website defacement of"],
}
TARGETS = {
    "technology": "a technology company", "ai-research": "an AI research lab", "semiconductors": "a chip designer",
    "cloud": "a cloud provider tenant", "software": "a software vendor", "it-services": "a managed IT provider",
    "telecommunications": "a telecom operator", "government": "a government ministry", "diplomacy": "a foreign ministry",
    "defense-industrial-base": "a defence contractor", "defense": "a defence agency", "aerospace": "an aerospace firm",
    "research": "a research institute", "education": "a university", "manufacturing": "a manufacturer",
    "energy": "an energy utility", "oil-gas": "an oil and gas operator", "cryptocurrency": "a cryptocurrency exchange",
    "financial-services": "a bank", "healthcare": "a hospital group", "logistics": "a logistics firm",
    "retail": "a retailer", "media": "a news outlet", "civil-society": "a civil-society group",
    "transportation": "a transport operator", "automotive": "a carmaker", "infrastructure-water": "a water utility",
}
COUNTRIES = {
    "northern-america": ["US", "US", "US", "CA"], "europe": ["DE", "GB", "FR", "NL", "PL"],
    "western-europe": ["DE", "FR", "NL", "BE"], "eastern-europe": ["PL", "UA", "RO"],
    "eastern-asia": ["TW", "JP", "KR"], "south-eastern-asia": ["VN", "PH", "ID", "MY", "SG"],
    "southern-asia": ["IN", "BD", "LK"], "western-asia": ["IL", "SA", "AE"], "asia": ["JP", "SG", "IN"],
    "world": [],
}
TECH = {"technology", "ai-research", "semiconductors", "cloud", "software", "it-services"}

# Campaign-like bursts: (actor, first day, length in days, events, sectors, region, countries, kinds)
BURSTS = [
    ("birch-bear", "2023-03-06", 20, 8, ["energy", "government"], "europe", ["PL", "DE"], ["phishing", "intrusion"]),
    ("lantern-panda", "2023-10-02", 21, 9, ["semiconductors"], "eastern-asia", ["TW"], ["exploitation", "intrusion"]),
    ("ledger-chollima", "2024-03-11", 28, 10, ["cryptocurrency"], "eastern-asia", ["KR", "JP"], ["phishing", "data-theft"]),
    ("parcel-spider", "2024-07-15", 18, 12, ["healthcare", "manufacturing"], "northern-america", ["US"], ["ransomware"]),
    ("banner-jackal", "2024-10-07", 10, 10, ["government"], "europe", ["DE", "NL", "FR"], ["ddos"]),
    ("abacus-panda", "2025-05-05", 25, 12, ["cloud", "software"], "northern-america", ["US"], ["credential-attack", "intrusion"]),
    ("sleet-bear", "2025-07-07", 21, 10, ["cloud", "technology"], "northern-america", ["US", "CA"], ["credential-attack", "intrusion"]),
    ("gravel-panda", "2025-09-08", 30, 14, ["government", "telecommunications"], "south-eastern-asia", ["PH", "VN", "MY"], ["intrusion", "exploitation"]),
    ("harbor-chollima", "2025-11-03", 35, 12, ["software", "it-services"], "northern-america", ["US"], ["insider"]),
    ("saffron-panda", "2026-01-12", 24, 12, ["ai-research"], "northern-america", ["US"], ["intrusion", "data-theft"]),
    ("cluster-7741", "2026-04-20", 14, 9, ["software", "it-services"], "europe", ["GB", "DE"], ["exploitation"]),
]


def day(s):
    return dt.date.fromisoformat(s)


def weighted(rng, table):
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def months():
    y, m = START.year, START.month
    while (y, m) <= (END.year, END.month):
        yield y, m
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)


def actor_entries():
    out = []
    for actor in ACTORS:
        aid, name, kind, motives, sectors, regions, techs, _weight, _active, extra = actor
        entry = {"id": aid, "name": name}
        if extra.get("aliases"):
            entry["aliases"] = extra["aliases"]
        if extra.get("nexus"):
            entry["nexus"] = extra["nexus"]
        entry["type"] = kind
        if motives:
            entry["motivations"] = motives
        entry["sectors"] = sorted(sectors, key=lambda s: -sectors[s])
        entry["regions"] = regions
        entry["techniques"] = [{"name": TECHNIQUES[t][0], "attack_id": TECHNIQUES[t][1]} for t in techs]
        entry["description"] = "Synthetic actor for demos; fictional name, not a real adversary."
        entry["sources"] = [SOURCE]
        out.append(entry)
    return out


def kind_table(actor):
    if actor.type != "state":
        return KINDS[actor.type]
    if actor.motivations[0] == "financial":
        return KINDS["state-financial"]
    if "disruption" in actor.motivations:
        return KINDS["state-disruption"]
    return KINDS["state"]


def make_event(rng, when, actor, sector=None, region=None, countries=None, kind=None, nexus=None):
    """One event dict (without id); actor may be None for unattributed activity."""
    if actor:
        sector = sector or weighted(rng, actor.sectors)
        region = region or rng.choice(actor.regions)
        kind = kind or weighted(rng, kind_table(actor))
    ev = {"kind": kind}
    length = 0
    if kind == "insider":
        length = rng.randint(20, 120)
    elif rng.random() < 0.15:
        length = rng.randint(2, 30)
    end = min(when + dt.timedelta(days=length), END)
    if end > when:
        ev["start"], ev["end"] = when.isoformat(), end.isoformat()
    else:
        ev["date"] = when.isoformat()
    ev["_sort"] = when.isoformat()
    if actor:
        ev["actors"] = [actor.id]
    if nexus:
        ev["nexus"] = nexus
    event_sectors = [sector]
    if rng.random() < 0.15:
        extra = "technology" if sector in TECH and sector != "technology" else None
        if extra:
            event_sectors.append(extra)
    ev["sectors"] = event_sectors
    ev["regions"] = [region]
    if countries is None and rng.random() < 0.35 and COUNTRIES[region]:
        countries = [rng.choice(COUNTRIES[region])]
    if countries:
        ev["countries"] = countries
    phrase = rng.choice(PHRASES[kind])
    ev["summary"] = f"Synthetic: {phrase} {TARGETS.get(sector, 'an organisation')}"
    if "countries" in ev:
        ev["summary"] += f" ({', '.join(ev['countries'])})"
    ev["sources"] = [SOURCE]
    return ev


def active(actor, when):
    start, stop = actor.active
    return day(start) <= when and (stop is None or when <= day(stop))


def generate():
    rng = random.Random(SEED)
    events = []
    month_list = list(months())
    for index, (y, m) in enumerate(month_list):
        # activity rises over the 3.5 years: about 4-5 events a month at the start, 12-13 at the end
        rate = 4.5 + 8.0 * index / (len(month_list) - 1)
        count = max(1, round(rate * rng.uniform(0.7, 1.3)))
        first = dt.date(y, m, 1)
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
        for _ in range(count):
            when = first + dt.timedelta(days=rng.randint(0, (last - first).days))
            roll = rng.random()
            if roll < 0.08:  # attributed to a nexus, no named actor
                nexus = rng.choice(["CN", "CN", "KP", "RU", "IR"])
                sector = rng.choice(["technology", "cloud", "software", "government", "telecommunications"])
                region = rng.choice(["northern-america", "europe", "south-eastern-asia", "eastern-asia"])
                ev = make_event(rng, when, None, sector, region, kind=rng.choice(["intrusion", "exploitation", "phishing"]),
                                nexus=nexus)
            elif roll < 0.12:  # unattributed
                sector = rng.choice(["technology", "healthcare", "education", "manufacturing", "software"])
                region = rng.choice(["northern-america", "europe", "asia"])
                ev = make_event(rng, when, None, sector, region, kind=rng.choice(["exploitation", "malware", "ransomware"]))
            else:
                pool = [a for a in ACTORS if active(a, when)]
                actor = rng.choices(pool, weights=[a.weight for a in pool])[0]
                ev = make_event(rng, when, actor)
            events.append(ev)
    by_id = {a.id: a for a in ACTORS}
    for aid, first, length, count, sectors, region, countries, kinds in BURSTS:
        start = day(first)
        for _ in range(count):
            when = start + dt.timedelta(days=rng.randint(0, length - 1))
            ev = make_event(rng, when, by_id[aid], rng.choice(sectors), region, [rng.choice(countries)],
                            rng.choice(kinds))
            events.append(ev)
    events.sort(key=lambda e: (e["_sort"], e["summary"]))
    ordered = []
    for number, ev in enumerate(events, 1):
        del ev["_sort"]
        ordered.append({"id": f"syn-ev-{number:04d}", **ev})
    return ordered


def build():
    events = generate()
    return {
        "schema": "threatdeck-report@1",
        "report": {
            "id": "synthetic-activity-feed",
            "title": "SYNTHETIC activity feed: fictional actors and events, 2023-01 to 2026-06",
            "period": {"start": START.isoformat(), "end": END.isoformat()},
            "summary": "Generated by generate-synthetic-feed.py with seed 20260331 for demos and tests. "
                       "Every actor and event is fictional; this is not intelligence and says nothing about real "
                       "adversaries. Actor names were checked against the MISP threat-actor galaxy so that none is "
                       "a real name.",
            "synthetic": True,
            "sources": [SOURCE],
        },
        "sources": [{
            "id": SOURCE,
            "title": "generate-synthetic-feed.py, seed 20260331",
            "file": "sample-data/generate-synthetic-feed.py",
            "note": "Synthetic data, not intelligence.",
        }],
        "actors": actor_entries(),
        "events": events,
    }


# --- checks ---------------------------------------------------------------------------------------

def normalise(name):
    return re.sub(r"[\s_-]+", " ", name).strip().casefold()


def check_names(feed, misp_path):
    try:
        galaxy = json.loads(Path(misp_path).read_text(encoding="utf-8"))
    except OSError as err:
        sys.exit(f"cannot read the MISP threat-actor galaxy to check names ({err}); pass --misp PATH")
    real = {}
    for value in galaxy["values"]:
        for name in [value["value"]] + list((value.get("meta") or {}).get("synonyms") or []):
            real.setdefault(normalise(name), value["value"])
    clashes = []
    for actor in feed["actors"]:
        for name in [actor["name"]] + actor.get("aliases", []):
            if normalise(name) in real:
                clashes.append(f"{name!r} is a real actor name (MISP: {real[normalise(name)]})")
    if clashes:
        sys.exit("name collision with the MISP threat-actor galaxy:\n  " + "\n  ".join(clashes))


ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description"}


def schema_errors(value, schema, root, path="$"):
    """Errors of value against schema, for the keywords threatdeck-report-1 uses; unknown keywords fail."""
    errors = []
    for key in schema:
        if key not in ANNOTATIONS and key not in {
                "$ref", "type", "const", "enum", "pattern", "minLength", "maxLength", "minItems", "minimum",
                "required", "properties", "additionalProperties", "items", "oneOf", "minProperties"}:
            raise ValueError(f"schema keyword {key!r} at {path} is not supported by this checker")
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        errors += schema_errors(value, target, root, path)
    kind = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "boolean": bool}
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return errors + [f"{path}: not a number"]
    if kind in types and not isinstance(value, types[kind]):
        return errors + [f"{path}: not a {kind}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: must be {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in enum")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            errors.append(f"{path}: length out of range")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < schema.get("minimum", value):
        errors.append(f"{path}: below minimum")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{path}: too few items")
        if "items" in schema:
            for i, item in enumerate(value):
                errors += schema_errors(item, schema["items"], root, f"{path}[{i}]")
    if isinstance(value, dict):
        if len(value) < schema.get("minProperties", 0):
            errors.append(f"{path}: too few properties")
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{path}: missing {name}")
        props = schema.get("properties", {})
        for name, item in value.items():
            if name in props:
                errors += schema_errors(item, props[name], root, f"{path}.{name}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected property {name}")
    if "oneOf" in schema:
        matches = sum(not schema_errors(value, option, root, path) for option in schema["oneOf"])
        if matches != 1:
            errors.append(f"{path}: matches {matches} of the oneOf alternatives, not exactly one")
    return errors


def check_feed(feed):
    root = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = schema_errors(feed, root, root)
    for array in ("sources", "actors", "events"):
        ids = [item["id"] for item in feed.get(array, [])]
        errors += [f"{array}: duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    source_ids = {s["id"] for s in feed["sources"]}
    actor_ids = {a["id"] for a in feed["actors"]}
    for item in [feed["report"]] + feed["actors"] + feed["events"]:
        errors += [f"{item['id']}: unknown source {s}" for s in item.get("sources", []) if s not in source_ids]
    for ev in feed["events"]:
        errors += [f"{ev['id']}: unknown actor {a}" for a in ev.get("actors", []) if a not in actor_ids]
        if "start" in ev and not ev["start"] <= ev["end"]:
            errors.append(f"{ev['id']}: ends before it starts")
    if errors:
        sys.exit("synthetic feed does not validate:\n  " + "\n  ".join(errors[:50]))


def stats(feed):
    events = feed["events"]
    nexus_of = {}
    for a in feed["actors"]:
        suffix = a["name"].split()[-1]
        nexus_of[a["id"]] = a.get("nexus") or NEXUS_BY_SUFFIX.get(suffix, "unknown")
    types = {a["id"]: a["type"] for a in feed["actors"]}

    def cn_share(evs):
        state_tech = [e for e in evs if TECH & set(e["sectors"])
                      and (("actors" in e and types[e["actors"][0]] == "state") or "nexus" in e)]
        cn = [e for e in state_tech if (nexus_of[e["actors"][0]] if "actors" in e else e["nexus"]) == "CN"]
        return f"{len(cn)}/{len(state_tech)} = {100 * len(cn) / max(1, len(state_tech)):.0f}%"

    in_period = [e for e in events if "2025-04-01" <= e.get("date", e.get("start")) <= "2026-03-31"]
    multi = sum("start" in e for e in events)
    return (f"{len(feed['actors'])} actors, {len(events)} events ({multi} multi-day); China-nexus share of "
            f"state-sponsored technology-sector events: {cn_share(events)} overall, "
            f"{cn_share(in_period)} from 2025-04-01 to 2026-03-31")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--misp", type=Path, default=DEFAULT_MISP)
    parser.add_argument("--check", action="store_true", help="compare with the file on disk instead of writing")
    args = parser.parse_args()
    feed = build()
    check_names(feed, args.misp)
    check_feed(feed)
    text = json.dumps(feed, indent=2, ensure_ascii=False) + "\n"
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
        if current != text:
            sys.exit(f"{args.out} is out of date; rerun without --check")
        print(f"{args.out} is up to date ({stats(feed)})")
        return
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({stats(feed)})")


if __name__ == "__main__":
    main()
