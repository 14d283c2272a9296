import ArgumentParser
import JSONCore

/// The commands and options the argument parser knows, read from its own description
/// (`_dumpHelp`), so completion offers exactly what parsing accepts and cannot drift from it.
struct CommandTable {
    struct Option: Equatable {
        var names: [String]
        var takesValue: Bool
        /// Values the parser itself lists for the option (an enumeration's cases).
        var values: [String]
        var help: String
    }

    struct Command: Equatable {
        var name: String
        var abstract: String
        var options: [Option]
    }

    var commands: [Command]
    var defaultCommand: String

    static let current = CommandTable(json: ThreatDeckCommand._dumpHelp())

    init(json: String) {
        commands = []
        defaultCommand = "run"
        guard let doc = try? JSONDocument(parsing: Array(json.utf8)), let root = doc.member(doc.root, "command") else { return }
        defaultCommand = doc.member(root, "defaultSubcommand").flatMap(doc.string) ?? "run"
        guard let subcommands = doc.member(root, "subcommands") else { return }
        doc.forEachElement(subcommands) { _, node in
            guard doc.member(node, "shouldDisplay").flatMap(doc.bool) != false, let name = doc.member(node, "commandName").flatMap(doc.string) else { return }
            commands.append(Command(name: name, abstract: doc.member(node, "abstract").flatMap(doc.string) ?? "", options: Self.options(doc, node)))
        }
    }

    static func options(_ doc: JSONDocument, _ command: Int) -> [Option] {
        var out: [Option] = []
        guard let arguments = doc.member(command, "arguments") else { return out }
        doc.forEachElement(arguments) { _, a in
            guard let kind = doc.member(a, "kind").flatMap(doc.string), kind != "positional",
                doc.member(a, "shouldDisplay").flatMap(doc.bool) != false, let names = doc.member(a, "names")
            else { return }
            var spelled: [String] = []
            doc.forEachElement(names) { _, n in
                guard let name = doc.member(n, "name").flatMap(doc.string), let k = doc.member(n, "kind").flatMap(doc.string) else { return }
                spelled.append((k == "short" ? "-" : "--") + name)
            }
            var values: [String] = []
            if let completion = doc.member(a, "completionKind"), let list = doc.member(completion, "list"), let v = doc.member(list, "values") {
                doc.forEachElement(v) { _, e in if let s = doc.string(e) { values.append(s) } }
            }
            out.append(
                Option(
                    names: spelled, takesValue: kind == "option", values: values,
                    help: doc.member(a, "abstract").flatMap(doc.string) ?? ""))
        }
        return out
    }

    func command(_ name: String) -> Command? { commands.first { $0.name == name } }

    /// Options that take no value, in any command (so the word after one is an argument).
    static let flags: Set<String> = Set(current.commands.flatMap { $0.options.filter { !$0.takesValue }.flatMap(\.names) })
}
