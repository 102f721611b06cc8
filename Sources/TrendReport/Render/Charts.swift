import Foundation

/// A line chart over years, as a standalone SVG and as a Mermaid `xychart-beta` block.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
    }

    public var title: String
    public var years: [Int]
    public var series: [Series]
    /// Fixed y range (e.g. 0...1 for rates); nil: from 0 to the largest value.
    public var yMax: Double?

    public init(title: String, years: [Int], series: [Series], yMax: Double? = nil) {
        self.title = title
        self.years = years
        self.series = series
        self.yMax = yMax
    }

    var top: Double {
        if let yMax { return yMax }
        let m = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1
        return m <= 0 ? 1 : m * 1.1
    }

    public var hasData: Bool { series.contains { $0.values.contains { $0 != nil } } }

    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"]

    public func svg() -> String {
        let w = 640.0, h = 320.0, left = 56.0, right = 150.0, topPad = 36.0, bottom = 40.0
        let pw = w - left - right, ph = h - topPad - bottom
        let n = max(years.count, 1)
        func x(_ i: Int) -> Double { left + (n == 1 ? pw / 2 : pw * Double(i) / Double(n - 1)) }
        func y(_ v: Double) -> Double { topPad + ph * (1 - v / top) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        out += "<text x=\"\(f(left))\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(SVG.escape(title))</text>\n"
        for k in 0...4 {
            let v = top * Double(k) / 4
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(left + pw))\" y2=\"\(f(y(v)))\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(SVG.number(v))</text>\n"
        }
        for (i, yr) in years.enumerated() {
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(topPad + ph + 18))\" text-anchor=\"middle\">\(yr)</text>\n"
        }
        for (k, s) in series.enumerated() {
            let color = Self.colors[k % Self.colors.count]
            var path = ""
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                path += (path.isEmpty ? "M" : " L") + "\(f(x(i))) \(f(y(v)))"
                out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3.5\" fill=\"\(color)\"><title>\(years[i]): \(SVG.number(v))</title></circle>\n"
            }
            if !path.isEmpty { out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n" }
            out += "<rect x=\"\(f(left + pw + 14))\" y=\"\(f(topPad + Double(k) * 20))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>\n"
            out += "<text x=\"\(f(left + pw + 32))\" y=\"\(f(topPad + Double(k) * 20 + 10))\">\(SVG.escape(s.name))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// Mermaid's xychart (renders on common code hosts). It cannot draw gaps, so it shows the
    /// years where every series has a value; the SVG shows them all.
    public func mermaid() -> String {
        let keep = years.indices.filter { i in series.allSatisfy { $0.values[i] != nil } }
        var out = "```mermaid\nxychart-beta\n    title \"\(title.replacingOccurrences(of: "\"", with: "'"))\"\n"
        out += "    x-axis [\(keep.map { String(years[$0]) }.joined(separator: ", "))]\n"
        out += "    y-axis 0 --> \(SVG.number(top))\n"
        for s in series where !keep.isEmpty {
            out += "    line [\(keep.map { SVG.number(s.values[$0]!) }.joined(separator: ", "))]\n"
        }
        return out + "```\n"
    }
}

/// Escaping for SVG text: report text must never become markup.
public enum SVG {
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if c.value < 0x20 && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return String(Int(v)) }
        return String(format: "%.2f", v)
    }
}
