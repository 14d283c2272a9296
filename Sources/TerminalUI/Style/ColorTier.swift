/// How many colours the terminal can show, best first. Chosen from terminfo and the
/// environment, overridable with `--color`; `NO_COLOR` means monochrome.
public enum ColorTier: String, CaseIterable, Hashable, Sendable, Comparable {
    case truecolor, color256 = "256", color16 = "16", color8 = "8", monochrome

    public static func < (a: ColorTier, b: ColorTier) -> Bool {
        allCases.firstIndex(of: a)! > allCases.firstIndex(of: b)!
    }

    /// The tier for a terminal with `colors` colours (terminfo `colors`), whether it
    /// takes direct RGB (`RGB` flag / -direct entries), and the environment.
    public static func detect(colors: Int, directColor: Bool, environment: [String: String]) -> ColorTier {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colors <= 0 { return .monochrome }
        // COLORTERM alone is not enough: ncurses can only send 24-bit colour through a
        // terminfo entry that describes it (xterm-direct and friends).
        if directColor { return .truecolor }
        if colors >= 256 { return .color256 }
        if colors >= 16 { return .color16 }
        if colors >= 8 { return .color8 }
        return .monochrome
    }

    /// True when COLORTERM asks for 24-bit colour (the terminal emulator's claim).
    public static func wantsTruecolor(_ environment: [String: String]) -> Bool {
        let c = environment["COLORTERM"]?.lowercased() ?? ""
        return c == "truecolor" || c == "24bit"
    }
}

/// A colour as a terminal takes it.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    /// Palette index: 0–7, 0–15 or 0–255 by tier.
    case index(Int)
    case rgb(RGB)
}

/// Nearest-colour mapping from theme RGB down to what a tier can show.
public enum ColorMapping {
    /// xterm's standard 16 colours (the usual defaults; terminals vary, so themes should
    /// not lean on exact shades in the 16/8 tiers).
    static let ansi16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0), RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    public static func map(_ color: RGB, to tier: ColorTier) -> TerminalColor {
        switch tier {
        case .truecolor: return .rgb(color)
        case .color256: return .index(nearest256(color))
        case .color16: return .index(nearest(color, in: ansi16))
        case .color8: return .index(nearest(color, in: Array(ansi16.prefix(8))))
        case .monochrome: return .default
        }
    }

    static func nearest(_ color: RGB, in palette: [RGB]) -> Int {
        var best = 0, bestDistance = Int.max
        for (i, p) in palette.enumerated() {
            let d = color.distance(to: p)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    /// The closest of xterm's 6×6×6 cube and 24-step grey ramp (indices 16–255).
    public static func nearest256(_ c: RGB) -> Int {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let ri = level(c.r), gi = level(c.g), bi = level(c.b)
        let cube = RGB(UInt8(cubeLevels[ri]), UInt8(cubeLevels[gi]), UInt8(cubeLevels[bi]))
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let average = (Int(c.r) + Int(c.g) + Int(c.b)) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let greyValue = UInt8(8 + 10 * greyStep)
        let grey = RGB(greyValue, greyValue, greyValue)
        return c.distance(to: grey) < c.distance(to: cube) ? 232 + greyStep : cubeIndex
    }

    /// The RGB a palette index stands for (for tests and previews).
    public static func rgb(ofIndex i: Int) -> RGB {
        if i < 16 { return ansi16[max(0, i)] }
        if i >= 232 { let v = UInt8(8 + 10 * (i - 232)); return RGB(v, v, v) }
        let n = i - 16
        return RGB(UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[n / 6 % 6]), UInt8(cubeLevels[n % 6]))
    }
}
