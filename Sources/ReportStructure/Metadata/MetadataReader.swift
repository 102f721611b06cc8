import Foundation
import ReportText

/// Who wrote a report, what kind it is and which years it reviews and plans, each with the
/// source it came from. Manifest values win over the text, the text over the file name.
struct MetadataReader {
    let view: TextView
    let headings: [Heading]
    let root: Section
    let items: [Item]
    let path: String
    let manifest: ManifestEntry?

    /// A page's metadata block: KEY: value, or KEY value where a layout table set the two in
    /// cells side by side (发布日期 2021-02-20 09:00); a value runs to the next key or two spaces.
    static let metaKey: NSRegularExpression = {
        // A block laid out in a table may space a key's characters apart (标   题).
        let keys = "索引号|发布机构|发文机关|成文日期|发布日期|发布时间|日期|时间|标题|主题分类|体裁分类|公文种类|来源"
            .split(separator: "|").map { $0.map(String.init).joined(separator: " {0,4}") }.joined(separator: "|")
        let separator = #"(?:\s*[:：]\s*|\s+)"#
        return try! NSRegularExpression(pattern: "(\(keys))\(separator)(.*?)(?=\\s{2,}|\\s*(?:\(keys)|浏览次数|字体)\(separator)|$)")
    }()
    static let year = try! NSRegularExpression(pattern: #"((?:19|20)[0-9]{2}|20[X×x]{2}|20\*\*)\s*年"#)
    /// The shortest run of name characters that ends in a unit's suffix (`metadata/unit-suffixes.txt`;
    /// longer suffixes first, so that 委员会 is not cut to 委), and a unit within it named right
    /// after it (泰安市生态环境局 + 肥城分局).
    static let unitPattern: NSRegularExpression = {
        let suffix = "(?:" + unitSuffixes.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
        // Never 关于, nor a part of it (南关区 and 于都县 keep their 关 and 于). A file name's
        // separators (2020年报_审计局) are no part of a name.
        return try! NSRegularExpression(pattern: #"((?:(?!关于)(?!(?<=关)于)[^\s,，、:：()（）。;；!！?？_/|])*?"# + suffix + #"(?:\p{Han}{1,8}?"# + suffix + ")?)")
    }()
    static let unitSuffixes = ((try? ResourceFiles.lines(file: "metadata/unit-suffixes.txt", bundle: .module)) ?? [])
        .sorted { ($0.count, $1) > ($1.count, $0) }
    static let regionPattern = try! NSRegularExpression(
        pattern: #"^(?:(\S+?(?:省|自治区)))?(?:(\S+?(?:市|自治州|州(?!市)|盟|地区)))?(\S+?(?:县|区|旗|市|镇|乡|街道|苏木))$"#)
    /// A work report says whose it is below its title: 在青禾县第十七届人民代表大会…上, 青禾县县长 张三.
    static let congressLine = try! NSRegularExpression(
        pattern: #"在(\S+?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗))第[一二三四五六七八九十]+届人民代表大会"#)
    static let speakerLine = try! NSRegularExpression(pattern: #"^(\S+?(?:省|自治区|市|自治州|州|盟|县|区|旗))(?:代)?(?:省长|主席|市长|州长|盟长|县长|区长|旗长)"#)
    /// The year of the statistics period: where it names a span (自2003年至2008年止), its end.
    static let statisticsPeriod = try! NSRegularExpression(pattern: #"统计期限[^0-9]{0,6}(?:[0-9]{4}\s*年[^。;；至到]{0,12}[至到]\s*)?([0-9]{4})"#)
    static let dateLine = try! NSRegularExpression(pattern: #"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"#)
    static let deliveredLine = try! NSRegularExpression(pattern: #"([0-9]{4})年[0-9]{1,2}月[0-9]{1,2}日在"#)
    /// A page's byline that puts the date before the verb: 2021-02-09 发布:卓尼县人民政府办公室.
    static let datedByline = try! NSRegularExpression(pattern: #"^([0-9]{4}[-./年][0-9]{1,2}[-./月][0-9]{1,2})日?\s*(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*)?发布"#)
    static let isoDate = try! NSRegularExpression(pattern: #"([0-9]{4})[-./年]([0-9]{1,2})[-./月]([0-9]{1,2})"#)

    func read() -> (Metadata, [String]) {
        var warnings: [String] = []
        let top = topLines()
        var meta: [String: String] = [:]
        for line in top {
            let ns = line as NSString
            for m in Self.metaKey.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let value = ns.substring(with: m.range(at: 2)).trimmingCharacters(in: .whitespaces)
                let key = ns.substring(with: m.range(at: 1)).replacingOccurrences(of: " ", with: "")
                if !value.isEmpty && meta[key] == nil { meta[key] = value }
            }
        }
        // Title: the metadata block's, else the first top line naming a report kind.
        var title: Field<String> = .none
        if let t = manifest?.title { title = Field(t, "manifest") }
        else if let t = meta["标题"] { title = Field(t, "text") }
        else if let t = titleLine(top) { title = Field(t, "title") }
        let titleText = title.value ?? ""
        let head = top.joined(separator: "\n")
        let body = view.text(0..<min(view.norm.units.count, 3000))
        // Read only when no title names the report (most have one).
        var named: (unit: String?, year: Int?)?
        func selfNamed() -> (unit: String?, year: Int?) {
            if named == nil { named = Self.selfNamed(in: body) }
            return named!
        }

        // Genre.
        var genre: Field<Genre>
        if let g = manifest?.genre, let v = Genre(rawValue: g) { genre = Field(v, "manifest") }
        else if titleText.contains("政府工作报告") { genre = Field(.workReport, "title") }
        else if Self.isOGI(titleText) { genre = Field(.ogiAnnualReport, "title") }
        else if head.contains("政府工作报告") || Self.deliversWorkReport(head) { genre = Field(.workReport, "text") }
        else if Self.isOGI(head) || Self.isOGI(body) { genre = Field(.ogiAnnualReport, "text") }
        else { genre = Field(.unknown, "inferred") }

        // Template: the six parts' headings, whatever the year.
        let partCues = ["总体情况", "主动公开政府信息", "收到和处理政府信息公开申请", "行政复议", "存在的主要问题", "其他需要报告"]
        let topLevel = headings.map(\.level).min() ?? 0
        let topTitles = headings.filter { $0.level == topLevel }.map(\.title)
        let parts = partCues.filter { cue in topTitles.contains { $0.contains(cue) } }.count
        var template: Field<Template> = parts >= 4 ? Field(.sixPart2019, "headings") : Field(.freeForm, "headings")
        // A page that lost its title is still an OGI report by the template's own parts.
        if genre.value == .unknown, topTitles.contains(where: { t in partCues[1...2].contains { t.contains($0) } }) {
            genre = Field(.ogiAnnualReport, "headings")
        }

        // Unit and region.
        let unit = chooseUnit(titleText: titleText, top: top, meta: meta, body: body, selfNamed: selfNamed, warnings: &warnings)
        var region: Field<String> = .none, province: Field<String> = .none, city: Field<String> = .none
        if let r = manifest?.region { region = Field(r, "manifest") }
        if let u = unit.value {
            let parts = Self.region(of: u)
            if region.value == nil { region = Field(parts.region, unit.source == "manifest" ? "manifest" : "inferred") }
            province = Field(parts.province, "inferred")
            city = Field(parts.city, "inferred")
        }

        // Publication date: the metadata block's, else a date line at the end.
        var date: Field<String> = .none
        if let d = meta["发布时间"] ?? meta["发布日期"] ?? meta["成文日期"] ?? meta["日期"] ?? meta["时间"], let iso = Self.iso(d) { date = Field(iso, "text") }
        else if let byline = top.first(where: { Self.datedByline.matches($0) }), let iso = Self.iso(byline) { date = Field(iso, "text") }
        else if let last = view.lines.suffix(3).reversed().map({ view.text($0) }).first(where: { Self.dateLine.matches($0) }),
                let iso = Self.iso(last) { date = Field(iso, "signature") }

        // Years.
        let titleYear = Self.firstYear(titleText)
        if titleYear == nil, Self.year.firstMatch(in: titleText, range: NSRange(location: 0, length: (titleText as NSString).length)) != nil {
            warnings.append("the title's year is masked (\(titleText))")
        }
        let periodYear = Self.firstMatch(Self.statisticsPeriod, body).flatMap { Int($0) }
        let fileYear = Self.yearFromPath(path)
        let planHeadingYear = headingYear(.plans)
        var reviewYear: Field<Int> = .none, planYear: Field<Int> = .none
        let hasCommitments = items.contains { $0.role == .commitment }
        switch genre.value {
        case .workReport:
            // The plan year the report's own parts name wins over the date it was delivered: a
            // report delivered in December (2021年12月26日, a new congress) plans the next year.
            let headingPlan = planHeadingYear ?? headingYear(.review).map { $0 + 1 }
            var delivered: Field<Int>
            if let y = manifest?.year { delivered = Field(y, "manifest") }
            else if let y = titleYear { delivered = Field(y, "title") }
            else if let y = Self.firstMatch(Self.deliveredLine, head).flatMap({ Int($0) }) { delivered = Field(y, "text") }
            else { delivered = Field(fileYear, "filename") }
            if delivered.source != "manifest", let y = headingPlan, y != delivered.value { delivered = Field(y, "heading") }
            if let d = delivered.value {
                reviewYear = Field(d - 1, delivered.source == "manifest" ? "manifest" : "inferred")
                planYear = Field(d, delivered.source)
            }
        default:
            if let y = manifest?.year { reviewYear = Field(y, "manifest") }
            else if let y = titleYear { reviewYear = Field(y, "title") }
            else if let y = periodYear { reviewYear = Field(y, "text") }
            else if let y = selfNamed().year { reviewYear = Field(y, "text") }
            else if let y = fileYear { reviewYear = Field(y, "filename") }
            // Last resorts: the year the account opens with (2020年，我县…), or the year before
            // publication in its first half (reports are due by the end of January, March before 2019).
            else if let y = openingYear() { reviewYear = Field(y, "text") }
            else if let d = date.value, let y = Int(d.prefix(4)), let m = Int(d.dropFirst(5).prefix(2)), m <= 6 { reviewYear = Field(y - 1, "inferred") }
            if let p = planHeadingYear { planYear = Field(p, "heading") }
            else if hasCommitments, let r = reviewYear.value { planYear = Field(r + 1, "inferred") }
        }
        if let p = manifest?.planYear { planYear = Field(p, "manifest") }
        if let r = manifest?.reviewYear { reviewYear = Field(r, "manifest") }
        // The template is for the 2019 reports on: before, the seven parts of the old guidance
        // (概述, 主动公开, 依申请公开, 收费及减免, 复议诉讼, 问题和改进, 其他) share four of its titles.
        if template.value == .sixPart2019, let r = reviewYear.value, r < 2019 { template = Field(.freeForm, "year") }
        if let t = titleYear, let p = periodYear, t != p, genre.value != .workReport {
            warnings.append("the title says \(t) but the statistics period is \(p); reviewYear is taken from \(reviewYear.source ?? "-")")
        }

        return (Metadata(title: title, unit: unit, region: region, province: province, city: city, genre: genre,
                         template: template, reviewYear: reviewYear, planYear: planYear, publishDate: date), warnings)
    }

    /// The unit that signs the report on the line above its date at the end (福田区…服务署 /
    /// 2022年1月11日).
    func signatureUnit() -> String? {
        let last = view.lines.suffix(4).map { view.text($0) }.filter { !$0.isEmpty }
        guard let d = last.lastIndex(where: { Self.dateLine.matches($0) }), d > 0 else { return nil }
        let line = last[d - 1].trimmingCharacters(in: .whitespaces)
        guard line.count <= 30, !Normalizer.isProse(line) else { return nil }
        return Self.unit(in: line).flatMap { line.hasSuffix($0) ? $0 : nil } ?? Self.placeGovernment(line)
    }

    /// Lines before the first heading (at most 20): title, metadata block, addressees.
    func topLines() -> [String] {
        let first = headings.first?.lineIndex ?? min(view.lines.count, 20)
        // Title and metadata lines are short; a long first line is text, cut to what can matter.
        // A title set letter-spaced (政 府 工 作 报 告) is read without its spaces, and a layout
        // table's cell bars around a line (…年度报告 | ||) are no part of it. A hacked page's line of
        // betting words above the title is not read at all.
        return view.lines.prefix(min(first, 20)).map {
            let line = LetterSpacing.closed(view.text($0.lowerBound..<min($0.upperBound, $0.lowerBound + 300)).trimmingCharacters(in: Self.cellBars))
            let ns = line as NSString
            let prefix = Self.viewerPage.firstMatch(in: line, range: NSRange(location: 0, length: ns.length))
                ?? Self.markdownHeading.firstMatch(in: line, range: NSRange(location: 0, length: ns.length))
            return prefix.map { ns.substring(from: $0.range.length) } ?? line
        }.filter { !Cues.shared.removeSpam($0).mostlySpam }
    }

    /// A Markdown heading's marks, from a converter that wrote the report as Markdown (# 青禾县…报告).
    static let markdownHeading = try! NSRegularExpression(pattern: #"^#{1,6}\s+"#)

    /// A PDF viewer's page label copied with the text (Page 1 - 青禾县…年度报告): not the title's.
    static let viewerPage = try! NSRegularExpression(pattern: #"^(?:Page|页)\s*[0-9]+\s*(?:of\s*[0-9]+\s*)?[-–—:]\s*"#)

    /// A site's trail to the page (首页 > 青禾县人民政府 > 政务公开 > 政府信息公开年报): it may
    /// end on the page's kind, but it is navigation, not the title.
    static func isBreadcrumb(_ line: String) -> Bool {
        line.filter { $0 == ">" || $0 == "»" || $0 == "›" }.count >= 2
    }

    static let sentenceOpeners = (try? ResourceFiles.lines(file: "metadata/sentence-openers.txt", bundle: .module)) ?? []

    func titleLine(_ top: [String]) -> String? {
        let kinds = ["报告", "汇报", "总结", "年报", "工作要点"]
        // A title is no sentence: a line with a comma or a sentence end before any title word is
        // text (现在，我代表…作工作报告，请予审议。; 各位代表:), and a title broken over lines does not
        // run into one. (A flattened page's title runs on into its text: 年度报告根据…，.)
        func isProse(_ s: String) -> Bool {
            if Self.sentenceOpeners.contains(where: s.hasPrefix) || Self.isBreadcrumb(s) { return true }
            // A numbered line (1、报告依据：《条例》。) is a point of the text, never the title.
            if let (_, marker) = OutlineParser.match(s, Cues.shared), !marker.isEmpty { return true }
            guard let stop = s.firstIndex(where: { ",，。;；:：".contains($0) }) else { return false }
            return !kinds.contains { s[..<stop].contains($0) }
        }
        // A title may close on its date or place in brackets (…人民政府工作报告(2021年12月26日)).
        func endsTitle(_ s: String) -> Bool {
            let bare = Self.trailingBrackets.stringByReplacingMatches(in: s, range: NSRange(location: 0, length: (s as NSString).length), withTemplate: "")
            return kinds.contains { bare.hasSuffix($0) }
        }
        for (i, line) in top.enumerated() where !isProse(line)
            && Self.metaKey.firstMatch(in: line, range: NSRange(location: 0, length: (line as NSString).length)) == nil {
            // A title broken over lines: join until a line ends the title.
            var title = line
            var k = i
            while !endsTitle(title) && k + 1 < top.count && k - i < 3 && title.count < 60 {
                // A next line that is a whole title by itself starts the title (a menu above it
                // is not part of it); a fragment (息公开工作年度报告) continues this one.
                let next = top[k + 1]
                // A site's header set again, or the title's first part after it (左贡县人民政府 /
                // 左贡县人民政府2021年度 / 信息公开年度报告): the title starts on that line.
                if isProse(next) || next.hasPrefix(line) { break }
                if endsTitle(next) && (Self.firstYear(next) != nil || Self.unit(in: next) != nil) { break }
                k += 1
                title += next
            }
            if kinds.contains(where: { title.contains($0) }) && title.count <= 80 {
                return kinds.contains(where: { line.contains($0) }) ? line : title
            }
            // A unit's name (or only its place) on its own line, then the rest of the title from
            // its year on (城口县人民政府机关 / 2020年…, 五常市民意乡 / 2021年…): one title.
            if i + 1 < top.count, line.count <= 20, Self.firstYear(line) == nil,
               Self.unit(in: line) != nil || Self.placeGovernment(line) != nil,
               Self.leadingYear.matches(top[i + 1]), kinds.contains(where: { top[i + 1].hasSuffix($0) }), !isProse(top[i + 1]) {
                return line + top[i + 1]
            }
        }
        return nil
    }

    /// The year a heading of `role` names (三、2018年工作谋划; 2015工作回顾 on a page that lost its 年).
    func headingYear(_ role: SectionRole) -> Int? {
        func visit(_ s: Section) -> Int? {
            if s.role == role && s.roleSource == "title", let y = OutlineParser.namedYear(s.title) { return y }
            for c in s.children { if let y = visit(c) { return y } }
            return nil
        }
        return visit(root)
    }

    /// The speech's opening formula: 我代表市人民政府向大会作工作报告 / 向大会报告政府工作，请予审议.
    static func deliversWorkReport(_ s: String) -> Bool {
        s.contains("请予审议") && (s.contains("报告政府工作") || s.contains("作工作报告") || s.contains("作政府工作报告"))
    }

    static func isOGI(_ s: String) -> Bool {
        (s.contains("政府信息公开") && ["年度报告", "年报", "工作报告", "情况的报告", "情况报告", "工作总结"].contains { s.contains($0) })
            // A department's own: 白鹭县文体局2013年度信息公开工作年度报告.
            || (s.contains("信息公开") && (s.contains("年度报告") || s.contains("年报")))
            || (s.contains("政务公开") && (s.contains("工作总结") || s.contains("年度报告") || s.contains("工作报告") || s.contains("汇报")))
    }

    static func firstYear(_ s: String) -> Int? {
        firstMatch(year, s).flatMap { Int($0) }
    }

    static func firstMatch(_ r: NSRegularExpression, _ s: String, group: Int = 1) -> String? {
        let ns = s as NSString
        guard let m = r.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: m.range(at: group))
    }

    static func withoutYears(_ s: String) -> String {
        year.stringByReplacingMatches(in: s, range: NSRange(location: 0, length: (s as NSString).length), withTemplate: " ")
    }

    /// A title that names a place, not an organ (青禾县2020年政府信息公开工作年度报告, 青禾县政府…):
    /// the report is its government's, so it pairs with the years titled 青禾县人民政府….
    static let regionTitle = try! NSRegularExpression(
        pattern: #"^(\S{1,12}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗|镇|乡|街道|苏木))(?:政府)?(?=(?:19|20)[0-9]{2}\s*年|政府信息公开|政务公开|政府工作报告)"#)

    /// What a title is about, without its wrapping: 关于印发《青禾县2020年…报告》的通知 and
    /// 青禾县人民政府办公室关于青禾县2020年…报告 are about 青禾县2020年…报告; a leading year goes too
    /// (2020年青禾县…), and an aggregator's label of the province before it ((湖南省)2020年…).
    static func subject(of title: String) -> String {
        var t = title
        if let r = t.range(of: "关于", options: .backwards), t[r.upperBound...].contains(where: { "县区市旗镇乡省州盟".contains($0) }) {
            t = String(t[r.upperBound...])
        }
        for w in ["印发", "转发", "公布", "《", "》", "的通知", "的公告"] { t = t.replacingOccurrences(of: w, with: "") }
        if let m = firstMatch(leadingLabel, t, group: 0) { t = String(t.dropFirst(m.count)) }
        if let m = firstMatch(leadingYear, t, group: 0) { t = String(t.dropFirst(m.count)) }
        // A page may space a title's words apart (清河县 教育局 2020年…): a name runs on across them.
        t = hanSpacing.stringByReplacingMatches(in: t, range: NSRange(location: 0, length: (t as NSString).length), withTemplate: "")
        return t.trimmingCharacters(in: .whitespaces)
    }

    static let hanSpacing = try! NSRegularExpression(pattern: #"(?<=\p{Han})[ \t\u3000\u00A0]+(?=\p{Han})"#)

    static let cellBars = CharacterSet(charactersIn: "| ")
    static let trailingBrackets = try! NSRegularExpression(pattern: #"\([^()]*\)$"#)
    static let leadingYear = try! NSRegularExpression(pattern: #"^(?:19|20)[0-9]{2}\s*年度?"#)
    static let leadingLabel = try! NSRegularExpression(pattern: #"^\s*[(\[【]\p{Han}{2,8}[)\]】]\s*"#)

    /// A line that is only a place's name (五常市民意乡): its government.
    static func placeGovernment(_ line: String) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.count <= 16, regionPattern.firstMatch(in: t, range: NSRange(location: 0, length: (t as NSString).length)) != nil else { return nil }
        return government(of: t)
    }

    /// Whose the place is: a street's office (白鹭街道办事处), else a government (白鹭县人民政府).
    static func government(of place: String) -> String {
        place.hasSuffix("街道") ? place + "办事处" : place + "人民政府"
    }

    static func governmentOfRegion(in title: String) -> String? {
        firstMatch(regionTitle, title).map(government(of:))
    }

    /// A report that names itself in its opening (特向社会公布2020年开平市农业农村局政府信息公开工作
    /// 年度报告, 现将2020年度眉县政府信息公开工作情况报告如下): whose it is and which year, when no
    /// title says so.
    static func selfNamed(in text: String) -> (unit: String?, year: Int?) {
        // The first name that a verb of publishing leads to (a notice cited before it, 关于…的通知,
        // is not it).
        let opening = String(text.prefix(600)) as NSString
        var named: String? = nil
        for m in selfReference.matches(in: opening as String, range: NSRange(location: 0, length: opening.length)) {
            let before = opening.substring(with: NSRange(location: max(0, m.range.location - 12), length: min(12, m.range.location)))
            let phrase = opening.substring(with: m.range(at: 1))
            if phrase.contains("关于") { continue }
            if let lead = firstMatch(leadVerbs, phrase, group: 0) { named = String(phrase.dropFirst(lead.count)); break }
            if firstMatch(leadVerbs, before, group: 0) != nil { named = phrase; break }
        }
        guard var phrase = named else { return (nil, nil) }
        let year = firstYear(phrase)
        phrase = withoutYears(phrase).replacingOccurrences(of: " 度", with: " ").trimmingCharacters(in: .whitespaces)
        // 现将我县2017年…: the year, but no name.
        guard !phrase.isEmpty, !phrase.contains(" "), !phrase.hasPrefix("我"), !phrase.hasPrefix("本") else { return (nil, year) }
        let found = unit(in: phrase).flatMap { phrase.hasSuffix($0) ? $0 : nil } ?? governmentOfRegion(in: phrase + "政府信息公开")
        return (found.flatMap { $0.count <= 20 ? $0 : nil }, year)
    }

    /// The opening's note of who answers for the report (受理机构为长春市南关区桃源街道办事处) or who
    /// wrote it (本报告由白鹭县民政局根据《条例》规定编制; 本报告是根据…要求，由…办公室编制).
    static let statedUnits = [
        try! NSRegularExpression(pattern: #"受理机构(?:为|是|:)\s*([^\s,，。;；()（）:：]{2,30})"#),
        try! NSRegularExpression(pattern: #"本(?:年度)?(?:报告|年报)是?(?:根据[^。]{0,80}?[,，]?)?由\s*([^\s,，。;；()（）:：《]{2,30}?)(?=根据|依据|按照|编制|负责|组织)"#),
    ]

    /// A report named in its opening: …青龙镇政府(机关)信息公开年度报告 (an aside in brackets may follow 政府).
    static let selfReference = try! NSRegularExpression(
        pattern: #"([^\s,，。、:：;；()（）《》“”]{2,40}?)(?:政府(?:\([^()]{1,4}\))?信息公开|政务公开)(?:工作)?(?:年度报告|年报|情况报告|报告)"#)
    /// What comes before a report's name in the sentence that names it: 现将, 特向社会公布, 印发….
    static let leadVerbs = try! NSRegularExpression(pattern: #"^.*(?:现将|现予|公布|发布|印发|报送)"#)

    /// The first unit name in `s`; a unit that speaks of itself (我局, 本委) names nobody.
    static func unit(in s: String) -> String? {
        firstMatch(unitPattern, s).map { $0.replacingOccurrences(of: "关于", with: "") }.flatMap { u in
            // A bare suffix names nobody (来源：办公室).
            u.hasPrefix("我") || u.hasPrefix("本") || unitSuffixes.contains(u) ? nil : u
        }
    }

    static func region(of unit: String) -> (province: String?, city: String?, region: String?) {
        if unit.contains("国务院") { return (nil, nil, "全国") }
        var base = unit
        // A street's office keeps 街道: the street is the place.
        for suffix in ["人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "办事处"] where base.hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
            break
        }
        // A unit of a government named in full (青禾县人民政府青禾街道办事处): the place is the street's.
        base = base.replacingOccurrences(of: "人民政府", with: "")
        // A department of a place (青禾县教育局): the place is the name up to its last place word.
        if regionPattern.firstMatch(in: base, range: NSRange(location: 0, length: (base as NSString).length)) == nil,
           let place = placePrefix(of: base) {
            base = place
        }
        let ns = base as NSString
        guard let m = regionPattern.firstMatch(in: base, range: NSRange(location: 0, length: ns.length)) else {
            // A name without a place (县水务局) has no region; a place the pattern does not know
            // (青禾街道) is its own.
            // Nor does a division word alone (县 of 县政府办公室).
            let unplaced = unitSuffixes.contains { base.hasSuffix($0) } || (base.count == 1 && levels.contains(base.first!))
            return (nil, nil, base.isEmpty || unplaced ? nil : base)
        }
        func group(_ i: Int) -> String? { m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
        return (group(1), group(2), group(3))
    }

    /// A year in the file's name, else in its folder's (青禾县/2019/report.html).
    static func yearFromPath(_ path: String) -> Int? {
        // Split by hand: Foundation's path helpers trap on some strings a table row may carry.
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).suffix(2).map(String.init)
        return parts.reversed().lazy.compactMap { firstMatch(pathYear, $0) }.first.flatMap { Int($0) }
    }

    static let pathYear = OutlineParser.yearPattern

    /// The year the first paragraph after the first heading opens with (2020年，我县…).
    func openingYear() -> Int? {
        guard let h = headings.first else { return nil }
        let r = h.bodyStart..<min(view.norm.units.count, h.bodyStart + 40)
        return Self.firstMatch(Self.openingYearPattern, view.text(view.trimmed(r))).flatMap { Int($0) }
    }

    static let openingYearPattern = try! NSRegularExpression(pattern: #"^\s*((?:19|20)[0-9]{2})年(?:度)?[,，]"#)

    static func unitFromPath(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2, let parent = parts.dropLast().last, parent != "." else { return nil }
        return String(parent)
    }

    static func iso(_ s: String) -> String? {
        let ns = s as NSString
        guard let m = isoDate.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)),
              let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
              let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, mo, d)
    }
}
