import Foundation
import ReportText

/// Gives a section its role from cues (`roles.txt`) matched on the segmented title: a cue counts
/// only where it starts and ends on token boundaries, so 工作总结 does not fire inside 总结果.
/// Not thread-safe (it owns a segmenter).
final class RoleTagger {
    let segmenter: WordSegmenter
    let cues: Cues

    init(segmenter: WordSegmenter, cues: Cues = .shared) {
        self.segmenter = segmenter
        self.cues = cues
    }

    /// The longest cue found on token boundaries (the first in the file among equals). The title is
    /// segmented only when some cue is in it at all.
    func role(ofTitle title: String) -> SectionRole? {
        let closed = LetterSpacing.closed(title).trimmingCharacters(in: Self.titleEnds)
        if let role = cues.wholeTitleRoles[closed] { return role }
        let units = Array(closed.utf16)
        var found: [(role: SectionRole, at: Int, length: Int)] = []
        for (k, c) in cues.roleCueUnits.enumerated() where !c.isEmpty && c.count <= units.count {
            for i in 0...(units.count - c.count) where units[i] == c[0] && units[i..<i + c.count].elementsEqual(c) {
                // A cue that must end the title may be followed by another part of it (和政策取向).
                if cues.titleEndCues.contains(k) && i + c.count < units.count && !Self.joiners.contains(units[i + c.count]) { continue }
                found.append((cues.roleCues[k].role, i, c.count))
            }
        }
        guard !found.isEmpty, let tokens = try? segmenter.tokens(units) else { return nil }
        var starts = Set<Int>(), ends = Set<Int>()
        for t in tokens { starts.insert(Int(t.start)); ends.insert(Int(t.end)) }
        var best: (role: SectionRole, at: Int, length: Int)?
        for f in found where starts.contains(f.at) && ends.contains(f.at + f.length) && f.length > (best?.length ?? 0) {
            best = f
        }
        // A title that acts on a problem (补齐民生短板, 着力解决突出问题) names a task, not the
        // problems part: it takes the role of the part it is in.
        if let b = best, b.role == .problems {
            let before = String(utf16CodeUnits: Array(units[..<b.at]), count: b.at)
            if cues.problemSolvers.contains(where: { before.contains($0) }) { return nil }
        }
        return best?.role
    }

    /// What may close a title without being part of it (问题： / 问题。).
    static let titleEnds = CharacterSet(charactersIn: ":：。. ")
    /// Words that join a title's parts (工作安排和主要目标).
    static let joiners: Set<UInt16> = Set("和与及暨、,，".utf16)
}
