import Foundation
import ReportText

/// One report file → `ExtractedReport`: the structure stage in one call.
///
/// ```swift
/// let extractor = try ReportExtractor(lexicon: try Lexicon.builtIn())
/// let report = try extractor.extract(path: "corpora/qinghe/qinghe-2017.txt")
/// report.metadata.reviewYear.value            // 2017
/// report.items.filter { $0.role == .problem } // 一是… 二是… 三是…
/// ```
/// Stages, in order: load (format) → normalise → outline → roles → items → metadata →
/// targets → tables → checks. Not thread-safe (ICU iterators): one extractor per worker.
public final class ReportExtractor {
    /// A digest of every data file extraction reads (this module's cues and patterns, the text
    /// layer's lexicons): part of what a cached record is keyed by.
    public static let dataDigest = SHA256.hex(Array((ResourceFiles.digest(bundle: .module) + ResourceFiles.textDigest).utf8))

    public let segmenter: WordSegmenter
    public let normalizer: Normalizer
    let roles: RoleTagger
    let cues: Cues
    /// Items' keywords: content words, stop words dropped.
    let words: ContentWordReader

    public init(lexicon: Lexicon, normalizer: Normalizer = Normalizer()) throws {
        segmenter = try WordSegmenter(lexicon: lexicon)
        self.normalizer = normalizer
        cues = .shared
        roles = RoleTagger(segmenter: segmenter, cues: cues)
        let stopwords = cues.stopwords
        words = ContentWordReader { raw in (stopwords.contains(raw) ? nil : raw, true) }
    }

    public func extract(path: String, manifest: ManifestEntry? = nil, format: SourceFormat? = nil) throws -> ExtractedReport {
        try extract(try DocumentLoader.load(path: path, format: format), manifest: manifest)
    }

    public func extract(_ doc: LoadedDocument, manifest: ManifestEntry? = nil) throws -> ExtractedReport {
        do {
            return try extractUnattributed(doc, manifest: manifest)
        } catch let e as NianbaoError {
            throw e.at(doc.path)
        }
    }

    func extractUnattributed(_ doc: LoadedDocument, manifest: ManifestEntry?) throws -> ExtractedReport {
        let norm = try normalizer.normalize(doc.text)
        let view = TextView(original: doc.text, norm: norm)
        let headings = OutlineParser.headings(view, cues: cues)
        var (root, extents) = OutlineParser.sections(view, headings, roles: roles)
        Self.inferWorkReportRoles(&root, view, extents)
        Self.inferAnnualReportRoles(&root, view)
        let itemExtractor = ItemExtractor(view: view, extents: extents, cues: cues, segmenter: segmenter, words: words, roles: roles)
        let items = itemExtractor.extract(root)
        var (metadata, warnings) = MetadataReader(view: view, headings: headings, root: root, items: items,
                                                  path: doc.path, manifest: manifest).read()
        warnings = doc.warnings + warnings
        if headings.isEmpty { warnings.append("no headings found: items were recognised by their form only") }
        // A page's HTML has its spam phrases cut already; a text file is quoted as it is.
        let spammed = itemExtractor.spammedLines
        if spammed > 0 {
            warnings.append("\(spammed) report line\(spammed == 1 ? " carries" : "s carry") gambling spam phrases (their items quote them as they are)")
        }

        // Targets: in plans sections, or anywhere in a work report without roles.
        let planLines = lines(of: root, extents, view) { $0.role == .plans }
        let targetLines = planLines.isEmpty && metadata.genre.value == .workReport ? view.lines : planLines
        let targets = TargetReader(view: view, cues: cues).targets(in: targetLines)

        // Template tables, from the statistics sections whatever the template.
        var tables: [TemplateTable] = []
        for s in root.children where s.role == .statistics {
            guard let e = extents[s.id] else { continue }
            let region = e.bodyStart..<e.range.upperBound
            let text = view.text(region)
            let table: TemplateTable?
            // 复议 first: a title may read 因政府信息公开工作被申请行政复议、提起行政诉讼情况.
            if s.title.contains("复议") || s.title.contains("诉讼") { table = TableParser.table4(text: text, view: view, offset: region.lowerBound) }
            else if s.title.contains("申请") { table = TableParser.table3(text: text, view: view, offset: region.lowerBound) }
            else if s.title.contains("主动公开") { table = TableParser.table2(text: text, view: view, offset: region.lowerBound) }
            else { table = nil }
            if let table, !tables.contains(where: { $0.id == table.id }) { tables.append(table) }
        }
        if metadata.template.value == .sixPart2019 {
            for id in ["table2", "table3", "table4"] where !tables.contains(where: { $0.id == id }) {
                warnings.append("\(id) of the template was not found or could not be read")
            }
        }
        let prose = lines(of: root, extents, view) { $0.role != .statistics }.map { (view.text($0), $0.lowerBound) }
        let checks = TableChecks.run(tables, prose: prose, view: view)

        let covered = items.reduce(0) { $0 + $1.span.length }
        let coverage = doc.text.scalars.isEmpty ? 0 : Double(covered) / Double(doc.text.scalars.count)
        let source = SourceInfo(path: doc.path, sha256: doc.sha256, format: doc.format, encoding: doc.text.encoding,
                                convertedTraditional: norm.convertedTraditional)
        return ExtractedReport(schemaVersion: ExtractedReport.schemaVersion, source: source, metadata: metadata,
                               sections: root.children, items: items, targets: targets, tables: tables, checks: checks,
                               warnings: warnings, coverage: (coverage * 1000).rounded() / 1000, text: doc.text.string)
    }

