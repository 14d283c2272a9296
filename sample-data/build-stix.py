#!/usr/bin/env python3
"""Build the STIX 2.1 bundle for a ThreatDeck native report.

    python3 sample-data/build-stix.py [NATIVE.json [OUT.stix.json]]

Defaults: crowdstrike-2026-tech-intrusions.json -> crowdstrike-2026-tech-intrusions.stix.json,
both next to this script. Standard library only. The output is deterministic: every STIX id is a
UUIDv5 of a fixed namespace and a stable name, and every timestamp is fixed, so a rerun on the same
input writes the same bytes. Check the result with ../shared/tools/validate-stix.

Mapping:
  named actor           -> intrusion-set
  collective actor      -> threat-actor (a name that says it is unnamed activity)
  nexus / regions / countries -> location, via originates-from / targets
  sectors               -> identity (identity_class "class"); sub-sectors STIX lacks keep their
                           parent STIX sector plus x_threatdeck_sector
  techniques            -> attack-pattern (ATT&CK external reference where an id is given), via uses
  dated events          -> campaign (first_seen/last_seen), attributed-to its actors, targets
  publication events    -> not an object: the date stays on the source's external reference
  findings              -> note with the "ThreatDeck measured finding" property extension
  sources               -> external_references (source_name = the native source id)
"""
import json
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_IN = HERE / "crowdstrike-2026-tech-intrusions.json"
DEFAULT_OUT = HERE / "crowdstrike-2026-tech-intrusions.stix.json"

# Fixed namespace for this sample data's ids; never change it, or every id changes.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://threatdeck.invalid/sample-data/stix")
TIMESTAMP = "2026-11-21T00:00:00.000Z"
EXTENSION_ID = "extension-definition--a691854c-88d8-4b19-80c4-59ef2fe96bfb"
EXTENSION_SCHEMA = "https://threatdeck.invalid/stix/extensions/measured-finding-1.0.0.schema.json"

# STIX 2.1 industry-sector-ov; ThreatDeck's finer sectors map to a parent from it.
STIX_SECTORS = {
    "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction",
    "defense", "education", "energy", "entertainment", "financial-services", "government",
    "government-emergency-services", "government-local", "government-national", "government-public-services",
    "government-regional", "healthcare", "hospitality-leisure", "infrastructure", "infrastructure-dams",
    "infrastructure-nuclear", "infrastructure-water", "insurance", "manufacturing", "mining", "non-profit",
    "pharmaceuticals", "retail", "technology", "telecommunications", "transportation", "utilities",
}
SECTOR_PARENT = {
    "ai-research": "technology", "semiconductors": "technology", "cloud": "technology",
    "software": "technology", "it-services": "technology", "cryptocurrency": "financial-services",
    "diplomacy": "government", "military": "defense", "defense-industrial-base": "defense",
    "oil-gas": "energy", "aviation": "transportation", "maritime": "transportation",
    "logistics": "transportation", "rail": "transportation", "gaming": "entertainment",
}
SECTOR_NAMES = {
    "technology": "Technology sector", "ai-research": "AI research organisations",
    "semiconductors": "Semiconductor firms", "cloud": "Cloud providers", "software": "Software firms",
    "it-services": "IT service providers", "government": "Government organisations",
    "telecommunications": "Telecommunications sector",
}
REGION_NAMES = {
    "northern-america": "Northern America", "south-eastern-asia": "South-eastern Asia",
    "eastern-asia": "Eastern Asia", "southern-asia": "Southern Asia", "western-asia": "Western Asia",
    "europe": "Europe", "asia": "Asia", "world": "World",
}
COUNTRY_NAMES = {"CN": "China", "KP": "North Korea", "US": "United States", "RU": "Russia", "IR": "Iran"}
ACTOR_TYPES = {"state": "nation-state", "ecrime": "crime-syndicate", "hacktivist": "activist", "unknown": "unknown"}
# Finding fields copied into the extension, under these names; absent fields stay absent.
FINDING_FIELDS = ("metric", "value", "qualifier", "population", "sector", "region", "basis")


def stix_id(kind, name):
    return f"{kind}--{uuid.uuid5(NAMESPACE, kind + '|' + name)}"


def day_timestamp(date):
    """A native date (day or RFC 3339 timestamp) as a STIX timestamp at the start of that day."""
    return date[:10] + "T00:00:00.000Z"


