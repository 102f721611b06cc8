import ReportStructure
import ReportText

/// Figures that tie consecutive template reports together: table 3's 结转下年度(N-1) = 上年结转(N),
/// table 2's 现行有效(N) = 现行有效(N-1) + 本年制发(N) − 本年废止(N) (2021+ layout), and figures
/// copied from the year before (the same non-zero value in the same cell of both years).
public enum CrossYearChecks {
    public static let copiedFigureMinimum = 10.0

    public static func run(_ a: ExtractedReport, _ b: ExtractedReport) -> [CrossYearCheck] {
        let ya = a.metadata.reviewYear.value, yb = b.metadata.reviewYear.value
        var out: [CrossYearCheck] = []
        func ev(_ t: TemplateTable, _ row: String, _ col: Int, _ year: Int?) -> Check.Evidence? {
            guard let c = t.cell(row, col) else { return nil }
            return Check.Evidence(label: "\(year.map(String.init) ?? "?") \(t.id) \(row) / \(t.columns[min(col, t.columns.count - 1)])",
                                  text: c.text, span: c.span, year: year)
        }
        if let ta = a.tables.first(where: { $0.id == "table3" }), let tb = b.tables.first(where: { $0.id == "table3" }),
           ta.columns.count == tb.columns.count {
            for col in ta.columns.indices {
                let from = ta.cell("carryover", col), to = tb.cell("carried", col)
                let evidence = [ev(ta, "carryover", col, ya), ev(tb, "carried", col, yb)].compactMap { $0 }
                let name = "carry-over.table3.\(ta.columns[col])"
                guard let f = from, let t = to, f.kind == .number, t.kind == .number else {
                    out.append(CrossYearCheck(name: name, status: .notAssessable, detail: "a cell is missing or not a number", evidence: evidence))
                    continue
                }
                let ok = f.value == t.value
                out.append(CrossYearCheck(name: name, status: ok ? .pass : .fail,
                                          detail: "结转下年度 \(fmt(f.value)) in \(ya.map(String.init) ?? "?") \(ok ? "=" : "≠") 上年结转 \(fmt(t.value)) in \(yb.map(String.init) ?? "?")",
                                          evidence: evidence))
            }
        }
        if let ta = a.tables.first(where: { $0.id == "table2" }), let tb = b.tables.first(where: { $0.id == "table2" }),
           tb.columns.first == "本年制发件数", ta.columns.first == "本年制发件数" {
            for row in ["regulations", "normative"] {
                guard let prev = ta.cell(row, 2)?.value, let issued = tb.cell(row, 0)?.value,
                      let repealed = tb.cell(row, 1)?.value, let valid = tb.cell(row, 2)?.value else { continue }
                let ok = valid == prev + issued - repealed
                out.append(CrossYearCheck(name: "carry-over.table2.\(row)", status: ok ? .pass : .fail,
                                          detail: "现行有效 \(fmt(valid)) \(ok ? "=" : "≠") \(fmt(prev)) + \(fmt(issued)) − \(fmt(repealed))",
                                          evidence: [ev(ta, row, 2, ya), ev(tb, row, 0, yb), ev(tb, row, 1, yb), ev(tb, row, 2, yb)].compactMap { $0 }))
            }
        }
        // Copied figures: flows (not stocks such as 现行有效 or 对外公开总数量) that repeat exactly.
        // Small counts repeat by chance, so only values of at least `copiedFigureMinimum` count.
        for tb in b.tables {
            guard let ta = a.tables.first(where: { $0.id == tb.id }), ta.columns == tb.columns else { continue }
            for row in tb.rows where !(tb.id == "table2") {
                for col in row.cells.indices {
                    guard let x = ta.cell(row.id, col), x.kind == .number, let v = x.value, v >= copiedFigureMinimum,
                          let y = tb.cell(row.id, col), y.kind == .number, y.value == v else { continue }
                    out.append(CrossYearCheck(name: "copied-figure.\(tb.id).\(row.id).\(tb.columns[min(col, tb.columns.count - 1)])",
                                              status: .fail, detail: "the same value \(fmt(v)) is reported for \(ya.map(String.init) ?? "?") and \(yb.map(String.init) ?? "?")",
                                              evidence: [ev(ta, row.id, col, ya), ev(tb, row.id, col, yb)].compactMap { $0 }))
                }
            }
        }
        return out
    }

    static func fmt(_ v: Double?) -> String {
        guard let v else { return "-" }
        return v.figureText
    }
}
