extension BundledThemes {
    /// (file name, YAML text) of every bundled theme, in file-name order.
    public static var files: [(name: String, text: String)] { all.map { ($0.name, $0.text) } }
}
