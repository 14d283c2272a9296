import Foundation

/// Other people's parsers for what ThreatDeck writes: MITRE's mitreattack-python (Navigator
/// layers, strict mode), markdown-it-py (CommonMark + GFM tables) and jsonschema, in a virtual
/// environment the tests create on first use from PyPI (`.ci/run` may pre-create it), driven by
/// the small scripts in Tests/Tools. Python's own csv module needs nothing installed.
public enum PythonTools {
    public static let packages = ["mitreattack-python==6.3.1", "jsonschema==4.26.0", "markdown-it-py"]
    public static let tools = TestPaths.tests + "/Tools"

    /// The Python with the packages: THREATDECK_TOOLS_PYTHON, else ~/.cache/threatdeck-tests/tools-venv.
    public static let python: Result<String, SubprocessError> = {
        if let explicit = ProcessInfo.processInfo.environment["THREATDECK_TOOLS_PYTHON"] { return .success(explicit) }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"
        let venv = home + "/.cache/threatdeck-tests/tools-venv"
        let python = venv + "/bin/python"
        if Subprocess.run([python, "-c", "import mitreattack.navlayers, jsonschema, markdown_it"]).status != 0 {
            let made = Subprocess.run(["python3", "-m", "venv", venv])
            guard made.status == 0 else { return .failure(SubprocessError(message: "python3 -m venv failed: \(made.output)")) }
            let pip = Subprocess.run([venv + "/bin/pip", "install", "-q"] + packages)
            guard pip.status == 0 else { return .failure(SubprocessError(message: "could not install \(packages) from PyPI: \(pip.output)")) }
        }
        return .success(python)
    }()

    /// Runs one of the scripts in Tests/Tools (or `-c CODE`) with the tools' Python.
    public static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let python = try PythonTools.python.get()
        let target = script.hasPrefix("-") ? [script] : [tools + "/" + script]
        return Subprocess.capture([python] + target + arguments)
    }

    /// Plain system Python (csv, json): always there where the tests run.
    public static func system(_ code: String, _ arguments: [String] = [], input: String? = nil) -> (status: Int32, stdout: String, stderr: String) {
        Subprocess.capture(["python3", "-c", code] + arguments, input: input)
    }
}
