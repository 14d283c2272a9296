/// The public page of a catalogue id: ATT&CK groups (G0096), software (S0001) and
/// campaigns (C0017); nil for ids without one (a MISP galaxy uuid has no public page).
public enum CatalogueLink {
    public static func url(for id: String) -> String? {
        guard id.count == 5, let kind = id.first, id.dropFirst().allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        switch kind {
        case "G": return "https://attack.mitre.org/groups/\(id)/"
        case "S": return "https://attack.mitre.org/software/\(id)/"
        case "C": return "https://attack.mitre.org/campaigns/\(id)/"
        default: return nil
        }
    }
}
