import Foundation
import ReportText

extension MetadataReader {
    /// The longest start of a department's name that is a place (福州市晋安区 of 福州市晋安区教育局).
    /// A division word counts only after a name of its own: 市 in 青禾县市场监督管理局 and 乡 in
    /// 青禾县住房和城乡建设局 follow no place name (none, one character after the first place, a
    /// joining word, or more than five characters that are not an autonomous area's), nor does a
    /// part of a place (`metadata/not-places.txt`: 景区, 园区 …).
    static func placePrefix(of base: String) -> String? {
        let chars = Array(base)
        var best: String?
        var nameStart = 0
        var i = 0
        while i < chars.count {
            let levelEnd: Int
            if i + 1 < chars.count, Self.twoCharacterLevels.contains(String(chars[i...i + 1])) { levelEnd = i + 2 }
            else if Self.levels.contains(chars[i]) { levelEnd = i + 1 }
            else { i += 1; continue }
            let name = chars[nameStart..<i]
            let segment = String(chars[nameStart..<levelEnd])
            let autonomous = segment.contains("自治")
            let isName = name.count >= (nameStart == 0 ? 1 : 2) && (name.count <= 5 || (autonomous && name.count <= 10))
                && !name.contains(where: { "和与及".contains($0) }) && !Self.notPlaces.contains(where: segment.hasSuffix)
            // A place whose name ends in a division word (金乡县, 新乡市, 广州市, 龙州县): the word
            // before is the name's, when a higher division follows it at once (县市 never does:
            // 青禾县市场监督管理局).
            let namedByDivision = name.isEmpty && nameStart > 0 && "州乡镇".contains(chars[nameStart - 1]) && "市县区旗".contains(chars[i])
            if isName || namedByDivision {
                let prefix = String(chars[0..<levelEnd])
                if regionPattern.firstMatch(in: prefix, range: NSRange(location: 0, length: (prefix as NSString).length)) != nil { best = prefix }
                nameStart = levelEnd
            }
            i = levelEnd
        }
        return best
    }

    static let levels = Set("省市州盟县区旗镇乡")
    static let twoCharacterLevels: Set<String> = ["街道", "苏木"]
    static let notPlaces = (try? ResourceFiles.lines(file: "metadata/not-places.txt", bundle: .module)) ?? []
}
