import Foundation
import ReportText

/// The checks that follow from the template: table 3's identity 一 + 二 = 三 + 四 per column,
/// totals equal the sum of their parts (columns, result rows, table 4 groups), and figures in
/// the prose that contradict the tables.
enum TableChecks {
    static func run(_ tables: [TemplateTable], prose: [(text: String, offset: Int)], view: TextView) -> [Check] {
        var checks: [Check] = []
        if let t3 = tables.first(where: { $0.id == "table3" }) { checks += table3(t3) }
        if let t4 = tables.first(where: { $0.id == "table4" }) { checks += table4(t4) }
        checks += proseAgreement(tables, prose, view)
        return checks
    }

    static func evidence(_ table: TemplateTable, _ row: String, _ col: Int) -> Check.Evidence? {
        guard let c = table.cell(row, col) else { return nil }
        let label = table.rows.first { $0.id == row }.map { $0.label.isEmpty ? $0.id : $0.label } ?? row
        return Check.Evidence(label: "\(table.id) \(label) / \(table.columns[min(col, table.columns.count - 1)])",
                              text: c.text, span: c.span)
    }

    /// pass / fail when every cell is a number; not-assessable otherwise (blank, /, missing).
    static func sumCheck(_ name: String, _ table: TemplateTable, parts: [(String, Int)], total: [(String, Int)],
                         what: String) -> Check {
        let cells = (parts + total).map { table.cell($0.0, $0.1) }
        let ev = (parts + total).compactMap { evidence(table, $0.0, $0.1) }
        guard cells.allSatisfy({ $0?.kind == .number }) else {
            return Check(name: name, status: .notAssessable, detail: "\(what): a cell is missing, blank or not applicable", evidence: ev)
        }
        let left = parts.reduce(0.0) { $0 + table.cell($1.0, $1.1)!.value! }
        let right = total.reduce(0.0) { $0 + table.cell($1.0, $1.1)!.value! }
        let ok = abs(left - right) < 0.001
        return Check(name: name, status: ok ? .pass : .fail,
                     detail: "\(what): \(format(left)) \(ok ? "=" : "≠") \(format(right))", evidence: ev)
    }

    static func table3(_ t: TemplateTable) -> [Check] {
        var out: [Check] = []
        let width = t.columns.count
        for col in 0..<width {
            let name = t.columns[col]
            out.append(sumCheck("table3.identity.\(name)", t, parts: [("new", col), ("carried", col)],
                                total: [("total", col), ("carryover", col)],
                                what: "一(新收)+二(上年结转) = 三(办理结果总计)+四(结转下年度), column \(name)"))
            let resultRows = t.rows.map(\.id).filter { $0 != "new" && $0 != "carried" && $0 != "total" && $0 != "carryover" }
            out.append(sumCheck("table3.results-total.\(name)", t, parts: resultRows.map { ($0, col) },
                                total: [("total", col)], what: "(七)总计 = (一)…(六) and their sub-rows, column \(name)"))
        }
        for row in t.rows {
            if width == 8 {
                out.append(sumCheck("table3.row-subtotal.\(row.id)", t, parts: (1...5).map { (row.id, $0) },
                                    total: [(row.id, 6)], what: "法人或其他组织小计 = its five columns, row \(row.id)"))
                out.append(sumCheck("table3.row-total.\(row.id)", t, parts: [(row.id, 0), (row.id, 6)],
                                    total: [(row.id, 7)], what: "总计 = 自然人 + 小计, row \(row.id)"))
            } else {
                out.append(sumCheck("table3.row-total.\(row.id)", t, parts: (0..<6).map { (row.id, $0) },
                                    total: [(row.id, 6)], what: "总计 = the six applicant columns, row \(row.id)"))
            }
        }
        return out
    }

    static func table4(_ t: TemplateTable) -> [Check] {
        t.rows.map { row in
            sumCheck("table4.total.\(row.id)", t, parts: (0..<4).map { (row.id, $0) }, total: [(row.id, 4)],
                     what: "\(row.label) 总计 = 维持+纠正+其他+尚未审结")
        }
    }

    static let proseRules: [(table: String, row: String, column: String, regex: NSRegularExpression)] = {
        ((try? ResourceFilesBridge.lines("tables/prose-checks.txt")) ?? []).compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            let key = parts[0].split(separator: ".")
            guard parts.count == 2, key.count == 3, let r = try? NSRegularExpression(pattern: String(parts[1])) else { return nil }
            return (String(key[0]), String(key[1]), String(key[2]), r)
        }
    }()

    static func proseAgreement(_ tables: [TemplateTable], _ prose: [(text: String, offset: Int)], _ view: TextView) -> [Check] {
        var out: [Check] = []
        for rule in proseRules {
            guard let t = tables.first(where: { $0.id == rule.table }) else { continue }
            let col = rule.column == "total" ? t.columns.count - 1 : (t.columns.firstIndex(of: rule.column) ?? 0)
            guard let cell = t.cell(rule.row, col), cell.kind == .number, let tableValue = cell.value else { continue }
            for (text, offset) in prose {
                let ns = text as NSString
                guard let m = rule.regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
                      let v = Double(ns.substring(with: m.range(at: 1))) else { continue }
                let ok = abs(v - tableValue) < 0.001
                let span = view.span(offset + m.range.location..<offset + m.range.location + m.range.length)
                var ev = [Check.Evidence(label: "prose", text: view.originalText(span), span: span)]
                if let e = evidence(t, rule.row, col) { ev.append(e) }
                out.append(Check(name: "prose.\(rule.table).\(rule.row)", status: ok ? .pass : .fail,
                                 detail: "the text says \(format(v)), the table \(format(tableValue))", evidence: ev))
                break
            }
        }
        return out
    }

    static func format(_ v: Double) -> String { v.figureText }
}

