import BundledThemes
import Foundation
import ThreatModel
import Dashboard
import Settings
import Testing
import TestSupport
import TerminalUI
import Loading

@Suite struct ThemeTests {
    static let required = ["default", "light", "high-contrast", "monochrome", "colorblind", "wall", "wall-night"]

    @Test func everyBundledThemeLoads() {
        let (themes, errors) = ThemeLoader.load(bundled: BundledThemes.files, user: [])
        #expect(errors.isEmpty, "\(errors)")
        #expect(Set(themes.map(\.name)).isSuperset(of: Self.required))
        // The default theme is "default" whatever the file order (it was colorblind, the
        // first alphabetically, before).
        #expect(Fixtures.state(80, 24).theme.name == "default")
    }

    @Test func embeddedThemesAreTheFilesInThemes() {
        for (name, text) in BundledThemes.files {
            #expect(Snapshot.read(TestPaths.themes + "/" + name) == text, "\(name)")
        }
        let onDisk = (try? TestPathsListing.yamlFiles(TestPaths.themes)) ?? []
        #expect(Set(onDisk) == Set(BundledThemes.files.map(\.name)))
    }

    @Test(arguments: required.filter { $0 != "monochrome" })
    func everyRoleHasItsOwnColourAndTextIsReadable(name: String) throws {
        let theme = try #require(Fixtures.themes.first { $0.name == name })
        let colors = Role.allCases.map { theme.color($0) }
        #expect(Set(colors).count == Role.allCases.count, "\(name): two roles share a colour")
        let background = theme.color(.background)
        for role in Role.textRoles {
            let ratio = theme.color(role).contrast(with: background)
            #expect(ratio >= 4.5, "\(name): \(role.rawValue) contrast \(ratio)")
        }
        // Text on a selected row stays readable too.
        #expect(theme.color(.text).contrast(with: theme.color(.selection)) >= 4.5, "\(name): text on selection")
        // A truecolor rendering of one cell per role gives as many distinct SGR sequences.
        var buffer = Buffer(width: Role.allCases.count, height: 1)
        for (x, role) in Role.allCases.enumerated() { buffer.put("x", x: x, y: 0, style: Style(role)) }
        let ansi = AnsiRenderer.render(buffer, palette: Palette(theme: theme, tier: .truecolor))
        #expect(ansi.components(separatedBy: "\u{1B}[").count - 1 == Role.allCases.count + 1)
    }

    @Test func colorblindHeatScaleRisesInLightness() throws {
        for name in ["colorblind", "default", "high-contrast", "wall", "wall-night"] {
            let theme = try #require(Fixtures.themes.first { $0.name == name })
            let l = Role.heat.map { theme.color($0).luminance }
            #expect(l == l.sorted(), "\(name): \(l)")
        }
    }

    @Test func monochromeThemeUsesNoColour() throws {
        let theme = try #require(Fixtures.themes.first { $0.name == "monochrome" })
        let p = Palette(theme: theme, tier: .truecolor)
        #expect(p.tier == .monochrome)
        #expect(p.resolve(Style(.warning)).foreground == .default)
    }

