/// How requests authenticate: HTTP Basic or a bearer token, from the environment or from a
/// private config file; never from the command line, where `ps` would show it.
public enum TaxiiCredentials: Sendable, Equatable {
    case none
    case basic(user: String, password: String)
    case bearer(token: String)

    /// THREATDECK_TAXII_TOKEN, else THREATDECK_TAXII_USER with THREATDECK_TAXII_PASSWORD.
    public static func fromEnvironment(_ env: [String: String]) -> TaxiiCredentials {
        if let token = env["THREATDECK_TAXII_TOKEN"], !token.isEmpty { return .bearer(token: token) }
        if let user = env["THREATDECK_TAXII_USER"], !user.isEmpty { return .basic(user: user, password: env["THREATDECK_TAXII_PASSWORD"] ?? "") }
        return .none
    }

    /// Refuses a file that others may read: credentials there must be private (mode 0600).
    public static func checkPrivate(_ path: String) throws(TaxiiError) {
        if let problem = PrivateFile.problem(path, holding: "TAXII credentials") { throw .credentials(problem) }
    }

    /// The Authorization header value.
    var header: String? {
        switch self {
        case .none: return nil
        case .bearer(let token): return "Bearer " + token
        case .basic(let user, let password): return "Basic " + Base64.encode(Array((user + ":" + password).utf8))
        }
    }
}

/// RFC 4648 base64, for the Basic authorization header.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