class Bundle:
    def __init__(self, creator_ref):
        self.creator_ref = creator_ref
        self.objects = {}

    def add(self, kind, key, fixed_id=None, **props):
        """Adds an object once (by id) and returns its id; props that are None or empty are left out."""
        oid = fixed_id or stix_id(kind, key)
        if oid not in self.objects:
            obj = {"type": kind, "spec_version": "2.1", "id": oid}
            if oid != self.creator_ref:
                obj["created_by_ref"] = self.creator_ref
            obj["created"] = TIMESTAMP
            obj["modified"] = TIMESTAMP
            obj.update({k: v for k, v in props.items() if v not in (None, [], {})})
            self.objects[oid] = obj
        return oid

    def relate(self, source_ref, rel, target_ref, refs=None):
        return self.add("relationship", f"{source_ref}|{rel}|{target_ref}", relationship_type=rel,
                        source_ref=source_ref, target_ref=target_ref, external_references=refs)


def build(native):
    report = native["report"]
    sources = {s["id"]: s for s in native.get("sources", [])}

    def refs(ids):
        out = []
        for sid in ids:
            s = sources[sid]
            parts = [s["title"]]
            if s.get("publisher"):
                parts.append(f"publisher {s['publisher']}")
            if s.get("published"):
                parts.append(f"published {s['published'][:10]}")
            if s.get("file"):
                parts.append(f"file {s['file']}")
            ref = {"source_name": sid, "description": "; ".join(parts)}
            if s.get("url"):
                ref["url"] = s["url"]
            out.append(ref)
        return out

    threatdeck = stix_id("identity", "threatdeck")
    b = Bundle(threatdeck)
    b.add("identity", "threatdeck", name="ThreatDeck sample data", identity_class="organization",
          description="Author of ThreatDeck's bundled sample data, converted from the native format by build-stix.py.")
    publisher_ref = None
    if report.get("publisher"):
        publisher_ref = b.add("identity", "publisher|" + report["publisher"], name=report["publisher"],
                              identity_class="organization")
    b.add("extension-definition", "measured-finding", fixed_id=EXTENSION_ID, name="ThreatDeck measured finding",
          description="A figure stated by a source: metric (share or count), value, qualifier, the subject nexus, "
                      "the population measured, an optional sector and period, and the basis for the reading.",
          schema=EXTENSION_SCHEMA, version="1.0.0", extension_types=["property-extension"])

    report_ref = stix_id("report", report["id"])
    b.objects[report_ref] = None  # placeholder keeps the report near the top; filled in at the end

    def location(kind, code):
        if kind == "country":
            return b.add("location", "country|" + code, name=COUNTRY_NAMES.get(code, code), country=code)
        return b.add("location", "region|" + code, name=REGION_NAMES.get(code, code.replace("-", " ").title()),
                     region=code)

    def sector_identity(sector):
        props = {"name": SECTOR_NAMES.get(sector, sector.replace("-", " ").capitalize() + " sector"),
                 "identity_class": "class"}
        if sector in STIX_SECTORS:
            props["sectors"] = [sector]
        else:
            if sector in SECTOR_PARENT:
                props["sectors"] = [SECTOR_PARENT[sector]]
            props["x_threatdeck_sector"] = sector
        return b.add("identity", "sector|" + sector, **props)

    def targets(src, item, src_refs):
        for sector in item.get("sectors", []):
            b.relate(src, "targets", sector_identity(sector), src_refs)
        for region in item.get("regions", []):
            b.relate(src, "targets", location("region", region), src_refs)
        for country in item.get("countries", []):
            b.relate(src, "targets", location("country", country), src_refs)

    actor_refs = {}
    for actor in native.get("actors", []):
        motivations = actor.get("motivations", [])
        common = dict(name=actor["name"], description=actor.get("description"), aliases=actor.get("aliases"),
                      primary_motivation=motivations[0] if motivations else None,
                      secondary_motivations=motivations[1:], external_references=refs(actor["sources"]))
        if actor.get("collective"):
            ref = b.add("threat-actor", actor["id"], threat_actor_types=[ACTOR_TYPES[actor["type"]]], **common)
        else:
            ref = b.add("intrusion-set", actor["id"], **common)
        actor_refs[actor["id"]] = ref
        # The actor object cites its sources; the native format does not say which source states which
        # sector, region or technique, so these relationships cite none rather than all of them.
        src_refs = None
        nexus = actor.get("nexus")
        if nexus and nexus != "unknown":
            b.relate(ref, "originates-from", location("country", nexus), src_refs)
        targets(ref, actor, src_refs)
        for tech in actor.get("techniques", []):
            ext_refs = None
            if tech.get("attack_id"):
                tid = tech["attack_id"]
                ext_refs = [{"source_name": "mitre-attack", "external_id": tid,
                             "url": "https://attack.mitre.org/techniques/" + tid.replace(".", "/") + "/"}]
            ap = b.add("attack-pattern", tech.get("attack_id") or tech["name"], name=tech["name"],
                       external_references=ext_refs)
            b.relate(ref, "uses", ap, src_refs)

    for event in native.get("events", []):
        if event["kind"] == "publication":
            continue  # its date stays on the source's external reference
        first = event.get("start") or event["date"]
        last = event.get("end") or event["date"]
        names = [a["name"] for a in native["actors"] if a["id"] in event.get("actors", [])]
        where = [SECTOR_NAMES.get(s, s) for s in event.get("sectors", [])[:1]]
        where += [REGION_NAMES.get(r, r) for r in event.get("regions", [])]
        name = f"{', '.join(names) or 'Unattributed'}: {event['kind']}"
        if where:
            name += " against " + ", ".join(where)
        name += f" ({first[:10]} to {last[:10]})"
        src_refs = refs(event["sources"])
        camp = b.add("campaign", event["id"], name=name, description=event["summary"],
                     first_seen=day_timestamp(first), last_seen=day_timestamp(last), external_references=src_refs)
        for aid in event.get("actors", []):
            b.relate(camp, "attributed-to", actor_refs[aid], src_refs)
        targets(camp, event, src_refs)

    for finding in native.get("findings", []):
        props = {"extension_type": "property-extension"}
        subject = finding.get("subject", {})
        for field in FINDING_FIELDS:
            if field in finding:
                props[field] = finding[field]
        # A population with its parts: the wording, and each part under its own name.
        population = finding.get("population")
        if isinstance(population, dict):
            props["population"] = population["text"]
            for part in ("sponsor", "activity", "counted_by"):
                if part in population:
                    props["population_" + part] = population[part]
        if "nexus" in subject:
            props["subject_nexus"] = subject["nexus"]
        if "period" in finding:
            props["period_start"] = finding["period"]["start"][:10]
            props["period_end"] = finding["period"]["end"][:10]
        order = ("extension_type", "metric", "value", "qualifier", "subject_nexus", "population", "population_sponsor",
                 "population_activity", "population_counted_by", "sector", "region", "period_start", "period_end", "basis")
        props = {k: props[k] for k in order if k in props}
        about = [report_ref]
        if "actor" in subject:
            about.append(actor_refs[subject["actor"]])
        if "nexus" in subject:
            about += [actor_refs[a["id"]] for a in native.get("actors", [])
                      if a.get("collective") and a.get("nexus") == subject["nexus"]]
            about.append(location("country", subject["nexus"]))
        b.add("note", finding["id"], content=finding["statement"], object_refs=about,
              external_references=refs(finding["sources"]), extensions={EXTENSION_ID: props})

    report_obj = {"type": "report", "spec_version": "2.1", "id": report_ref, "created_by_ref": threatdeck,
                  "created": TIMESTAMP, "modified": TIMESTAMP, "name": report["title"]}
    if report.get("summary"):
        report_obj["description"] = report["summary"]
    report_obj["report_types"] = ["threat-report"]
    report_obj["published"] = TIMESTAMP  # this bundle's own publication, not the underlying report's
    report_obj["object_refs"] = [oid for oid in b.objects if oid != report_ref]
    ext_refs = []
    if publisher_ref:
        ext_refs.append({"source_name": report["publisher"],
                         "description": "Publisher of the underlying report"
                                        + ("" if report.get("published") else "; its publication date is not given in the sources")})
    ext_refs += refs(report.get("sources", list(sources)))
    report_obj["external_references"] = ext_refs
    b.objects[report_ref] = report_obj

    return {"type": "bundle", "id": stix_id("bundle", report["id"]), "objects": list(b.objects.values())}


def main(argv):
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_IN
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    native = json.loads(src.read_text(encoding="utf-8"))
    if native.get("schema") != "threatdeck-report@1":
        sys.exit(f"{src}: not a threatdeck-report@1 file")
    bundle = build(native)
    out.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {}
    for obj in bundle["objects"]:
        counts[obj["type"]] = counts.get(obj["type"], 0) + 1
    print(f"wrote {out} ({len(bundle['objects'])} objects: "
          + ", ".join(f"{n} {t}" for t, n in counts.items()) + ")")


if __name__ == "__main__":
    main(sys.argv)
