#!/usr/bin/env python3
"""Writes a MISP feed directory of N generated events (manifest.json + <uuid>.json), for the
"10,000 events open to first frame in < 1 s" target of the MISP issue.

    python3 generate-misp-feed.py OUT_DIR [N]      (default 10,000; seed fixed)

Each event looks like a CIRCL OSINT event: a date, an info line, an Orgc, TLP and galaxy
tags for threat actors, sectors, countries and ATT&CK techniques, and a few attributes.
"""
import json
import os
import random
import sys
import uuid

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
rng = random.Random(20260331)
os.makedirs(out, exist_ok=True)

actors = ["APT28", "APT29", "Mustang Panda", "Lazarus Group", "Charming Kitten", "Sandworm", "APT41",
          "Kimsuky", "Turla", "Gamaredon Group", "MuddyWater", "OilRig", "Volt Typhoon", "Salt Typhoon"]
sectors = ["Technology", "Government, Administration", "Finance", "Energy", "Telecoms", "Healthcare",
           "Defense", "Education", "Manufacturing"]
countries = ["china", "russia", "iran", "north korea", "united states", "germany", "japan"]
techniques = ["Phishing - T1566", "Spearphishing Attachment - T1566.001", "Valid Accounts - T1078",
              "Exploit Public-Facing Application - T1190", "Command and Scripting Interpreter - T1059",
              "PowerShell - T1059.001", "Ingress Tool Transfer - T1105", "OS Credential Dumping - T1003"]
tlps = ["tlp:clear", "tlp:green", "tlp:amber", "tlp:white"]
orgs = ["CIRCL", "CUDESO", "ThreatDeck bench", "Example CERT"]


def tag(name):
    return {"name": name, "colour": "#004577", "exportable": True}


manifest = {}
for n in range(count):
    u = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    day = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    stamp = str(1_546_300_800 + rng.randint(0, 250_000_000))
    org = {"name": rng.choice(orgs), "uuid": "55f6ea5e-2c60-40e5-964f-47a8950d210f"}
    tags = [tag(rng.choice(tlps))]
    tags += [tag(f'misp-galaxy:threat-actor="{a}"') for a in rng.sample(actors, rng.randint(0, 2))]
    tags += [tag(f'misp-galaxy:sector="{s}"') for s in rng.sample(sectors, rng.randint(0, 2))]
    tags += [tag(f'misp-galaxy:country="{c}"') for c in rng.sample(countries, rng.randint(0, 1))]
    tags += [tag(f'misp-galaxy:mitre-attack-pattern="{t}"') for t in rng.sample(techniques, rng.randint(0, 3))]
    attributes = [{"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "type": "ip-dst", "category": "Network activity",
                   "value": f"198.51.100.{rng.randint(1, 254)}", "to_ids": True, "timestamp": stamp}
                  for _ in range(rng.randint(1, 6))]
    event = {"uuid": u, "info": f"Generated OSINT event {n}: activity against {rng.choice(sectors).lower()}",
             "date": day, "timestamp": stamp, "publish_timestamp": stamp, "published": True, "analysis": "2",
             "threat_level_id": str(rng.randint(1, 4)), "attribute_count": str(len(attributes)),
             "Orgc": org, "Org": org, "Tag": tags, "Attribute": attributes, "Object": [], "Galaxy": []}
    with open(os.path.join(out, u + ".json"), "w") as f:
        json.dump({"Event": event}, f)
    manifest[u] = {"info": event["info"], "date": day, "timestamp": stamp, "analysis": "2",
                   "threat_level_id": event["threat_level_id"], "Orgc": org, "Tag": tags}
with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(manifest, f)
print(f"{count} events in {out}")
