import Foundation

/// Reads the template's statistics tables from text, whatever became of the grid: one cell per
/// line, blank-line separated cells, pipe rows, tab-separated rows. Rows are found by their
/// labels (`Resources/tables/*.txt`) and take the cells between their label and the next row's;
/// when labels are lost, a count of cells that fits the layout is assigned by order.
enum TableParser {
    struct RowDef { let id: String; let regex: NSRegularExpression }

    static let table2Rows = load("tables/table2.txt")
    static let table3Rows = load("tables/table3.txt")
    static let table4Cells: [(id: String, label: String)] = {
        (try? ResourceFilesBridge.lines("tables/table4.txt"))?.map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        } ?? []
    }()

    static func load(_ file: String) -> [RowDef] {
        ((try? ResourceFilesBridge.lines(file)) ?? []).compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let r = try? NSRegularExpression(pattern: String(parts[1])) else { return nil }
            return RowDef(id: String(parts[0]), regex: r)
        }
    }

    static let table3Columns7 = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    static let table3Columns8 = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "小计", "总计"]

    /// A cell: a number, or a not-applicable mark; never a list number such as `1.` before a label.
    static let cellPattern = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z.\u4e00-\u9fff(（第])(?:-?[0-9]+(?:\.[0-9]+)?|[/／—–]+|-(?![0-9]))(?![0-9]*[.、)）]\s*[\u4e00-\u9fff])(?![0-9]*\s*(?:年|月|日|号|条第|项))"#)
    static let blankPipeCell = try! NSRegularExpression(pattern: #"(?<=\|)[ \t]*(?=\|)"#)

    struct FoundCell {
        var range: NSRange
        var cell: Cell
    }

    /// Cells of a region in reading order, with blank pipe cells kept as blanks.
    static func cells(in text: String, view: TextView, offset: Int) -> [FoundCell] {
        let ns = text as NSString
        var out: [FoundCell] = []
        for m in cellPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let raw = ns.substring(with: m.range)
            let span = view.span(offset + m.range.location..<offset + m.range.location + m.range.length)
            if let v = Double(raw) {
                out.append(FoundCell(range: m.range, cell: Cell(kind: .number, value: v, text: raw, span: span)))
            } else {
                out.append(FoundCell(range: m.range, cell: Cell(kind: .notApplicable, value: nil, text: raw, span: span)))
            }
        }
        for m in blankPipeCell.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out.append(FoundCell(range: m.range, cell: Cell(kind: .blank, value: nil, text: "", span: nil)))
        }
        return out.sorted { $0.range.location < $1.range.location }
    }

    /// Rows found by label, each with the cells up to the next found label.
    static func rowsByLabel(_ defs: [RowDef], text: String, cells: [FoundCell]) -> [(RowDef, String, [FoundCell])] {
        let ns = text as NSString
        var found: [(RowDef, NSRange)] = []
        var from = 0
        for def in defs {
            let searchRange = NSRange(location: from, length: ns.length - from)
            guard let m = def.regex.firstMatch(in: text, range: searchRange) else { continue }
            found.append((def, m.range))
            from = m.range.location + m.range.length
        }
        var rows: [(RowDef, String, [FoundCell])] = []
        for (k, (def, range)) in found.enumerated() {
            let start = range.location + range.length
            let end = k + 1 < found.count ? found[k + 1].1.location : ns.length
            let rowCells = cells.filter { $0.range.location >= start && $0.range.location < end }
            // The label is the text of its line up to the match's end, from the last space before
            // the match: a table flattened onto one line (…现行有效件数 规章 0 0 0 行政规范性文件 12 …)
            // runs the heads and the rows before it into the line.
            let lineStart = ns.lineRange(for: range).location
            let space = ns.rangeOfCharacter(from: .whitespaces, options: .backwards,
                                            range: NSRange(location: lineStart, length: range.location - lineStart))
            let labelStart = space.location == NSNotFound ? lineStart : space.location + space.length
            let label = ns.substring(with: NSRange(location: labelStart, length: max(0, min(range.location + range.length, ns.length) - labelStart)))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            rows.append((def, label, rowCells))
        }
        return rows
    }

    static func table3(text: String, view: TextView, offset: Int) -> TemplateTable? {
        let all = cells(in: text, view: view, offset: offset)
        let rows = rowsByLabel(table3Rows, text: text, cells: all)
        if rows.contains(where: { $0.0.id == "new" }) && rows.count >= 3 {
            // A row's blank cells after its last figure are the grid's (…| 0 | ||), not a 小计 column.
            let counts = rows.map { withoutTrailingBlanks($0.2).count }.filter { $0 >= 7 }
            let width = counts.filter { $0 >= 8 }.count > counts.count / 2 ? 8 : 7
            let columns = width == 8 ? table3Columns8 : table3Columns7
            return TemplateTable(id: "table3", columns: columns, rows: rows.map { def, label, cells in
                TemplateTable.Row(id: def.id, label: label, cells: Array(cells.prefix(width).map(\.cell)))
            }, method: "labels")
        }
        // Labels lost: the count of cells tells the layout.
        for (rowCount, width) in [(25, 7), (25, 8), (23, 7), (23, 8)] where all.count == rowCount * width {
            var ids = table3Rows.map(\.id).filter { $0 != "other" }
            if rowCount == 23 { ids = ids.filter { !$0.hasPrefix("other.") } + [] ; ids.insert("other", at: ids.firstIndex(of: "total")!) }
            guard ids.count == rowCount else { continue }
            let rows = ids.enumerated().map { i, id in
                TemplateTable.Row(id: id, label: "", cells: all[(i * width)..<((i + 1) * width)].map(\.cell))
            }
            return TemplateTable(id: "table3", columns: width == 8 ? table3Columns8 : table3Columns7, rows: rows, method: "order")
        }
        return nil
    }

    static func table2(text: String, view: TextView, offset: Int) -> TemplateTable? {
        let all = cells(in: text, view: view, offset: offset)
        let rows = rowsByLabel(table2Rows, text: text, cells: all).filter { !$0.2.isEmpty }
        guard rows.count >= 2 else { return nil }
        // 2021+ layout: 规章 and 规范性文件 carry 本年制发, 本年废止, 现行有效.
        // 2021+ layout: 本年制发, 本年废止, 现行有效; 2019-2020: 新制作, 新公开, 对外公开总数量.
        let columns: [String]
        if text.contains("本年制发") || text.contains("现行有效") {
            columns = ["本年制发件数", "本年废止件数", "现行有效件数"]
        } else if text.contains("新制作") || text.contains("对外公开总数量") {
            columns = ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
        } else {
            columns = ["按版式顺序"]
        }
        // Blank cells after a row's last figure are the grid's empty columns and border lines
        // (行政许可 | 7 | ||), not cells of the row.
        return TemplateTable(id: "table2", columns: columns, rows: rows.map { def, label, cells in
            TemplateTable.Row(id: def.id, label: label, cells: withoutTrailingBlanks(cells).map(\.cell))
        }, method: "labels")
    }

    static func withoutTrailingBlanks(_ cells: [FoundCell]) -> ArraySlice<FoundCell> {
        cells[...(cells.lastIndex { $0.cell.kind != .blank } ?? -1)]
    }

    static func table4(text: String, view: TextView, offset: Int) -> TemplateTable? {
        let all = cells(in: text, view: view, offset: offset)
        guard all.count >= 15 else { return nil }
        let cells = all.prefix(15).map(\.cell)
        let rows = stride(from: 0, to: 15, by: 5).map { g -> TemplateTable.Row in
            let id = String(table4Cells[g].id.split(separator: ".")[0])
            let label = String(table4Cells[g].label.split(separator: " ")[0])
            return TemplateTable.Row(id: id, label: label, cells: Array(cells[g..<g + 5]))
        }
        return TemplateTable(id: "table4", columns: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], rows: rows,
                             method: all.count == 15 ? "order" : "order-first-15")
    }
}