    /// Work reports title their task parts freely (坚持实行扩大内需的方针), and older ones review
    /// the year in their opening pages without a heading. In a work report: a part named with the
    /// delivery year is plans; parts after the first plans part (or after the review) are plans; an
    /// untitled review is the preamble. Multi-year parts between review and plans stay unassigned.
    static func inferWorkReportRoles(_ root: inout Section, _ view: TextView, _ extents: [String: OutlineParser.Extent]) {
        let top = view.text(view.lines.first ?? 0..<0)
        guard top.contains("政府工作报告") else { return }
        if let year = MetadataReader.firstYear(top) {
            for i in root.children.indices where root.children[i].role == nil && root.children[i].title.contains("\(year)年") {
                mark(&root.children[i], .plans)
            }
        }
        let review = root.children.firstIndex { $0.role == .review }
        if review == nil, let first = root.children.first, let e = extents[first.id], e.range.lowerBound > 300 {
            root.role = .review
            root.roleSource = "inferred"
        }
        let start = root.children.firstIndex { $0.role == .plans } ?? review.map { $0 + 1 } ?? (root.role == .review ? 0 : root.children.count)
        for i in root.children.indices where i >= start { mark(&root.children[i], .plans) }
    }

    /// OGI reports before the template title their parts by what was done (一、健全机构，强化领导;
    /// 二、突出重点，深化公开): a part without a role before the problems and plans is the year's
    /// results, as 工作总结 would say. Only when such a part follows: a page cut short, or one
    /// made of a single odd part, says too little of its shape.
    static func inferAnnualReportRoles(_ root: inout Section, _ view: TextView) {
        let opening = view.text(0..<min(view.norm.units.count, 3000))
        guard MetadataReader.isOGI(opening), !view.text(view.lines.first ?? 0..<0).contains("政府工作报告"),
              let end = root.children.firstIndex(where: { $0.role == .problems || $0.role == .plans }) else { return }
        for i in 0..<end where root.children[i].role == nil { mark(&root.children[i], .review) }
    }

    /// Gives a section and its descendants without a role this one, as inferred.
    static func mark(_ s: inout Section, _ role: SectionRole) {
        if s.role == nil { s.role = role; s.roleSource = "inferred" }
        for i in s.children.indices { mark(&s.children[i], role) }
    }

    /// Lines (normalised ranges) inside the top-most sections that satisfy `where`.
    func lines(of root: Section, _ extents: [String: OutlineParser.Extent], _ view: TextView,
               where keep: (Section) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        func visit(_ s: Section) {
            if keep(s), let e = extents[s.id] { ranges.append(e.range); return }
            s.children.forEach(visit)
        }
        root.children.forEach(visit)
        return view.lines.filter { line in ranges.contains { $0.contains(line.lowerBound) } }
    }
}