    @Test func badThemesNameFileLineAndKey() {
        func error(_ text: String) -> String {
            do {
                _ = try ThemeLoader.parse(text, file: "t.yaml", base: ["default": .fallback])
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(error("name: x\ninherits: default\ncolors:\n  text: \"#12345\"\n") == ##"t.yaml:4:9: colors.text: "#12345" is not a colour: use "#rrggbb""##)
        #expect(error("name: x\ninherits: default\ncolors:\n  txt: \"#123456\"\n").hasPrefix("t.yaml:4:3: colors.txt: unknown role"))
        #expect(error("name: x\ncolours: {}\n") == "t.yaml:2:1: colours: unknown key (expected name, description, inherits, monochrome, colors)")
        #expect(error("name: x\ncolors:\n  text: \"#000000\"\n").hasPrefix("t.yaml:1:1: colors: missing roles: background, muted"))
        #expect(error("name: [unclosed\n").hasPrefix("t.yaml:2:1: YAML syntax:"))
        #expect(error("name: x\ninherits: nope\n").hasPrefix(#"t.yaml:2:11: inherits: no theme named "nope""#))
    }

    @Test func userThemesOverrideAndAdd() {
        let user = [
            (path: "/home/a/.config/threatdeck/themes/mine.yaml", text: "name: mine\ninherits: default\ncolors:\n  accent: \"#ff00ff\"\n"),
            (path: "/home/a/.config/threatdeck/themes/light.yaml", text: "name: light\ninherits: default\n"),
            (path: "/home/a/.config/threatdeck/themes/broken.yaml", text: "name: broken\ncolors: 7\n"),
        ]
        let (themes, errors) = ThemeLoader.load(bundled: BundledThemes.files, user: user)
        #expect(themes.first { $0.name == "mine" }?.color(.accent) == RGB(hex: "#ff00ff"))
        #expect(themes.first { $0.name == "light" }?.origin == user[1].path)
        #expect(errors.map(\.file) == [user[2].path])
    }

    /// The message a config text fails with, or "no error".
    static func configError(_ text: String) -> String {
        do {
            _ = try Config.parse(text, file: "c.yaml")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func configReadsDefaultsAndReportsBadKeys() throws {
        let config = try Config.parse(
            """
            theme: wall
            data: [/srv/cti]
            color: never
            kiosk:
              rotate: 15
              views: [headline, nexus:1, {view: "grid(actors, sectors; timeline, techniques)", seconds: 40}]
              stale-after: 900
              night: 22:00-06:00
              shift-every: 5
              max-tlp: amber
            max-tlp: red
            views:
              apac-tech: [sector:technology, region:"South-eastern Asia"]
            """, file: "c.yaml")
        #expect(config.theme == "wall" && config.data == ["/srv/cti"] && config.color == .never)
        #expect(config.kioskRotate == 15 && config.kioskStaleAfter == 900)
        #expect(
            config.kioskEntries == [
                KioskEntry(.headline), KioskEntry(.nexus(rank: 1)),
                KioskEntry(.grid([[.actors, .sectors], [.timeline, .techniques]]), seconds: 40),
            ])
        #expect(config.kioskNight == QuietHours(start: 22 * 60, end: 6 * 60))
        #expect(config.kioskShiftMinutes == 5 && config.kioskMaxTLP == .amber && config.maxTLP == .red)
        #expect(config.views["apac-tech"] == ["sector:technology", "region:\"South-eastern Asia\""])
        let k = config.kiosk(rotate: nil, views: nil, staleAfter: nil, maxTLP: nil)
        #expect(k.entries.count == 3 && k.shiftSeconds == 300 && k.maxTLP == .amber && k.rotateSeconds == 15)
        #expect(Self.configError("color: sometimes\n") == #"c.yaml:1:8: color: "sometimes": expected auto, always or never"#)
        #expect(Self.configError("kiosk:\n  rotate: 0\n") == "c.yaml:2:11: kiosk.rotate: must be at least 1 second")
        #expect(Self.configError("kiosk:\n  views: [headline, sideways]\n").hasPrefix(#"c.yaml:2:21: kiosk.views: unknown view "sideways""#))
        #expect(
            Self.configError("thme: x\n")
                == "c.yaml:1:1: thme: unknown key (expected theme, data, color, ascii, links, linear, max-tlp, sources, views, layout, layouts, kiosk)"
        )
        #expect(Self.configError("kiosk:\n  night: 25:00-06:00\n").hasPrefix("c.yaml:2:10: kiosk.night: \"25:00-06:00\": expected HH:MM-HH:MM"))
        #expect(Self.configError("max-tlp: purple\n").hasPrefix("c.yaml:1:10: max-tlp: \"purple\""))
        #expect(Self.configError("views:\n  x: [technology]\n").hasPrefix("c.yaml:2:6: views.x: \"technology\": expected KIND:VALUE"))
    }

    @Test func configNamesTaxiiSources() throws {
        let config = try Config.parse(
            """
            sources:
              - taxii: https://cti.example/taxii2/
                collection: Enterprise ATT&CK
                poll: 300
                ca-file: /etc/ssl/cti-ca.pem
              - taxii: http://127.0.0.1:5000/cti/
                insecure: true
                token: s3cret
            """, file: "c.yaml")
        #expect(config.taxii.count == 2)
        #expect(config.taxii[0].url == "https://cti.example/taxii2/" && config.taxii[0].collection == "Enterprise ATT&CK")
        #expect(config.taxii[0].poll == 300 && config.taxii[0].caFile == "/etc/ssl/cti-ca.pem" && !config.taxii[0].hasCredentials)
        #expect(config.taxii[1].insecure && config.taxii[1].token == "s3cret" && config.taxii[1].hasCredentials)
        #expect(
            Self.configError("sources:\n  - taxii: cti.example\n")
                == "c.yaml:2:5: sources.taxii: each source needs `taxii: https://…`, `misp-feed: URL|DIR` or `misp-search: https://…`")
        #expect(Self.configError("sources:\n  - taxii: https://x/\n    pol: 3\n").hasPrefix("c.yaml:3:5: sources.pol: unknown key"))
        #expect(Self.configError("sources:\n  - taxii: https://x/\n    poll: 0\n") == "c.yaml:3:11: sources.poll: must be between 1 second and a day (86400)")
        #expect(Self.configError("sources: https://x/\n") == "c.yaml:1:10: sources: expected a list of sources")
    }

    /// Each live source takes its own deadline and caps; a MISP search names a private key
    /// file, and a key written into the config is refused.
    @Test func liveSourceLimitsAndMispSearchesInTheConfig() throws {
        let config = try Config.parse(
            """
            sources:
              - taxii: https://cti.example/taxii2/
                timeout: 120
                max-bytes: 64M
              - misp-feed: https://feeds.example/osint
                max-source-bytes: 1.5G
                max-bytes: 65536
              - misp-search: https://misp.example/
                key-file: ~/.config/threatdeck/misp.key
                poll: 600
                timeout: 30
            """, file: "c.yaml")
        #expect(config.taxii.first?.limits.timeout == 120 && config.taxii.first?.limits.maxBytes == 64 << 20)
        #expect(config.mispFeeds.first?.limits.maxSourceBytes == 3 << 29 && config.mispFeeds.first?.limits.maxBytes == 65536)
        let search = try #require(config.mispSearches.first)
        #expect(search.url == "https://misp.example/" && search.keyFile == "~/.config/threatdeck/misp.key" && search.poll == 600 && search.limits.timeout == 30)
        #expect(
            Self.configError("sources:\n  - misp-search: https://m/\n    key: abc\n").hasPrefix(
                "c.yaml:3:5: sources.key: an API key is never written in the config"))
        #expect(
            Self.configError("sources:\n  - misp-search: m.example\n") == "c.yaml:2:5: sources.misp-search: a MISP search needs the MISP base URL, https://…")
        #expect(
            Self.configError("sources:\n  - taxii: https://x/\n    max-bytes: lots\n")
                == "c.yaml:3:16: sources.max-bytes: \"lots\": expected a size such as 256M, 1G or 65536 (bytes)")
        #expect(
            Self.configError("sources:\n  - taxii: https://x/\n    timeout: 0.5\n")
                == "c.yaml:3:14: sources.timeout: must be between 1 second and a day (86400)")
    }

    @Test func sizesAreReadAsPeopleWriteThem() {
        #expect(ByteSize.parse("256M") == 256 << 20 && ByteSize.parse("256MiB") == 256 << 20 && ByteSize.parse("256mb") == 256 << 20)
        #expect(ByteSize.parse("1G") == 1 << 30 && ByteSize.parse("1.5g") == 3 << 29 && ByteSize.parse("512k") == 512 << 10)
        #expect(ByteSize.parse("65536") == 65536 && ByteSize.parse("1_000") == 1000)
        for bad in ["", "0", "-1", "M", "lots", "1e3", "2T2", "9999T", "nan"] { #expect(ByteSize.parse(bad) == nil, "\(bad)") }
    }
}

enum TestPathsListing {
    static func yamlFiles(_ dir: String) throws -> [String] {
        (LocalFileSystem().list(dir) ?? []).filter { $0.hasSuffix(".yaml") }.map { String($0.split(separator: "/").last!) }
    }
}
