// Generated from MITRE ATT&CK v18.1 (mitre/cti @ 421deac: enterprise, ICS and mobile), ATT&CK
// Terms of Use: © The MITRE Corporation, reproduced with attribution. Regenerate with
// Benchmarks/attack-vocabulary.py. Revoked and deprecated techniques are left out.

/// ATT&CK technique names and tactics, so a technique named only by id (in a native report
/// or a MISP tag) still has its name and matrix column; group names, so a record that
/// lists several group ids can be told apart from the groups it only mentions.
package enum AttackTables {
    /// id|name|tactic,tactic|domain, one per line.
    package static let techniques = """
T0800|Activate Firmware Update Mode|inhibit-response-function|ics-attack
T0801|Monitor Process State|collection|ics-attack
T0802|Automated Collection|collection|ics-attack
T0803|Block Command Message|inhibit-response-function|ics-attack
T0804|Block Reporting Message|inhibit-response-function|ics-attack
T0805|Block Serial COM|inhibit-response-function|ics-attack
T0806|Brute Force I/O|impair-process-control|ics-attack
T0807|Command-Line Interface|execution|ics-attack
T0809|Data Destruction|inhibit-response-function|ics-attack
T0811|Data from Information Repositories|collection|ics-attack
T0812|Default Credentials|lateral-movement|ics-attack
T0813|Denial of Control|impact|ics-attack
T0814|Denial of Service|inhibit-response-function|ics-attack
T0815|Denial of View|impact|ics-attack
T0816|Device Restart/Shutdown|inhibit-response-function|ics-attack
T0817|Drive-by Compromise|initial-access|ics-attack
T0819|Exploit Public-Facing Application|initial-access|ics-attack
T0820|Exploitation for Evasion|evasion|ics-attack
T0821|Modify Controller Tasking|execution|ics-attack
T0822|External Remote Services|initial-access|ics-attack
T0823|Graphical User Interface|execution|ics-attack
T0826|Loss of Availability|impact|ics-attack
T0827|Loss of Control|impact|ics-attack
T0828|Loss of Productivity and Revenue|impact|ics-attack
T0829|Loss of View|impact|ics-attack
T0830|Adversary-in-the-Middle|collection|ics-attack
T0831|Manipulation of Control|impact|ics-attack
T0832|Manipulation of View|impact|ics-attack
T0834|Native API|execution|ics-attack
T0835|Manipulate I/O Image|inhibit-response-function|ics-attack
T0836|Modify Parameter|impair-process-control|ics-attack
T0837|Loss of Protection|impact|ics-attack
T0838|Modify Alarm Settings|inhibit-response-function|ics-attack
T0839|Module Firmware|persistence,impair-process-control|ics-attack
T0840|Network Connection Enumeration|discovery|ics-attack
T0842|Network Sniffing|discovery|ics-attack
T0843|Program Download|lateral-movement|ics-attack
T0845|Program Upload|collection|ics-attack
T0846|Remote System Discovery|discovery|ics-attack
T0847|Replication Through Removable Media|initial-access|ics-attack
T0848|Rogue Master|initial-access|ics-attack
T0849|Masquerading|evasion|ics-attack
T0851|Rootkit|evasion,inhibit-response-function|ics-attack
T0852|Screen Capture|collection|ics-attack
T0853|Scripting|execution|ics-attack
T0855|Unauthorized Command Message|impair-process-control|ics-attack
T0856|Spoof Reporting Message|evasion,impair-process-control|ics-attack
T0857|System Firmware|persistence,inhibit-response-function|ics-attack
T0858|Change Operating Mode|execution,evasion|ics-attack
T0859|Valid Accounts|persistence,lateral-movement|ics-attack
T0860|Wireless Compromise|initial-access|ics-attack
T0861|Point & Tag Identification|collection|ics-attack
T0862|Supply Chain Compromise|initial-access|ics-attack
T0863|User Execution|execution|ics-attack
T0864|Transient Cyber Asset|initial-access|ics-attack
T0865|Spearphishing Attachment|initial-access|ics-attack
T0866|Exploitation of Remote Services|initial-access,lateral-movement|ics-attack
T0867|Lateral Tool Transfer|lateral-movement|ics-attack
T0868|Detect Operating Mode|collection|ics-attack
T0869|Standard Application Layer Protocol|command-and-control|ics-attack
T0871|Execution through API|execution|ics-attack
T0872|Indicator Removal on Host|evasion|ics-attack
T0873|Project File Infection|persistence|ics-attack
T0874|Hooking|execution,privilege-escalation|ics-attack
T0877|I/O Image|collection|ics-attack
T0878|Alarm Suppression|inhibit-response-function|ics-attack
T0879|Damage to Property|impact|ics-attack
T0880|Loss of Safety|impact|ics-attack
T0881|Service Stop|inhibit-response-function|ics-attack
T0882|Theft of Operational Information|impact|ics-attack
T0883|Internet Accessible Device|initial-access|ics-attack
T0884|Connection Proxy|command-and-control|ics-attack
T0885|Commonly Used Port|command-and-control|ics-attack
T0886|Remote Services|initial-access,lateral-movement|ics-attack
T0887|Wireless Sniffing|discovery,collection|ics-attack
T0888|Remote System Information Discovery|discovery|ics-attack
T0889|Modify Program|persistence|ics-attack
T0890|Exploitation for Privilege Escalation|privilege-escalation|ics-attack
T0891|Hardcoded Credentials|lateral-movement,persistence|ics-attack
T0892|Change Credential|inhibit-response-function|ics-attack
T0893|Data from Local System|collection|ics-attack
T0894|System Binary Proxy Execution|evasion|ics-attack
T0895|Autorun Image|execution|ics-attack
T1001.001|Junk Data|command-and-control|enterprise-attack
T1001.002|Steganography|command-and-control|enterprise-attack
T1001.003|Protocol or Service Impersonation|command-and-control|enterprise-attack
T1001|Data Obfuscation|command-and-control|enterprise-attack
T1003.001|LSASS Memory|credential-access|enterprise-attack
T1003.002|Security Account Manager|credential-access|enterprise-attack
T1003.003|NTDS|credential-access|enterprise-attack
T1003.004|LSA Secrets|credential-access|enterprise-attack
T1003.005|Cached Domain Credentials|credential-access|enterprise-attack
T1003.006|DCSync|credential-access|enterprise-attack
T1003.007|Proc Filesystem|credential-access|enterprise-attack
T1003.008|/etc/passwd and /etc/shadow|credential-access|enterprise-attack
T1003|OS Credential Dumping|credential-access|enterprise-attack
T1005|Data from Local System|collection|enterprise-attack
T1006|Direct Volume Access|defense-evasion|enterprise-attack
T1007|System Service Discovery|discovery|enterprise-attack
T1008|Fallback Channels|command-and-control|enterprise-attack
T1010|Application Window Discovery|discovery|enterprise-attack
T1011.001|Exfiltration Over Bluetooth|exfiltration|enterprise-attack
T1011|Exfiltration Over Other Network Medium|exfiltration|enterprise-attack
T1012|Query Registry|discovery|enterprise-attack
T1014|Rootkit|defense-evasion|enterprise-attack
T1016.001|Internet Connection Discovery|discovery|enterprise-attack
T1016.002|Wi-Fi Discovery|discovery|enterprise-attack
T1016|System Network Configuration Discovery|discovery|enterprise-attack
T1018|Remote System Discovery|discovery|enterprise-attack
T1020.001|Traffic Duplication|exfiltration|enterprise-attack
T1020|Automated Exfiltration|exfiltration|enterprise-attack
T1021.001|Remote Desktop Protocol|lateral-movement|enterprise-attack
T1021.002|SMB/Windows Admin Shares|lateral-movement|enterprise-attack
T1021.003|Distributed Component Object Model|lateral-movement|enterprise-attack
T1021.004|SSH|lateral-movement|enterprise-attack
T1021.005|VNC|lateral-movement|enterprise-attack
T1021.006|Windows Remote Management|lateral-movement|enterprise-attack
T1021.007|Cloud Services|lateral-movement|enterprise-attack
T1021.008|Direct Cloud VM Connections|lateral-movement|enterprise-attack
T1021|Remote Services|lateral-movement|enterprise-attack
T1025|Data from Removable Media|collection|enterprise-attack
T1027.001|Binary Padding|defense-evasion|enterprise-attack
T1027.002|Software Packing|defense-evasion|enterprise-attack
T1027.003|Steganography|defense-evasion|enterprise-attack
T1027.004|Compile After Delivery|defense-evasion|enterprise-attack
T1027.005|Indicator Removal from Tools|defense-evasion|enterprise-attack
T1027.006|HTML Smuggling|defense-evasion|enterprise-attack
T1027.007|Dynamic API Resolution|defense-evasion|enterprise-attack
T1027.008|Stripped Payloads|defense-evasion|enterprise-attack
T1027.009|Embedded Payloads|defense-evasion|enterprise-attack
T1027.010|Command Obfuscation|defense-evasion|enterprise-attack
T1027.011|Fileless Storage|defense-evasion|enterprise-attack
T1027.012|LNK Icon Smuggling|defense-evasion|enterprise-attack
T1027.013|Encrypted/Encoded File|defense-evasion|enterprise-attack
T1027.014|Polymorphic Code|defense-evasion|enterprise-attack
T1027.015|Compression|defense-evasion|enterprise-attack
T1027.016|Junk Code Insertion|defense-evasion|enterprise-attack
T1027.017|SVG Smuggling|defense-evasion|enterprise-attack
T1027|Obfuscated Files or Information|defense-evasion|enterprise-attack
T1029|Scheduled Transfer|exfiltration|enterprise-attack
T1030|Data Transfer Size Limits|exfiltration|enterprise-attack
T1033|System Owner/User Discovery|discovery|enterprise-attack
T1036.001|Invalid Code Signature|defense-evasion|enterprise-attack
T1036.002|Right-to-Left Override|defense-evasion|enterprise-attack
T1036.003|Rename Legitimate Utilities|defense-evasion|enterprise-attack
T1036.004|Masquerade Task or Service|defense-evasion|enterprise-attack
T1036.005|Match Legitimate Resource Name or Location|defense-evasion|enterprise-attack
T1036.006|Space after Filename|defense-evasion|enterprise-attack
T1036.007|Double File Extension|defense-evasion|enterprise-attack
T1036.008|Masquerade File Type|defense-evasion|enterprise-attack
T1036.009|Break Process Trees|defense-evasion|enterprise-attack
T1036.010|Masquerade Account Name|defense-evasion|enterprise-attack
T1036.011|Overwrite Process Arguments|defense-evasion|enterprise-attack
T1036.012|Browser Fingerprint|defense-evasion|enterprise-attack
T1036|Masquerading|defense-evasion|enterprise-attack
T1037.001|Logon Script (Windows)|persistence,privilege-escalation|enterprise-attack
T1037.002|Login Hook|persistence,privilege-escalation|enterprise-attack
T1037.003|Network Logon Script|persistence,privilege-escalation|enterprise-attack
T1037.004|RC Scripts|persistence,privilege-escalation|enterprise-attack
T1037.005|Startup Items|persistence,privilege-escalation|enterprise-attack
T1037|Boot or Logon Initialization Scripts|persistence,privilege-escalation|enterprise-attack
T1039|Data from Network Shared Drive|collection|enterprise-attack
T1040|Network Sniffing|credential-access,discovery|enterprise-attack
T1041|Exfiltration Over C2 Channel|exfiltration|enterprise-attack
T1046|Network Service Discovery|discovery|enterprise-attack
T1047|Windows Management Instrumentation|execution|enterprise-attack
T1048.001|Exfiltration Over Symmetric Encrypted Non-C2 Protocol|exfiltration|enterprise-attack
T1048.002|Exfiltration Over Asymmetric Encrypted Non-C2 Protocol|exfiltration|enterprise-attack
T1048.003|Exfiltration Over Unencrypted Non-C2 Protocol|exfiltration|enterprise-attack
T1048|Exfiltration Over Alternative Protocol|exfiltration|enterprise-attack
T1049|System Network Connections Discovery|discovery|enterprise-attack
T1052.001|Exfiltration over USB|exfiltration|enterprise-attack
T1052|Exfiltration Over Physical Medium|exfiltration|enterprise-attack
T1053.002|At|execution,persistence,privilege-escalation|enterprise-attack
T1053.003|Cron|execution,persistence,privilege-escalation|enterprise-attack
T1053.005|Scheduled Task|execution,persistence,privilege-escalation|enterprise-attack
T1053.006|Systemd Timers|execution,persistence,privilege-escalation|enterprise-attack
T1053.007|Container Orchestration Job|execution,persistence,privilege-escalation|enterprise-attack
T1053|Scheduled Task/Job|execution,persistence,privilege-escalation|enterprise-attack
T1055.001|Dynamic-link Library Injection|defense-evasion,privilege-escalation|enterprise-attack
T1055.002|Portable Executable Injection|defense-evasion,privilege-escalation|enterprise-attack
T1055.003|Thread Execution Hijacking|defense-evasion,privilege-escalation|enterprise-attack
T1055.004|Asynchronous Procedure Call|defense-evasion,privilege-escalation|enterprise-attack
T1055.005|Thread Local Storage|defense-evasion,privilege-escalation|enterprise-attack
T1055.008|Ptrace System Calls|defense-evasion,privilege-escalation|enterprise-attack
T1055.009|Proc Memory|defense-evasion,privilege-escalation|enterprise-attack
T1055.011|Extra Window Memory Injection|defense-evasion,privilege-escalation|enterprise-attack
T1055.012|Process Hollowing|defense-evasion,privilege-escalation|enterprise-attack
T1055.013|Process Doppelgänging|defense-evasion,privilege-escalation|enterprise-attack
T1055.014|VDSO Hijacking|defense-evasion,privilege-escalation|enterprise-attack
T1055.015|ListPlanting|defense-evasion,privilege-escalation|enterprise-attack
T1055|Process Injection|defense-evasion,privilege-escalation|enterprise-attack
T1056.001|Keylogging|collection,credential-access|enterprise-attack
T1056.002|GUI Input Capture|collection,credential-access|enterprise-attack
T1056.003|Web Portal Capture|collection,credential-access|enterprise-attack
T1056.004|Credential API Hooking|collection,credential-access|enterprise-attack
T1056|Input Capture|collection,credential-access|enterprise-attack
T1057|Process Discovery|discovery|enterprise-attack
T1059.001|PowerShell|execution|enterprise-attack
T1059.002|AppleScript|execution|enterprise-attack
T1059.003|Windows Command Shell|execution|enterprise-attack
T1059.004|Unix Shell|execution|enterprise-attack
T1059.005|Visual Basic|execution|enterprise-attack
T1059.006|Python|execution|enterprise-attack
T1059.007|JavaScript|execution|enterprise-attack
T1059.008|Network Device CLI|execution|enterprise-attack
T1059.009|Cloud API|execution|enterprise-attack
T1059.010|AutoHotKey & AutoIT|execution|enterprise-attack
T1059.011|Lua|execution|enterprise-attack
T1059.012|Hypervisor CLI|execution|enterprise-attack
T1059.013|Container CLI/API|execution|enterprise-attack
T1059|Command and Scripting Interpreter|execution|enterprise-attack
T1068|Exploitation for Privilege Escalation|privilege-escalation|enterprise-attack
T1069.001|Local Groups|discovery|enterprise-attack
T1069.002|Domain Groups|discovery|enterprise-attack
T1069.003|Cloud Groups|discovery|enterprise-attack
T1069|Permission Groups Discovery|discovery|enterprise-attack
T1070.001|Clear Windows Event Logs|defense-evasion|enterprise-attack
T1070.002|Clear Linux or Mac System Logs|defense-evasion|enterprise-attack
T1070.003|Clear Command History|defense-evasion|enterprise-attack
T1070.004|File Deletion|defense-evasion|enterprise-attack
T1070.005|Network Share Connection Removal|defense-evasion|enterprise-attack
T1070.006|Timestomp|defense-evasion|enterprise-attack
T1070.007|Clear Network Connection History and Configurations|defense-evasion|enterprise-attack
T1070.008|Clear Mailbox Data|defense-evasion|enterprise-attack
T1070.009|Clear Persistence|defense-evasion|enterprise-attack
T1070.010|Relocate Malware|defense-evasion|enterprise-attack
T1070|Indicator Removal|defense-evasion|enterprise-attack
T1071.001|Web Protocols|command-and-control|enterprise-attack
T1071.002|File Transfer Protocols|command-and-control|enterprise-attack
T1071.003|Mail Protocols|command-and-control|enterprise-attack
T1071.004|DNS|command-and-control|enterprise-attack
T1071.005|Publish/Subscribe Protocols|command-and-control|enterprise-attack
T1071|Application Layer Protocol|command-and-control|enterprise-attack
T1072|Software Deployment Tools|execution,lateral-movement|enterprise-attack
T1074.001|Local Data Staging|collection|enterprise-attack
T1074.002|Remote Data Staging|collection|enterprise-attack
T1074|Data Staged|collection|enterprise-attack
T1078.001|Default Accounts|defense-evasion,persistence,privilege-escalation,initial-access|enterprise-attack
T1078.002|Domain Accounts|defense-evasion,persistence,privilege-escalation,initial-access|enterprise-attack
T1078.003|Local Accounts|defense-evasion,persistence,privilege-escalation,initial-access|enterprise-attack
T1078.004|Cloud Accounts|defense-evasion,persistence,privilege-escalation,initial-access|enterprise-attack
T1078|Valid Accounts|defense-evasion,persistence,privilege-escalation,initial-access|enterprise-attack
T1080|Taint Shared Content|lateral-movement|enterprise-attack
T1082|System Information Discovery|discovery|enterprise-attack
T1083|File and Directory Discovery|discovery|enterprise-attack
T1087.001|Local Account|discovery|enterprise-attack
T1087.002|Domain Account|discovery|enterprise-attack
T1087.003|Email Account|discovery|enterprise-attack
T1087.004|Cloud Account|discovery|enterprise-attack
T1087|Account Discovery|discovery|enterprise-attack
T1090.001|Internal Proxy|command-and-control|enterprise-attack
T1090.002|External Proxy|command-and-control|enterprise-attack
T1090.003|Multi-hop Proxy|command-and-control|enterprise-attack
T1090.004|Domain Fronting|command-and-control|enterprise-attack
T1090|Proxy|command-and-control|enterprise-attack
T1091|Replication Through Removable Media|lateral-movement,initial-access|enterprise-attack
T1092|Communication Through Removable Media|command-and-control|enterprise-attack
T1095|Non-Application Layer Protocol|command-and-control|enterprise-attack
T1098.001|Additional Cloud Credentials|persistence,privilege-escalation|enterprise-attack
T1098.002|Additional Email Delegate Permissions|persistence,privilege-escalation|enterprise-attack
T1098.003|Additional Cloud Roles|persistence,privilege-escalation|enterprise-attack
T1098.004|SSH Authorized Keys|persistence,privilege-escalation|enterprise-attack
T1098.005|Device Registration|persistence,privilege-escalation|enterprise-attack
T1098.006|Additional Container Cluster Roles|persistence,privilege-escalation|enterprise-attack
T1098.007|Additional Local or Domain Groups|persistence,privilege-escalation|enterprise-attack
T1098|Account Manipulation|persistence,privilege-escalation|enterprise-attack
T1102.001|Dead Drop Resolver|command-and-control|enterprise-attack
T1102.002|Bidirectional Communication|command-and-control|enterprise-attack
T1102.003|One-Way Communication|command-and-control|enterprise-attack
T1102|Web Service|command-and-control|enterprise-attack
T1104|Multi-Stage Channels|command-and-control|enterprise-attack
T1105|Ingress Tool Transfer|command-and-control|enterprise-attack
T1106|Native API|execution|enterprise-attack
T1110.001|Password Guessing|credential-access|enterprise-attack
T1110.002|Password Cracking|credential-access|enterprise-attack
T1110.003|Password Spraying|credential-access|enterprise-attack
T1110.004|Credential Stuffing|credential-access|enterprise-attack
T1110|Brute Force|credential-access|enterprise-attack
T1111|Multi-Factor Authentication Interception|credential-access|enterprise-attack
T1112|Modify Registry|defense-evasion,persistence|enterprise-attack
T1113|Screen Capture|collection|enterprise-attack
T1114.001|Local Email Collection|collection|enterprise-attack
T1114.002|Remote Email Collection|collection|enterprise-attack
T1114.003|Email Forwarding Rule|collection|enterprise-attack
T1114|Email Collection|collection|enterprise-attack
T1115|Clipboard Data|collection|enterprise-attack
T1119|Automated Collection|collection|enterprise-attack
T1120|Peripheral Device Discovery|discovery|enterprise-attack
T1123|Audio Capture|collection|enterprise-attack
T1124|System Time Discovery|discovery|enterprise-attack
T1125|Video Capture|collection|enterprise-attack
T1127.001|MSBuild|defense-evasion|enterprise-attack
T1127.002|ClickOnce|defense-evasion|enterprise-attack
T1127.003|JamPlus|defense-evasion|enterprise-attack
T1127|Trusted Developer Utilities Proxy Execution|defense-evasion|enterprise-attack
T1129|Shared Modules|execution|enterprise-attack
T1132.001|Standard Encoding|command-and-control|enterprise-attack
T1132.002|Non-Standard Encoding|command-and-control|enterprise-attack
T1132|Data Encoding|command-and-control|enterprise-attack
T1133|External Remote Services|persistence,initial-access|enterprise-attack
T1134.001|Token Impersonation/Theft|defense-evasion,privilege-escalation|enterprise-attack
T1134.002|Create Process with Token|defense-evasion,privilege-escalation|enterprise-attack
T1134.003|Make and Impersonate Token|defense-evasion,privilege-escalation|enterprise-attack
T1134.004|Parent PID Spoofing|defense-evasion,privilege-escalation|enterprise-attack
T1134.005|SID-History Injection|defense-evasion,privilege-escalation|enterprise-attack
T1134|Access Token Manipulation|defense-evasion,privilege-escalation|enterprise-attack
T1135|Network Share Discovery|discovery|enterprise-attack
T1136.001|Local Account|persistence|enterprise-attack
T1136.002|Domain Account|persistence|enterprise-attack
T1136.003|Cloud Account|persistence|enterprise-attack
T1136|Create Account|persistence|enterprise-attack
T1137.001|Office Template Macros|persistence|enterprise-attack
T1137.002|Office Test|persistence|enterprise-attack
T1137.003|Outlook Forms|persistence|enterprise-attack
T1137.004|Outlook Home Page|persistence|enterprise-attack
T1137.005|Outlook Rules|persistence|enterprise-attack
T1137.006|Add-ins|persistence|enterprise-attack
T1137|Office Application Startup|persistence|enterprise-attack
T1140|Deobfuscate/Decode Files or Information|defense-evasion|enterprise-attack
T1176.001|Browser Extensions|persistence|enterprise-attack
T1176.002|IDE Extensions|persistence|enterprise-attack
T1176|Software Extensions|persistence|enterprise-attack
T1185|Browser Session Hijacking|collection|enterprise-attack
T1187|Forced Authentication|credential-access|enterprise-attack
T1189|Drive-by Compromise|initial-access|enterprise-attack
T1190|Exploit Public-Facing Application|initial-access|enterprise-attack
T1195.001|Compromise Software Dependencies and Development Tools|initial-access|enterprise-attack
T1195.002|Compromise Software Supply Chain|initial-access|enterprise-attack
T1195.003|Compromise Hardware Supply Chain|initial-access|enterprise-attack
T1195|Supply Chain Compromise|initial-access|enterprise-attack
T1197|BITS Jobs|defense-evasion,persistence|enterprise-attack
T1199|Trusted Relationship|initial-access|enterprise-attack
T1200|Hardware Additions|initial-access|enterprise-attack
T1201|Password Policy Discovery|discovery|enterprise-attack
T1202|Indirect Command Execution|defense-evasion|enterprise-attack
T1203|Exploitation for Client Execution|execution|enterprise-attack
T1204.001|Malicious Link|execution|enterprise-attack
T1204.002|Malicious File|execution|enterprise-attack
T1204.003|Malicious Image|execution|enterprise-attack
T1204.004|Malicious Copy and Paste|execution|enterprise-attack
T1204.005|Malicious Library|execution|enterprise-attack
T1204|User Execution|execution|enterprise-attack
T1205.001|Port Knocking|defense-evasion,persistence,command-and-control|enterprise-attack
T1205.002|Socket Filters|defense-evasion,persistence,command-and-control|enterprise-attack
T1205|Traffic Signaling|defense-evasion,persistence,command-and-control|enterprise-attack
T1207|Rogue Domain Controller|defense-evasion|enterprise-attack
T1210|Exploitation of Remote Services|lateral-movement|enterprise-attack
T1211|Exploitation for Defense Evasion|defense-evasion|enterprise-attack
T1212|Exploitation for Credential Access|credential-access|enterprise-attack
T1213.001|Confluence|collection|enterprise-attack
T1213.002|Sharepoint|collection|enterprise-attack
T1213.003|Code Repositories|collection|enterprise-attack
T1213.004|Customer Relationship Management Software|collection|enterprise-attack
T1213.005|Messaging Applications|collection|enterprise-attack
T1213.006|Databases|collection|enterprise-attack
T1213|Data from Information Repositories|collection|enterprise-attack
T1216.001|PubPrn|defense-evasion|enterprise-attack
T1216.002|SyncAppvPublishingServer|defense-evasion|enterprise-attack
T1216|System Script Proxy Execution|defense-evasion|enterprise-attack
T1217|Browser Information Discovery|discovery|enterprise-attack
T1218.001|Compiled HTML File|defense-evasion|enterprise-attack
T1218.002|Control Panel|defense-evasion|enterprise-attack
T1218.003|CMSTP|defense-evasion|enterprise-attack
T1218.004|InstallUtil|defense-evasion|enterprise-attack
T1218.005|Mshta|defense-evasion|enterprise-attack
T1218.007|Msiexec|defense-evasion|enterprise-attack
T1218.008|Odbcconf|defense-evasion|enterprise-attack
T1218.009|Regsvcs/Regasm|defense-evasion|enterprise-attack
T1218.010|Regsvr32|defense-evasion|enterprise-attack
T1218.011|Rundll32|defense-evasion|enterprise-attack
T1218.012|Verclsid|defense-evasion|enterprise-attack
T1218.013|Mavinject|defense-evasion|enterprise-attack
T1218.014|MMC|defense-evasion|enterprise-attack
T1218.015|Electron Applications|defense-evasion|enterprise-attack
T1218|System Binary Proxy Execution|defense-evasion|enterprise-attack
T1219.001|IDE Tunneling|command-and-control|enterprise-attack
T1219.002|Remote Desktop Software|command-and-control|enterprise-attack
T1219.003|Remote Access Hardware|command-and-control|enterprise-attack
T1219|Remote Access Tools|command-and-control|enterprise-attack
T1220|XSL Script Processing|defense-evasion|enterprise-attack
T1221|Template Injection|defense-evasion|enterprise-attack
T1222.001|Windows File and Directory Permissions Modification|defense-evasion|enterprise-attack
T1222.002|Linux and Mac File and Directory Permissions Modification|defense-evasion|enterprise-attack
T1222|File and Directory Permissions Modification|defense-evasion|enterprise-attack
T1398|Boot or Logon Initialization Scripts|persistence|mobile-attack
T1404|Exploitation for Privilege Escalation|privilege-escalation|mobile-attack
T1406.001|Steganography|defense-evasion|mobile-attack
T1406.002|Software Packing|defense-evasion|mobile-attack
T1406|Obfuscated Files or Information|defense-evasion|mobile-attack
T1407|Download New Code at Runtime|defense-evasion|mobile-attack
T1409|Stored Application Data|collection|mobile-attack
T1414|Clipboard Data|collection,credential-access|mobile-attack
T1417.001|Keylogging|collection,credential-access|mobile-attack
T1417.002|GUI Input Capture|credential-access,collection|mobile-attack
T1417|Input Capture|collection,credential-access|mobile-attack
T1418.001|Security Software Discovery|discovery|mobile-attack
T1418|Software Discovery|discovery|mobile-attack
T1420|File and Directory Discovery|discovery|mobile-attack
T1421|System Network Connections Discovery|discovery|mobile-attack
T1422.001|Internet Connection Discovery|discovery|mobile-attack
T1422.002|Wi-Fi Discovery|discovery|mobile-attack
T1422|System Network Configuration Discovery|discovery|mobile-attack
T1423|Network Service Scanning|discovery|mobile-attack
T1424|Process Discovery|discovery|mobile-attack
T1426|System Information Discovery|discovery|mobile-attack
T1428|Exploitation of Remote Services|lateral-movement|mobile-attack
T1429|Audio Capture|collection|mobile-attack
T1430.001|Remote Device Management Services|collection,discovery|mobile-attack
T1430.002|Impersonate SS7 Nodes|collection,discovery|mobile-attack
T1430|Location Tracking|collection,discovery|mobile-attack
T1437.001|Web Protocols|command-and-control|mobile-attack
T1437|Application Layer Protocol|command-and-control|mobile-attack
T1451|SIM Card Swap|initial-access|mobile-attack
T1453|Abuse Accessibility Features|collection,credential-access|mobile-attack
T1456|Drive-By Compromise|initial-access|mobile-attack
T1458|Replication Through Removable Media|initial-access,lateral-movement|mobile-attack
T1461|Lockscreen Bypass|initial-access|mobile-attack
T1464|Network Denial of Service|impact|mobile-attack
T1471|Data Encrypted for Impact|impact|mobile-attack
T1474.001|Compromise Software Dependencies and Development Tools|initial-access|mobile-attack
T1474.002|Compromise Hardware Supply Chain|initial-access|mobile-attack
T1474.003|Compromise Software Supply Chain|initial-access|mobile-attack
T1474|Supply Chain Compromise|initial-access|mobile-attack
T1480.001|Environmental Keying|defense-evasion|enterprise-attack
T1480.002|Mutual Exclusion|defense-evasion|enterprise-attack
T1480|Execution Guardrails|defense-evasion|enterprise-attack
T1481.001|Dead Drop Resolver|command-and-control|mobile-attack
T1481.002|Bidirectional Communication|command-and-control|mobile-attack
T1481.003|One-Way Communication|command-and-control|mobile-attack
T1481|Web Service|command-and-control|mobile-attack
T1482|Domain Trust Discovery|discovery|enterprise-attack
T1484.001|Group Policy Modification|defense-evasion,privilege-escalation|enterprise-attack
T1484.002|Trust Modification|defense-evasion,privilege-escalation|enterprise-attack
T1484|Domain or Tenant Policy Modification|defense-evasion,privilege-escalation|enterprise-attack
T1485.001|Lifecycle-Triggered Deletion|impact|enterprise-attack
T1485|Data Destruction|impact|enterprise-attack
T1486|Data Encrypted for Impact|impact|enterprise-attack
T1489|Service Stop|impact|enterprise-attack
T1490|Inhibit System Recovery|impact|enterprise-attack
T1491.001|Internal Defacement|impact|enterprise-attack
T1491.002|External Defacement|impact|enterprise-attack
T1491|Defacement|impact|enterprise-attack
T1495|Firmware Corruption|impact|enterprise-attack
T1496.001|Compute Hijacking|impact|enterprise-attack
T1496.002|Bandwidth Hijacking|impact|enterprise-attack
T1496.003|SMS Pumping|impact|enterprise-attack
T1496.004|Cloud Service Hijacking|impact|enterprise-attack
T1496|Resource Hijacking|impact|enterprise-attack
T1497.001|System Checks|defense-evasion,discovery|enterprise-attack
T1497.002|User Activity Based Checks|defense-evasion,discovery|enterprise-attack
T1497.003|Time Based Checks|defense-evasion,discovery|enterprise-attack
T1497|Virtualization/Sandbox Evasion|defense-evasion,discovery|enterprise-attack
T1498.001|Direct Network Flood|impact|enterprise-attack
T1498.002|Reflection Amplification|impact|enterprise-attack
T1498|Network Denial of Service|impact|enterprise-attack
T1499.001|OS Exhaustion Flood|impact|enterprise-attack
T1499.002|Service Exhaustion Flood|impact|enterprise-attack
T1499.003|Application Exhaustion Flood|impact|enterprise-attack
T1499.004|Application or System Exploitation|impact|enterprise-attack
T1499|Endpoint Denial of Service|impact|enterprise-attack
T1505.001|SQL Stored Procedures|persistence|enterprise-attack
T1505.002|Transport Agent|persistence|enterprise-attack
T1505.003|Web Shell|persistence|enterprise-attack
T1505.004|IIS Components|persistence|enterprise-attack
T1505.005|Terminal Services DLL|persistence|enterprise-attack
T1505.006|vSphere Installation Bundles|persistence|enterprise-attack
T1505|Server Software Component|persistence|enterprise-attack
T1509|Non-Standard Port|command-and-control|mobile-attack
T1512|Video Capture|collection|mobile-attack
T1513|Screen Capture|collection|mobile-attack
T1516|Input Injection|defense-evasion,impact|mobile-attack
T1517|Access Notifications|collection,credential-access|mobile-attack
T1518.001|Security Software Discovery|discovery|enterprise-attack
T1518.002|Backup Software Discovery|discovery|enterprise-attack
T1518|Software Discovery|discovery|enterprise-attack
T1521.001|Symmetric Cryptography|command-and-control|mobile-attack
T1521.002|Asymmetric Cryptography|command-and-control|mobile-attack
T1521.003|SSL Pinning|command-and-control|mobile-attack
T1521|Encrypted Channel|command-and-control|mobile-attack
T1525|Implant Internal Image|persistence|enterprise-attack
T1526|Cloud Service Discovery|discovery|enterprise-attack
T1528|Steal Application Access Token|credential-access|enterprise-attack
T1529|System Shutdown/Reboot|impact|enterprise-attack
T1530|Data from Cloud Storage|collection|enterprise-attack
T1531|Account Access Removal|impact|enterprise-attack
T1532|Archive Collected Data|collection|mobile-attack
T1533|Data from Local System|collection|mobile-attack
T1534|Internal Spearphishing|lateral-movement|enterprise-attack
T1535|Unused/Unsupported Cloud Regions|defense-evasion|enterprise-attack
T1537|Transfer Data to Cloud Account|exfiltration|enterprise-attack
T1538|Cloud Service Dashboard|discovery|enterprise-attack
T1539|Steal Web Session Cookie|credential-access|enterprise-attack
T1541|Foreground Persistence|defense-evasion,persistence|mobile-attack
T1542.001|System Firmware|persistence,defense-evasion|enterprise-attack
T1542.002|Component Firmware|persistence,defense-evasion|enterprise-attack
T1542.003|Bootkit|persistence,defense-evasion|enterprise-attack
T1542.004|ROMMONkit|defense-evasion,persistence|enterprise-attack
T1542.005|TFTP Boot|defense-evasion,persistence|enterprise-attack
T1542|Pre-OS Boot|defense-evasion,persistence|enterprise-attack
T1543.001|Launch Agent|persistence,privilege-escalation|enterprise-attack
T1543.002|Systemd Service|persistence,privilege-escalation|enterprise-attack
T1543.003|Windows Service|persistence,privilege-escalation|enterprise-attack
T1543.004|Launch Daemon|persistence,privilege-escalation|enterprise-attack
T1543.005|Container Service|persistence,privilege-escalation|enterprise-attack
T1543|Create or Modify System Process|persistence,privilege-escalation|enterprise-attack
T1544|Ingress Tool Transfer|command-and-control|mobile-attack
T1546.001|Change Default File Association|privilege-escalation,persistence|enterprise-attack
T1546.002|Screensaver|privilege-escalation,persistence|enterprise-attack
T1546.003|Windows Management Instrumentation Event Subscription|privilege-escalation,persistence|enterprise-attack
T1546.004|Unix Shell Configuration Modification|privilege-escalation,persistence|enterprise-attack
T1546.005|Trap|privilege-escalation,persistence|enterprise-attack
T1546.006|LC_LOAD_DYLIB Addition|privilege-escalation,persistence|enterprise-attack
T1546.007|Netsh Helper DLL|privilege-escalation,persistence|enterprise-attack
T1546.008|Accessibility Features|privilege-escalation,persistence|enterprise-attack
T1546.009|AppCert DLLs|privilege-escalation,persistence|enterprise-attack
T1546.010|AppInit DLLs|privilege-escalation,persistence|enterprise-attack
T1546.011|Application Shimming|privilege-escalation,persistence|enterprise-attack
T1546.012|Image File Execution Options Injection|privilege-escalation,persistence|enterprise-attack
T1546.013|PowerShell Profile|privilege-escalation,persistence|enterprise-attack
T1546.014|Emond|privilege-escalation,persistence|enterprise-attack
T1546.015|Component Object Model Hijacking|privilege-escalation,persistence|enterprise-attack
T1546.016|Installer Packages|privilege-escalation,persistence|enterprise-attack
T1546.017|Udev Rules|persistence,privilege-escalation|enterprise-attack
T1546.018|Python Startup Hooks|persistence,privilege-escalation|enterprise-attack
T1546|Event Triggered Execution|privilege-escalation,persistence|enterprise-attack
T1547.001|Registry Run Keys / Startup Folder|persistence,privilege-escalation|enterprise-attack
T1547.002|Authentication Package|persistence,privilege-escalation|enterprise-attack
T1547.003|Time Providers|persistence,privilege-escalation|enterprise-attack
T1547.004|Winlogon Helper DLL|persistence,privilege-escalation|enterprise-attack
T1547.005|Security Support Provider|persistence,privilege-escalation|enterprise-attack
T1547.006|Kernel Modules and Extensions|persistence,privilege-escalation|enterprise-attack
T1547.007|Re-opened Applications|persistence,privilege-escalation|enterprise-attack
T1547.008|LSASS Driver|persistence,privilege-escalation|enterprise-attack
T1547.009|Shortcut Modification|persistence,privilege-escalation|enterprise-attack
T1547.010|Port Monitors|persistence,privilege-escalation|enterprise-attack
T1547.012|Print Processors|persistence,privilege-escalation|enterprise-attack
T1547.013|XDG Autostart Entries|persistence,privilege-escalation|enterprise-attack
T1547.014|Active Setup|persistence,privilege-escalation|enterprise-attack
T1547.015|Login Items|persistence,privilege-escalation|enterprise-attack
T1547|Boot or Logon Autostart Execution|persistence,privilege-escalation|enterprise-attack
T1548.001|Setuid and Setgid|privilege-escalation,defense-evasion|enterprise-attack
T1548.002|Bypass User Account Control|privilege-escalation,defense-evasion|enterprise-attack
T1548.003|Sudo and Sudo Caching|privilege-escalation,defense-evasion|enterprise-attack
T1548.004|Elevated Execution with Prompt|privilege-escalation,defense-evasion|enterprise-attack
T1548.005|Temporary Elevated Cloud Access|privilege-escalation,defense-evasion|enterprise-attack
T1548.006|TCC Manipulation|defense-evasion,privilege-escalation|enterprise-attack
T1548|Abuse Elevation Control Mechanism|privilege-escalation,defense-evasion|enterprise-attack
T1550.001|Application Access Token|defense-evasion,lateral-movement|enterprise-attack
T1550.002|Pass the Hash|defense-evasion,lateral-movement|enterprise-attack
T1550.003|Pass the Ticket|defense-evasion,lateral-movement|enterprise-attack
T1550.004|Web Session Cookie|defense-evasion,lateral-movement|enterprise-attack
T1550|Use Alternate Authentication Material|defense-evasion,lateral-movement|enterprise-attack
T1552.001|Credentials In Files|credential-access|enterprise-attack
T1552.002|Credentials in Registry|credential-access|enterprise-attack
T1552.003|Shell History|credential-access|enterprise-attack
T1552.004|Private Keys|credential-access|enterprise-attack
T1552.005|Cloud Instance Metadata API|credential-access|enterprise-attack
T1552.006|Group Policy Preferences|credential-access|enterprise-attack
T1552.007|Container API|credential-access|enterprise-attack
T1552.008|Chat Messages|credential-access|enterprise-attack
T1552|Unsecured Credentials|credential-access|enterprise-attack
T1553.001|Gatekeeper Bypass|defense-evasion|enterprise-attack
T1553.002|Code Signing|defense-evasion|enterprise-attack
T1553.003|SIP and Trust Provider Hijacking|defense-evasion|enterprise-attack
T1553.004|Install Root Certificate|defense-evasion|enterprise-attack
T1553.005|Mark-of-the-Web Bypass|defense-evasion|enterprise-attack
T1553.006|Code Signing Policy Modification|defense-evasion|enterprise-attack
T1553|Subvert Trust Controls|defense-evasion|enterprise-attack
T1554|Compromise Host Software Binary|persistence|enterprise-attack
T1555.001|Keychain|credential-access|enterprise-attack
T1555.002|Securityd Memory|credential-access|enterprise-attack
T1555.003|Credentials from Web Browsers|credential-access|enterprise-attack
T1555.004|Windows Credential Manager|credential-access|enterprise-attack
T1555.005|Password Managers|credential-access|enterprise-attack
T1555.006|Cloud Secrets Management Stores|credential-access|enterprise-attack
T1555|Credentials from Password Stores|credential-access|enterprise-attack
T1556.001|Domain Controller Authentication|credential-access,defense-evasion,persistence|enterprise-attack
T1556.002|Password Filter DLL|credential-access,defense-evasion,persistence|enterprise-attack
T1556.003|Pluggable Authentication Modules|credential-access,defense-evasion,persistence|enterprise-attack
T1556.004|Network Device Authentication|credential-access,defense-evasion,persistence|enterprise-attack
T1556.005|Reversible Encryption|credential-access,defense-evasion,persistence|enterprise-attack
T1556.006|Multi-Factor Authentication|credential-access,defense-evasion,persistence|enterprise-attack
T1556.007|Hybrid Identity|credential-access,defense-evasion,persistence|enterprise-attack
T1556.008|Network Provider DLL|credential-access,defense-evasion,persistence|enterprise-attack
T1556.009|Conditional Access Policies|credential-access,defense-evasion,persistence|enterprise-attack
T1556|Modify Authentication Process|credential-access,defense-evasion,persistence|enterprise-attack
T1557.001|LLMNR/NBT-NS Poisoning and SMB Relay|credential-access,collection|enterprise-attack
T1557.002|ARP Cache Poisoning|credential-access,collection|enterprise-attack
T1557.003|DHCP Spoofing|credential-access,collection|enterprise-attack
T1557.004|Evil Twin|credential-access,collection|enterprise-attack
T1557|Adversary-in-the-Middle|credential-access,collection|enterprise-attack
T1558.001|Golden Ticket|credential-access|enterprise-attack
T1558.002|Silver Ticket|credential-access|enterprise-attack
T1558.003|Kerberoasting|credential-access|enterprise-attack
T1558.004|AS-REP Roasting|credential-access|enterprise-attack
T1558.005|Ccache Files|credential-access|enterprise-attack
T1558|Steal or Forge Kerberos Tickets|credential-access|enterprise-attack
T1559.001|Component Object Model|execution|enterprise-attack
T1559.002|Dynamic Data Exchange|execution|enterprise-attack
T1559.003|XPC Services|execution|enterprise-attack
T1559|Inter-Process Communication|execution|enterprise-attack
T1560.001|Archive via Utility|collection|enterprise-attack
T1560.002|Archive via Library|collection|enterprise-attack
T1560.003|Archive via Custom Method|collection|enterprise-attack
T1560|Archive Collected Data|collection|enterprise-attack
T1561.001|Disk Content Wipe|impact|enterprise-attack
T1561.002|Disk Structure Wipe|impact|enterprise-attack
T1561|Disk Wipe|impact|enterprise-attack
T1562.001|Disable or Modify Tools|defense-evasion|enterprise-attack
T1562.002|Disable Windows Event Logging|defense-evasion|enterprise-attack
T1562.003|Impair Command History Logging|defense-evasion|enterprise-attack
T1562.004|Disable or Modify System Firewall|defense-evasion|enterprise-attack
T1562.006|Indicator Blocking|defense-evasion|enterprise-attack
T1562.007|Disable or Modify Cloud Firewall|defense-evasion|enterprise-attack
T1562.008|Disable or Modify Cloud Logs|defense-evasion|enterprise-attack
T1562.009|Safe Mode Boot|defense-evasion|enterprise-attack
T1562.010|Downgrade Attack|defense-evasion|enterprise-attack
T1562.011|Spoof Security Alerting|defense-evasion|enterprise-attack
T1562.012|Disable or Modify Linux Audit System|defense-evasion|enterprise-attack
T1562.013|Disable or Modify Network Device Firewall|defense-evasion|enterprise-attack
T1562|Impair Defenses|defense-evasion|enterprise-attack
T1563.001|SSH Hijacking|lateral-movement|enterprise-attack
T1563.002|RDP Hijacking|lateral-movement|enterprise-attack
T1563|Remote Service Session Hijacking|lateral-movement|enterprise-attack
T1564.001|Hidden Files and Directories|defense-evasion|enterprise-attack
T1564.002|Hidden Users|defense-evasion|enterprise-attack
T1564.003|Hidden Window|defense-evasion|enterprise-attack
T1564.004|NTFS File Attributes|defense-evasion|enterprise-attack
T1564.005|Hidden File System|defense-evasion|enterprise-attack
T1564.006|Run Virtual Instance|defense-evasion|enterprise-attack
T1564.007|VBA Stomping|defense-evasion|enterprise-attack
T1564.008|Email Hiding Rules|defense-evasion|enterprise-attack
T1564.009|Resource Forking|defense-evasion|enterprise-attack
T1564.010|Process Argument Spoofing|defense-evasion|enterprise-attack
T1564.011|Ignore Process Interrupts|defense-evasion|enterprise-attack
T1564.012|File/Path Exclusions|defense-evasion|enterprise-attack
T1564.013|Bind Mounts|defense-evasion|enterprise-attack
T1564.014|Extended Attributes|defense-evasion|enterprise-attack
T1564|Hide Artifacts|defense-evasion|enterprise-attack
T1565.001|Stored Data Manipulation|impact|enterprise-attack
T1565.002|Transmitted Data Manipulation|impact|enterprise-attack
T1565.003|Runtime Data Manipulation|impact|enterprise-attack
T1565|Data Manipulation|impact|enterprise-attack
T1566.001|Spearphishing Attachment|initial-access|enterprise-attack
T1566.002|Spearphishing Link|initial-access|enterprise-attack
T1566.003|Spearphishing via Service|initial-access|enterprise-attack
T1566.004|Spearphishing Voice|initial-access|enterprise-attack
T1566|Phishing|initial-access|enterprise-attack
T1567.001|Exfiltration to Code Repository|exfiltration|enterprise-attack
T1567.002|Exfiltration to Cloud Storage|exfiltration|enterprise-attack
T1567.003|Exfiltration to Text Storage Sites|exfiltration|enterprise-attack
T1567.004|Exfiltration Over Webhook|exfiltration|enterprise-attack
T1567|Exfiltration Over Web Service|exfiltration|enterprise-attack
T1568.001|Fast Flux DNS|command-and-control|enterprise-attack
T1568.002|Domain Generation Algorithms|command-and-control|enterprise-attack
T1568.003|DNS Calculation|command-and-control|enterprise-attack
T1568|Dynamic Resolution|command-and-control|enterprise-attack
T1569.001|Launchctl|execution|enterprise-attack
T1569.002|Service Execution|execution|enterprise-attack
T1569.003|Systemctl|execution|enterprise-attack
T1569|System Services|execution|enterprise-attack
T1570|Lateral Tool Transfer|lateral-movement|enterprise-attack
T1571|Non-Standard Port|command-and-control|enterprise-attack
T1572|Protocol Tunneling|command-and-control|enterprise-attack
T1573.001|Symmetric Cryptography|command-and-control|enterprise-attack
T1573.002|Asymmetric Cryptography|command-and-control|enterprise-attack
T1573|Encrypted Channel|command-and-control|enterprise-attack
T1574.001|DLL|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.004|Dylib Hijacking|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.005|Executable Installer File Permissions Weakness|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.006|Dynamic Linker Hijacking|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.007|Path Interception by PATH Environment Variable|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.008|Path Interception by Search Order Hijacking|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.009|Path Interception by Unquoted Path|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.010|Services File Permissions Weakness|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.011|Services Registry Permissions Weakness|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.012|COR_PROFILER|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.013|KernelCallbackTable|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574.014|AppDomainManager|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1574|Hijack Execution Flow|persistence,privilege-escalation,defense-evasion|enterprise-attack
T1575|Native API|defense-evasion,execution|mobile-attack
T1577|Compromise Application Executable|persistence|mobile-attack
T1578.001|Create Snapshot|defense-evasion|enterprise-attack
T1578.002|Create Cloud Instance|defense-evasion|enterprise-attack
T1578.003|Delete Cloud Instance|defense-evasion|enterprise-attack
T1578.004|Revert Cloud Instance|defense-evasion|enterprise-attack
T1578.005|Modify Cloud Compute Configurations|defense-evasion|enterprise-attack
T1578|Modify Cloud Compute Infrastructure|defense-evasion|enterprise-attack
T1580|Cloud Infrastructure Discovery|discovery|enterprise-attack
T1582|SMS Control|impact|mobile-attack
T1583.001|Domains|resource-development|enterprise-attack
T1583.002|DNS Server|resource-development|enterprise-attack
T1583.003|Virtual Private Server|resource-development|enterprise-attack
T1583.004|Server|resource-development|enterprise-attack
T1583.005|Botnet|resource-development|enterprise-attack
T1583.006|Web Services|resource-development|enterprise-attack
T1583.007|Serverless|resource-development|enterprise-attack
T1583.008|Malvertising|resource-development|enterprise-attack
T1583|Acquire Infrastructure|resource-development|enterprise-attack
T1584.001|Domains|resource-development|enterprise-attack
T1584.002|DNS Server|resource-development|enterprise-attack
T1584.003|Virtual Private Server|resource-development|enterprise-attack
T1584.004|Server|resource-development|enterprise-attack
T1584.005|Botnet|resource-development|enterprise-attack
T1584.006|Web Services|resource-development|enterprise-attack
T1584.007|Serverless|resource-development|enterprise-attack
T1584.008|Network Devices|resource-development|enterprise-attack
T1584|Compromise Infrastructure|resource-development|enterprise-attack
T1585.001|Social Media Accounts|resource-development|enterprise-attack
T1585.002|Email Accounts|resource-development|enterprise-attack
T1585.003|Cloud Accounts|resource-development|enterprise-attack
T1585|Establish Accounts|resource-development|enterprise-attack
T1586.001|Social Media Accounts|resource-development|enterprise-attack
T1586.002|Email Accounts|resource-development|enterprise-attack
T1586.003|Cloud Accounts|resource-development|enterprise-attack
T1586|Compromise Accounts|resource-development|enterprise-attack
T1587.001|Malware|resource-development|enterprise-attack
T1587.002|Code Signing Certificates|resource-development|enterprise-attack
T1587.003|Digital Certificates|resource-development|enterprise-attack
T1587.004|Exploits|resource-development|enterprise-attack
T1587|Develop Capabilities|resource-development|enterprise-attack
T1588.001|Malware|resource-development|enterprise-attack
T1588.002|Tool|resource-development|enterprise-attack
T1588.003|Code Signing Certificates|resource-development|enterprise-attack
T1588.004|Digital Certificates|resource-development|enterprise-attack
T1588.005|Exploits|resource-development|enterprise-attack
T1588.006|Vulnerabilities|resource-development|enterprise-attack
T1588.007|Artificial Intelligence|resource-development|enterprise-attack
T1588|Obtain Capabilities|resource-development|enterprise-attack
T1589.001|Credentials|reconnaissance|enterprise-attack
T1589.002|Email Addresses|reconnaissance|enterprise-attack
T1589.003|Employee Names|reconnaissance|enterprise-attack
T1589|Gather Victim Identity Information|reconnaissance|enterprise-attack
T1590.001|Domain Properties|reconnaissance|enterprise-attack
T1590.002|DNS|reconnaissance|enterprise-attack
T1590.003|Network Trust Dependencies|reconnaissance|enterprise-attack
T1590.004|Network Topology|reconnaissance|enterprise-attack
T1590.005|IP Addresses|reconnaissance|enterprise-attack
T1590.006|Network Security Appliances|reconnaissance|enterprise-attack
T1590|Gather Victim Network Information|reconnaissance|enterprise-attack
T1591.001|Determine Physical Locations|reconnaissance|enterprise-attack
T1591.002|Business Relationships|reconnaissance|enterprise-attack
T1591.003|Identify Business Tempo|reconnaissance|enterprise-attack
T1591.004|Identify Roles|reconnaissance|enterprise-attack
T1591|Gather Victim Org Information|reconnaissance|enterprise-attack
T1592.001|Hardware|reconnaissance|enterprise-attack
T1592.002|Software|reconnaissance|enterprise-attack
T1592.003|Firmware|reconnaissance|enterprise-attack
T1592.004|Client Configurations|reconnaissance|enterprise-attack
T1592|Gather Victim Host Information|reconnaissance|enterprise-attack
T1593.001|Social Media|reconnaissance|enterprise-attack
T1593.002|Search Engines|reconnaissance|enterprise-attack
T1593.003|Code Repositories|reconnaissance|enterprise-attack
T1593|Search Open Websites/Domains|reconnaissance|enterprise-attack
T1594|Search Victim-Owned Websites|reconnaissance|enterprise-attack
T1595.001|Scanning IP Blocks|reconnaissance|enterprise-attack
T1595.002|Vulnerability Scanning|reconnaissance|enterprise-attack
T1595.003|Wordlist Scanning|reconnaissance|enterprise-attack
T1595|Active Scanning|reconnaissance|enterprise-attack
T1596.001|DNS/Passive DNS|reconnaissance|enterprise-attack
T1596.002|WHOIS|reconnaissance|enterprise-attack
T1596.003|Digital Certificates|reconnaissance|enterprise-attack
T1596.004|CDNs|reconnaissance|enterprise-attack
T1596.005|Scan Databases|reconnaissance|enterprise-attack
T1596|Search Open Technical Databases|reconnaissance|enterprise-attack
T1597.001|Threat Intel Vendors|reconnaissance|enterprise-attack
T1597.002|Purchase Technical Data|reconnaissance|enterprise-attack
T1597|Search Closed Sources|reconnaissance|enterprise-attack
T1598.001|Spearphishing Service|reconnaissance|enterprise-attack
T1598.002|Spearphishing Attachment|reconnaissance|enterprise-attack
T1598.003|Spearphishing Link|reconnaissance|enterprise-attack
T1598.004|Spearphishing Voice|reconnaissance|enterprise-attack
T1598|Phishing for Information|reconnaissance|enterprise-attack
T1599.001|Network Address Translation Traversal|defense-evasion|enterprise-attack
T1599|Network Boundary Bridging|defense-evasion|enterprise-attack
T1600.001|Reduce Key Space|defense-evasion|enterprise-attack
T1600.002|Disable Crypto Hardware|defense-evasion|enterprise-attack
T1600|Weaken Encryption|defense-evasion|enterprise-attack
T1601.001|Patch System Image|defense-evasion|enterprise-attack
T1601.002|Downgrade System Image|defense-evasion|enterprise-attack
T1601|Modify System Image|defense-evasion|enterprise-attack
T1602.001|SNMP (MIB Dump)|collection|enterprise-attack
T1602.002|Network Device Configuration Dump|collection|enterprise-attack
T1602|Data from Configuration Repository|collection|enterprise-attack
T1603|Scheduled Task/Job|execution,persistence|mobile-attack
T1604|Proxy Through Victim|defense-evasion|mobile-attack
T1606.001|Web Cookies|credential-access|enterprise-attack
T1606.002|SAML Tokens|credential-access|enterprise-attack
T1606|Forge Web Credentials|credential-access|enterprise-attack
T1608.001|Upload Malware|resource-development|enterprise-attack
T1608.002|Upload Tool|resource-development|enterprise-attack
T1608.003|Install Digital Certificate|resource-development|enterprise-attack
T1608.004|Drive-by Target|resource-development|enterprise-attack
T1608.005|Link Target|resource-development|enterprise-attack
T1608.006|SEO Poisoning|resource-development|enterprise-attack
T1608|Stage Capabilities|resource-development|enterprise-attack
T1609|Container Administration Command|execution|enterprise-attack
T1610|Deploy Container|defense-evasion,execution|enterprise-attack
T1611|Escape to Host|privilege-escalation|enterprise-attack
T1612|Build Image on Host|defense-evasion|enterprise-attack
T1613|Container and Resource Discovery|discovery|enterprise-attack
T1614.001|System Language Discovery|discovery|enterprise-attack
T1614|System Location Discovery|discovery|enterprise-attack
T1615|Group Policy Discovery|discovery|enterprise-attack
T1616|Call Control|collection,impact,command-and-control|mobile-attack
T1617|Hooking|defense-evasion|mobile-attack
T1619|Cloud Storage Object Discovery|discovery|enterprise-attack
T1620|Reflective Code Loading|defense-evasion|enterprise-attack
T1621|Multi-Factor Authentication Request Generation|credential-access|enterprise-attack
T1622|Debugger Evasion|defense-evasion,discovery|enterprise-attack
T1623.001|Unix Shell|execution|mobile-attack
T1623|Command and Scripting Interpreter|execution|mobile-attack
T1624.001|Broadcast Receivers|persistence|mobile-attack
T1624|Event Triggered Execution|persistence|mobile-attack
T1625.001|System Runtime API Hijacking|persistence|mobile-attack
T1625|Hijack Execution Flow|persistence|mobile-attack
T1626.001|Device Administrator Permissions|privilege-escalation|mobile-attack
T1626|Abuse Elevation Control Mechanism|privilege-escalation|mobile-attack
T1627.001|Geofencing|defense-evasion|mobile-attack
T1627|Execution Guardrails|defense-evasion|mobile-attack
T1628.001|Suppress Application Icon|defense-evasion|mobile-attack
T1628.002|User Evasion|defense-evasion|mobile-attack
T1628.003|Conceal Multimedia Files|defense-evasion|mobile-attack
T1628|Hide Artifacts|defense-evasion|mobile-attack
T1629.001|Prevent Application Removal|defense-evasion|mobile-attack
T1629.002|Device Lockout|defense-evasion|mobile-attack
T1629.003|Disable or Modify Tools|defense-evasion|mobile-attack
T1629|Impair Defenses|defense-evasion|mobile-attack
T1630.001|Uninstall Malicious Application|defense-evasion|mobile-attack
T1630.002|File Deletion|defense-evasion|mobile-attack
T1630.003|Disguise Root/Jailbreak Indicators|defense-evasion|mobile-attack
T1630|Indicator Removal on Host|defense-evasion|mobile-attack
T1631.001|Ptrace System Calls|defense-evasion,privilege-escalation|mobile-attack
T1631|Process Injection|defense-evasion,privilege-escalation|mobile-attack
T1632.001|Code Signing Policy Modification|defense-evasion|mobile-attack
T1632|Subvert Trust Controls|defense-evasion|mobile-attack
T1633.001|System Checks|defense-evasion|mobile-attack
T1633|Virtualization/Sandbox Evasion|defense-evasion|mobile-attack
T1634.001|Keychain|credential-access|mobile-attack
T1634|Credentials from Password Store|credential-access|mobile-attack
T1635.001|URI Hijacking|credential-access|mobile-attack
T1635|Steal Application Access Token|credential-access|mobile-attack
T1636.001|Calendar Entries|collection|mobile-attack
T1636.002|Call Log|collection|mobile-attack
T1636.003|Contact List|collection|mobile-attack
T1636.004|SMS Messages|collection|mobile-attack
T1636.005|Accounts|collection|mobile-attack
T1636|Protected User Data|collection|mobile-attack
T1637.001|Domain Generation Algorithms|command-and-control|mobile-attack
T1637|Dynamic Resolution|command-and-control|mobile-attack
T1638|Adversary-in-the-Middle|collection|mobile-attack
T1639.001|Exfiltration Over Unencrypted Non-C2 Protocol|exfiltration|mobile-attack
T1639|Exfiltration Over Alternative Protocol|exfiltration|mobile-attack
T1640|Account Access Removal|impact|mobile-attack
T1641.001|Transmitted Data Manipulation|impact|mobile-attack
T1641|Data Manipulation|impact|mobile-attack
T1642|Endpoint Denial of Service|impact|mobile-attack
T1643|Generate Traffic from Victim|impact|mobile-attack
T1644|Out of Band Data|command-and-control|mobile-attack
T1645|Compromise Client Software Binary|persistence|mobile-attack
T1646|Exfiltration Over C2 Channel|exfiltration|mobile-attack
T1647|Plist File Modification|defense-evasion|enterprise-attack
T1648|Serverless Execution|execution|enterprise-attack
T1649|Steal or Forge Authentication Certificates|credential-access|enterprise-attack
T1650|Acquire Access|resource-development|enterprise-attack
T1651|Cloud Administration Command|execution|enterprise-attack
T1652|Device Driver Discovery|discovery|enterprise-attack
T1653|Power Settings|persistence|enterprise-attack
T1654|Log Enumeration|discovery|enterprise-attack
T1655.001|Match Legitimate Name or Location|defense-evasion|mobile-attack
T1655|Masquerading|defense-evasion|mobile-attack
T1656|Impersonation|defense-evasion|enterprise-attack
T1657|Financial Theft|impact|enterprise-attack
T1658|Exploitation for Client Execution|execution|mobile-attack
T1659|Content Injection|initial-access,command-and-control|enterprise-attack
T1660|Phishing|initial-access|mobile-attack
T1661|Application Versioning|initial-access,defense-evasion|mobile-attack
T1662|Data Destruction|impact|mobile-attack
T1663|Remote Access Software|command-and-control|mobile-attack
T1664|Exploitation for Initial Access|initial-access|mobile-attack
T1665|Hide Infrastructure|command-and-control|enterprise-attack
T1666|Modify Cloud Resource Hierarchy|defense-evasion|enterprise-attack
T1667|Email Bombing|impact|enterprise-attack
T1668|Exclusive Control|persistence|enterprise-attack
T1669|Wi-Fi Networks|initial-access|enterprise-attack
T1670|Virtualization Solution|defense-evasion|mobile-attack
T1671|Cloud Application Integration|persistence|enterprise-attack
T1672|Email Spoofing|defense-evasion|enterprise-attack
T1673|Virtual Machine Discovery|discovery|enterprise-attack
T1674|Input Injection|execution|enterprise-attack
T1675|ESXi Administration Command|execution|enterprise-attack
T1676|Linked Devices|collection,persistence|mobile-attack
T1677|Poisoned Pipeline Execution|execution|enterprise-attack
T1678|Delay Execution|defense-evasion|enterprise-attack
T1679|Selective Exclusion|defense-evasion|enterprise-attack
T1680|Local Storage Discovery|discovery|enterprise-attack
T1681|Search Threat Vendor Data|reconnaissance|enterprise-attack
"""

    /// domain|shortname|name|TA id, in each matrix's kill-chain order.
    package static let tactics = """
enterprise-attack|reconnaissance|Reconnaissance|TA0043
enterprise-attack|resource-development|Resource Development|TA0042
enterprise-attack|initial-access|Initial Access|TA0001
enterprise-attack|execution|Execution|TA0002
enterprise-attack|persistence|Persistence|TA0003
enterprise-attack|privilege-escalation|Privilege Escalation|TA0004
enterprise-attack|defense-evasion|Defense Evasion|TA0005
enterprise-attack|credential-access|Credential Access|TA0006
enterprise-attack|discovery|Discovery|TA0007
enterprise-attack|lateral-movement|Lateral Movement|TA0008
enterprise-attack|collection|Collection|TA0009
enterprise-attack|command-and-control|Command and Control|TA0011
enterprise-attack|exfiltration|Exfiltration|TA0010
enterprise-attack|impact|Impact|TA0040
ics-attack|initial-access|Initial Access|TA0108
ics-attack|execution|Execution|TA0104
ics-attack|persistence|Persistence|TA0110
ics-attack|privilege-escalation|Privilege Escalation|TA0111
ics-attack|evasion|Evasion|TA0103
ics-attack|discovery|Discovery|TA0102
ics-attack|lateral-movement|Lateral Movement|TA0109
ics-attack|collection|Collection|TA0100
ics-attack|command-and-control|Command and Control|TA0101
ics-attack|inhibit-response-function|Inhibit Response Function|TA0107
ics-attack|impair-process-control|Impair Process Control|TA0106
ics-attack|impact|Impact|TA0105
mobile-attack|initial-access|Initial Access|TA0027
mobile-attack|execution|Execution|TA0041
mobile-attack|persistence|Persistence|TA0028
mobile-attack|privilege-escalation|Privilege Escalation|TA0029
mobile-attack|defense-evasion|Defense Evasion|TA0030
mobile-attack|credential-access|Credential Access|TA0031
mobile-attack|discovery|Discovery|TA0032
mobile-attack|lateral-movement|Lateral Movement|TA0033
mobile-attack|collection|Collection|TA0035
mobile-attack|command-and-control|Command and Control|TA0037
mobile-attack|exfiltration|Exfiltration|TA0036
mobile-attack|impact|Impact|TA0034
"""

    /// G id|name|alias|alias..., one group per line (its own names in ATT&CK).
    package static let groups = """
G0001|Axiom|Group 72
G0002|Moafee
G0003|Cleaver|Threat Group 2889|TG-2889
G0004|Ke3chang|APT15|Mirage|Vixen Panda|GREF|Playful Dragon|RoyalAPT|NICKEL|Nylon Typhoon
G0005|APT12|IXESHE|DynCalc|Numbered Panda|DNSCALC
G0006|APT1|Comment Crew|Comment Group|Comment Panda
G0007|APT28|IRON TWILIGHT|SNAKEMACKEREL|Swallowtail|Group 74|Sednit|Sofacy|Pawn Storm|Fancy Bear|STRONTIUM|Tsar Team|Threat Group-4127|TG-4127|Forest Blizzard|FROZENLAKE|GruesomeLarch
G0008|Carbanak|Anunak
G0009|Deep Panda|Shell Crew|WebMasters|KungFu Kittens|PinkPanther|Black Vine
G0010|Turla|IRON HUNTER|Group 88|Waterbug|WhiteBear|Snake|Krypton|Venomous Bear|Secret Blizzard|BELUGASTURGEON
G0011|PittyTiger
G0012|Darkhotel|DUBNIUM|Zigzag Hail
G0013|APT30
G0016|APT29|IRON RITUAL|IRON HEMLOCK|NobleBaron|Dark Halo|NOBELIUM|UNC2452|YTTRIUM|The Dukes|Cozy Bear|CozyDuke|SolarStorm|Blue Kitsune|UNC3524|Midnight Blizzard
G0017|DragonOK
G0018|admin@338
G0019|Naikon
G0020|Equation
G0021|Molerats|Operation Molerats|Gaza Cybergang
G0022|APT3|Gothic Panda|Pirpi|UPS Team|Buckeye|Threat Group-0110|TG-0110
G0023|APT16
G0024|Putter Panda|APT2|MSUpdater
G0025|APT17|Deputy Dog
G0026|APT18|TG-0416|Dynamite Panda|Threat Group-0416
G0027|Threat Group-3390|Earth Smilodon|TG-3390|Emissary Panda|BRONZE UNION|APT27|Iron Tiger|LuckyMouse|Linen Typhoon
G0028|Threat Group-1314|TG-1314
G0029|Scarlet Mimic
G0030|Lotus Blossom|DRAGONFISH|Spring Dragon|RADIUM|Raspberry Typhoon|Bilbug|Thrip
G0032|Lazarus Group|Labyrinth Chollima|HIDDEN COBRA|Guardians of Peace|ZINC|NICKEL ACADEMY|Diamond Sleet
G0033|Poseidon Group
G0034|Sandworm Team|ELECTRUM|Telebots|IRON VIKING|BlackEnergy (Group)|Quedagh|Voodoo Bear|IRIDIUM|Seashell Blizzard|FROZENBARENTS|APT44
G0035|Dragonfly|TEMP.Isotope|DYMALLOY|Berserk Bear|TG-4192|Crouching Yeti|IRON LIBERTY|Energetic Bear|Ghost Blizzard|BROMINE
G0036|GCMAN
G0037|FIN6|Magecart Group 6|ITG08|Skeleton Spider|TAAL|Camouflage Tempest
G0038|Stealth Falcon
G0039|Suckfly
G0040|Patchwork|Hangover Group|Dropping Elephant|Chinastrats|MONSOON|Operation Hangover
G0041|Strider|ProjectSauron
G0043|Group5
G0044|Winnti Group|Blackfly
G0045|menuPass|Cicada|POTASSIUM|Stone Panda|APT10|Red Apollo|CVNX|HOGFISH|BRONZE RIVERSIDE
G0046|FIN7|GOLD NIAGARA|ITG14|Carbon Spider|ELBRUS|Sangria Tempest
G0047|Gamaredon Group|IRON TILDEN|Primitive Bear|ACTINIUM|Armageddon|Shuckworm|DEV-0157|Aqua Blizzard
G0048|RTM
G0049|OilRig|COBALT GYPSY|IRN2|APT34|Helix Kitten|Evasive Serpens|Hazel Sandstorm|EUROPIUM|ITG13|Earth Simnavaz|Crambus|TA452
G0050|APT32|SeaLotus|OceanLotus|APT-C-00|Canvas Cyclone|BISMUTH
G0051|FIN10
G0052|CopyKittens
G0053|FIN5
G0054|Sowbug
G0055|NEODYMIUM
G0056|PROMETHIUM|StrongPity
G0059|Magic Hound|TA453|COBALT ILLUSION|Charming Kitten|ITG18|Phosphorus|Newscaster|APT35|Mint Sandstorm
G0060|BRONZE BUTLER|REDBALDKNIGHT|Tick
G0061|FIN8|Syssphinx
G0062|TA459
G0063|BlackOasis
G0064|APT33|HOLMIUM|Elfin|Peach Sandstorm
G0065|Leviathan|MUDCARP|Kryptonite Panda|Gadolinium|BRONZE MOHAWK|TEMP.Jumper|APT40|TEMP.Periscope|Gingham Typhoon
G0066|Elderwood|Elderwood Gang|Beijing Group|Sneaky Panda
G0067|APT37|InkySquid|ScarCruft|Reaper|Group123|TEMP.Reaper|Ricochet Chollima
G0068|PLATINUM
G0069|MuddyWater|Earth Vetala|MERCURY|Static Kitten|Seedworm|TEMP.Zagros|Mango Sandstorm|TA450
G0070|Dark Caracal
G0071|Orangeworm
G0073|APT19|Codoso|C0d0so0|Codoso Team|Sunshop Group
G0075|Rancor
G0076|Thrip
G0077|Leafminer|Raspite
G0078|Gorgon Group
G0079|DarkHydrus
G0080|Cobalt Group|GOLD KINGSWOOD|Cobalt Gang|Cobalt Spider
G0081|Tropic Trooper|Pirate Panda|KeyBoy
G0082|APT38|NICKEL GLADSTONE|BeagleBoyz|Bluenoroff|Stardust Chollima|Sapphire Sleet|COPERNICIUM
G0083|SilverTerrier
G0084|Gallmaker
G0085|FIN4
G0087|APT39|ITG07|Chafer|Remix Kitten
G0088|TEMP.Veles|XENOTIME
G0089|The White Company
G0090|WIRTE
G0091|Silence|Whisper Spider
G0092|TA505|Hive0065|Spandex Tempest|CHIMBORAZO
G0093|GALLIUM|Granite Typhoon
G0094|Kimsuky|Black Banshee|Velvet Chollima|Emerald Sleet|THALLIUM|APT43|TA427|Springtail
G0095|Machete|APT-C-43|El Machete
G0096|APT41|Wicked Panda|Brass Typhoon|BARIUM
G0097|Bouncing Golf
G0098|BlackTech|Palmerworm
G0099|APT-C-36|Blind Eagle
G0100|Inception|Inception Framework|Cloud Atlas
G0102|Wizard Spider|UNC1878|TEMP.MixMaster|Grim Spider|FIN12|GOLD BLACKBURN|ITG23|Periwinkle Tempest|DEV-0193
G0103|Mofang
G0105|DarkVishnya
G0106|Rocke
G0107|Whitefly
G0108|Blue Mockingbird
G0112|Windshift|Bahamut
G0114|Chimera
G0115|GOLD SOUTHFIELD|Pinchy Spider
G0117|Fox Kitten|UNC757|Parisite|Pioneer Kitten|RUBIDIUM|Lemon Sandstorm
G0119|Indrik Spider|Evil Corp|Manatee Tempest|DEV-0243|UNC2165
G0120|Evilnum
G0121|Sidewinder|T-APT-04|Rattlesnake
G0122|Silent Librarian|TA407|COBALT DICKENS
G0123|Volatile Cedar|Lebanese Cedar
G0124|Windigo
G0125|HAFNIUM|Operation Exchange Marauder|Silk Typhoon
G0126|Higaisa
G0127|TA551|GOLD CABIN|Shathak
G0128|ZIRCONIUM|APT31|Violet Typhoon
G0129|Mustang Panda|TA416|RedDelta|BRONZE PRESIDENT|STATELY TAURUS|FIREANT|CAMARO DRAGON|EARTH PRETA|HIVE0154|TWILL TYPHOON|TANTALUM|LUMINOUS MOTH|UNC6384|TEMP.Hex|Red Lich
G0130|Ajax Security Team|Operation Woolen-Goldfish|AjaxTM|Rocket Kitten|Flying Kitten|Operation Saffron Rose
G0131|Tonto Team|Earth Akhlut|BRONZE HUNTLEY|CactusPete|Karma Panda
G0133|Nomadic Octopus|DustSquad
G0134|Transparent Tribe|COPPER FIELDSTONE|APT36|Mythic Leopard|ProjectM
G0135|BackdoorDiplomacy
G0136|IndigoZebra
G0137|Ferocious Kitten
G0138|Andariel|Silent Chollima|PLUTONIUM|Onyx Sleet
G0139|TeamTNT
G0140|LazyScripter
G0142|Confucius|Confucius APT
G0143|Aquatic Panda
G1000|ALLANITE|Palmetto Fusion
G1001|HEXANE|Lyceum|Siamesekitten|Spirlin
G1002|BITTER|T-APT-17
G1003|Ember Bear|UNC2589|Bleeding Bear|DEV-0586|Cadet Blizzard|Frozenvista|UAC-0056
G1004|LAPSUS$|DEV-0537|Strawberry Tempest
G1005|POLONIUM|Plaid Rain
G1006|Earth Lusca|TAG-22|Charcoal Typhoon|CHROMIUM|ControlX
G1007|Aoqin Dragon
G1008|SideCopy
G1009|Moses Staff|DEV-0500|Marigold Sandstorm
G1011|EXOTIC LILY
G1012|CURIUM|Crimson Sandstorm|TA456|Tortoise Shell|Yellow Liderc
G1013|Metador
G1014|LuminousMoth
G1015|Scattered Spider|Roasted 0ktapus|Octo Tempest|Storm-0875|UNC3944
G1016|FIN13|Elephant Beetle
G1017|Volt Typhoon|BRONZE SILHOUETTE|Vanguard Panda|DEV-0391|UNC3236|Voltzite|Insidious Taurus
G1018|TA2541
G1019|MoustachedBouncer
G1020|Mustard Tempest|DEV-0206|TA569|GOLD PRELUDE|UNC1543
G1021|Cinnamon Tempest|DEV-0401|Emperor Dragonfly|BRONZE STARLIGHT
G1022|ToddyCat
G1023|APT5|Mulberry Typhoon|MANGANESE|BRONZE FLEETWOOD|Keyhole Panda|UNC2630
G1024|Akira|GOLD SAHARA|PUNK SPIDER|Howling Scorpius
G1026|Malteiro
G1027|CyberAv3ngers|Soldiers of Soloman
G1028|APT-C-23|Mantis|Arid Viper|Desert Falcon|TAG-63|Grey Karkadann|Big Bang APT|Two-tailed Scorpion
G1029|UNC788
G1030|Agrius|Pink Sandstorm|AMERICIUM|Agonizing Serpens|BlackShadow
G1031|Saint Bear|Storm-0587|TA471|UAC-0056|Lorec53
G1032|INC Ransom|GOLD IONIC
G1033|Star Blizzard|SEABORGIUM|Callisto Group|TA446|COLDRIVER
G1034|Daggerfly|Evasive Panda|BRONZE HIGHLAND
G1035|Winter Vivern|TA473|UAC-0114
G1036|Moonstone Sleet|Storm-1789
G1037|TA577
G1038|TA578
G1039|RedCurl
G1040|Play
G1041|Sea Turtle|Teal Kurma|Marbled Dust|Cosmic Wolf|SILICON
G1042|RedEcho
G1043|BlackByte|Hecamede
G1044|APT42
G1045|Salt Typhoon
G1046|Storm-1811
G1047|Velvet Ant
G1048|UNC3886
G1049|AppleJeus|Gleaming Pisces|Citrine Sleet|UNC1720|UNC4736
G1050|Water Galura|GOLD FEATHER
G1051|Medusa Group
G1052|Contagious Interview|DeceptiveDevelopment|Gwisin Gang|Tenacious Pungsan|DEV#POPPER|PurpleBravo|TAG-121
G1053|Storm-0501
"""
}
