/// The rows of a table bundled in the source (`a|b|c` per line), split on UTF-8 bytes: the
/// tables are ASCII-delimited, and a split on Characters walks grapheme breaks (ATT&CK's 900
/// techniques took some 13 ms at their first lookup, on the critical path of an open).
package enum TableRows {
    /// Each non-empty line's fields, in order; `trimmed` drops spaces and tabs around each.
    package static func parse(_ table: String, omittingEmptyFields: Bool = false, trimmed: Bool = false) -> [[String]] {
        table.utf8.split(separator: UInt8(ascii: "\n")).map { line in
            line.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: omittingEmptyFields).map { field in
                var bytes = field[...]
                if trimmed {
                    while let b = bytes.first, b == 0x20 || b == 0x09 || b == 0x0D { bytes = bytes.dropFirst() }
                    while let b = bytes.last, b == 0x20 || b == 0x09 || b == 0x0D { bytes = bytes.dropLast() }
                }
                return String(Substring(bytes))
            }
        }
    }
}
