import Foundation
import ReportText

extension MetadataReader {
    /// Whose report it is, from the most to the least telling: the manifest; the title's unit or
    /// place; the congress or speaker of a work report; the opening that names the report
    /// (特向社会公布…年度报告), who answers for it (受理机构为…) or who wrote it (本报告由…编制; a
    /// place, 由白鹭镇编制, is its government); a short line above the report; its signature; the
    /// page's metadata block; last, the file's folder. A unit named
    /// without its place then takes the same department's fuller name where the page gives it, and
    /// what a hacked page put in place of a name is left out.
    func chooseUnit(titleText: String, top: [String], meta: [String: String], body: String,
                    selfNamed: () -> (unit: String?, year: Int?), warnings: inout [String]) -> Field<String> {
        let signature = signatureUnit()
        // Short lines above the report that are no prose: where a unit's name stands alone.
        let shortLines = top.filter { !Normalizer.isProse($0) }
        var unit: Field<String> = .none
        if let u = manifest?.unit { unit = Field(u, "manifest") }
        else if let u = Self.unit(in: Self.withoutYears(Self.subject(of: titleText))) { unit = Field(u, "title") }
        else if let u = Self.governmentOfRegion(in: Self.subject(of: titleText)) { unit = Field(u, "title") }
        else if let r = top.lazy.compactMap({ Self.firstMatch(Self.congressLine, $0) ?? Self.firstMatch(Self.speakerLine, $0) }).first {
            unit = Field(r + "人民政府", "text")
        }
        else if let u = selfNamed().unit { unit = Field(u, "text") }
        else if let u = Self.statedUnits.lazy.compactMap({ Self.firstMatch($0, body) })
            .compactMap({ p in Self.writtenFor(p) ?? Self.unit(in: p).flatMap { p.hasSuffix($0) ? $0 : nil } ?? Self.placeGovernment(p) }).first {
            unit = Field(u, "text")
        }
        // A short line above the report names it (青禾县教育局, or only its place: 五常市民意乡); the
        // opening sentence does not (依据《条例》（国务院令第711号）… names the State Council's decree).
        else if let u = shortLines.lazy.compactMap({ Self.unit(in: Self.withoutYears($0)) ?? Self.placeGovernment($0) })
            .first(where: { $0.count <= 20 && !$0.hasPrefix("我代表") }) { unit = Field(u, "text") }
        else if let u = signature { unit = Field(u, "signature") }
        else if let u = meta["发布机构"] ?? meta["发文机关"] { unit = Field(u, "text") }
        else if let u = Self.unitFromPath(path) { unit = Field(u, "filename") }
        // A unit named without its place (a title's 区集体经济发展服务署, an opening's 区政府国资局, a
        // metadata block's 县政府办公室) is named better where the page gives the same department
        // with it: the signature (福田区集体经济发展服务署), a short line above (浑南区国资局), the
        // metadata block, or the report's opening (2022年，府谷县人民政府办公室严格贯彻…).
        if let u = unit.value, unit.source == "title" || unit.source == "text", Self.region(of: u).region == nil {
            let tail = Self.departmentTail(u)
            let lines = shortLines.compactMap { Self.unit(in: Self.withoutYears($0)) }
            let opening = String(body.prefix(1500)) as NSString
            let named = Self.unitPattern.matches(in: opening as String, range: NSRange(location: 0, length: opening.length))
                .map { opening.substring(with: $0.range(at: 1)) }
            let candidates = [signature.map { ($0, "signature") }] + lines.map { ($0, "text") }
                + [meta["发布机构"], meta["发文机关"]].map { $0.map { ($0, "text") } } + named.map { ($0, "text") }
            if let (better, source) = candidates.compactMap({ $0 }).first(where: { c, _ in
                c != u && Self.region(of: c).region != nil && Self.departmentTail(c) == tail
            }) {
                unit = Field(better, source)
            }
        }
        // A hacked page may carry a web address in place of a name (puroview.com沙头镇): it is no
        // part of the unit.
        if let u = unit.value, unit.source != "manifest", let m = Self.leadingAddress.firstMatch(in: u, range: NSRange(location: 0, length: (u as NSString).length)) {
            let address = (u as NSString).substring(with: m.range)
            unit = Field((u as NSString).substring(from: m.range.length), unit.source ?? "text")
            warnings.append("a web address stands in the unit's name (\(address)): a hacked page; it is left out")
        }
        // …or gambling words (澳门博彩业网址交通运输局): the unit is what is left.
        if let u = unit.value, unit.source != "manifest", Cues.shared.isSpam(u) {
            let kept = Cues.shared.removeSpam(u).kept.trimmingCharacters(in: Self.spamSeparators)
            unit = Field(Self.unit(in: kept) ?? (kept.isEmpty ? nil : kept), unit.source ?? "text")
            warnings.append("gambling words stand in the unit's name (\(u)): a hacked page; they are left out")
        }
        if let u = unit.value, unit.source != "manifest" { unit.value = Self.fullName(u) }
        if let u = unit.value, u.contains("*") || u.contains("×") || u.contains("XX") {
            warnings.append("the unit name is masked (\(u)): a reprint; pair it with others only through a manifest")
        }
        return unit
    }

    /// The full name of a unit named short (清河县政府办公室 → 清河县人民政府办公室; `metadata/unit-names.txt`).
    static func fullName(_ unit: String) -> String {
        let range = NSRange(location: 0, length: (unit as NSString).length)
        for (pattern, template) in unitNames where pattern.firstMatch(in: unit, range: range) != nil {
            return pattern.stringByReplacingMatches(in: unit, range: range, withTemplate: template)
        }
        return unit
    }

    static let unitNames: [(NSRegularExpression, String)] = ((try? ResourceFiles.lines(file: "metadata/unit-names.txt", bundle: .module)) ?? [])
        .compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2, let pattern = try? NSRegularExpression(pattern: parts[0]) else { return nil }
            return (pattern, parts[1])
        }

    /// A department's name without its place (国资局 of 浑南区国资局, of 区政府国资局 too).
    static func departmentTail(_ unit: String) -> String {
        var tail = Substring(placePrefix(of: unit).map { String(unit.dropFirst($0.count)) } ?? unit)
        while let c = tail.first, levels.contains(c) { tail = tail.dropFirst() }
        for word in ["人民政府", "政府"] where tail.hasPrefix(word) { tail = tail.dropFirst(word.count) }
        return String(tail)
    }

    static let spamSeparators = CharacterSet(charactersIn: ",，、_-—【】[]| ")
    static let leadingAddress = try! NSRegularExpression(pattern: #"^(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?"#)

    /// A government's report is written by an office of it (由白鹭县人民政府办公室编制, 由白鹭市人民
    /// 政府信息公开工作领导小组办公室…编制) or by its place's leading group (由白鹭县政务公开领导小组
    /// 办公室编制): the report is the government's.
    static func writtenFor(_ writer: String) -> String? {
        guard writer.hasSuffix("办公室") else { return nil }
        if let r = writer.range(of: "人民政府") {
            let government = String(writer[..<r.upperBound])
            return unit(in: government) == government ? government : nil
        }
        guard writer.contains("领导小组"), let place = firstMatch(regionTitle, writer), writer.hasPrefix(place) else { return nil }
        return government(of: place)
    }
}
