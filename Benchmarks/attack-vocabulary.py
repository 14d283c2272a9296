#!/usr/bin/env python3
"""Regenerates Sources/ThreatModel/Vocabulary/AttackTables.swift from MITRE ATT&CK bundles.

usage: attack-vocabulary.py ENTERPRISE.json ICS.json MOBILE.json > AttackTables.swift
(the bundles of mitre/cti, e.g. enterprise-attack/enterprise-attack.json).
"""
import json
import sys

domains = ["enterprise-attack", "ics-attack", "mobile-attack"]
techniques, tactics, groups = [], [], {}
for dom, path in zip(domains, sys.argv[1:4]):
    objs = json.load(open(path))["objects"]
    byid = {o["id"]: o for o in objs}
    for m in (o for o in objs if o["type"] == "x-mitre-matrix" and not o.get("revoked") and not o.get("x_mitre_deprecated")):
        for ref in m["tactic_refs"]:
            t = byid[ref]
            tid = [r["external_id"] for r in t.get("external_references", []) if r.get("source_name", "").startswith("mitre")][0]
            tactics.append(f"{dom}|{t['x_mitre_shortname']}|{t['name']}|{tid}")
    for o in objs:
        if o["type"] != "attack-pattern" or o.get("revoked") or o.get("x_mitre_deprecated"):
            continue
        ids = [r["external_id"] for r in o.get("external_references", [])
               if r.get("source_name", "") in ("mitre-attack", "mitre-ics-attack", "mitre-mobile-attack")]
        if ids:
            phases = ",".join(p["phase_name"] for p in o.get("kill_chain_phases", []))
            techniques.append(f"{ids[0]}|{o['name'].replace('|', '/')}|{phases}|{dom}")
    for o in objs:
        if o["type"] != "intrusion-set" or o.get("revoked") or o.get("x_mitre_deprecated"):
            continue
        ids = [r["external_id"] for r in o.get("external_references", []) if r.get("source_name", "") == "mitre-attack"]
        if ids:
            names = [o["name"]] + [a for a in o.get("aliases", []) if a != o["name"]]
            groups.setdefault(ids[0], names)
techniques.sort()
print("// Generated from MITRE ATT&CK v18.1 (mitre/cti @ 421deac: enterprise, ICS and mobile), ATT&CK")
print("// Terms of Use: © The MITRE Corporation, reproduced with attribution. Regenerate with")
print("// Benchmarks/attack-vocabulary.py. Revoked and deprecated techniques are left out.")
print()
print("/// ATT&CK technique names and tactics, so a technique named only by id (in a native report")
print("/// or a MISP tag) still has its name and matrix column; group names, so a record that")
print("/// lists several group ids can be told apart from the groups it only mentions.")
print("enum AttackTables {")
print("    /// id|name|tactic,tactic|domain, one per line.")
print('    static let techniques = """')
print("\n".join(techniques))
print('"""')
print()
print("    /// domain|shortname|name|TA id, in each matrix's kill-chain order.")
print('    static let tactics = """')
print("\n".join(tactics))
print('"""')
print()
print("    /// G id|name|alias|alias..., one group per line (its own names in ATT&CK).")
print('    static let groups = """')
print("\n".join(gid + "|" + "|".join(n.replace("|", "/") for n in names) for gid, names in sorted(groups.items())))
print('"""')
print("}")
