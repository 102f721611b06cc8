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

    func role(ofTitle title: String) -> SectionRole? {
        let units = Array(title.utf16)
        guard let tokens = try? segmenter.tokens(units) else { return nil }
        var starts = Set<Int>(), ends = Set<Int>()
        for t in tokens { starts.insert(Int(t.start)); ends.insert(Int(t.end)) }
        var best: (SectionRole, Int)?
        for (role, cue) in cues.roleCues {
            let c = Array(cue.utf16)
            guard c.count <= units.count, best == nil || c.count > best!.1 else { continue }
            var i = 0
            while i + c.count <= units.count {
                if units[i] == c[0] && Array(units[i..<i + c.count]) == c && starts.contains(i) && ends.contains(i + c.count) {
                    best = (role, c.count)
                    break
                }
                i += 1
            }
        }
        return best?.0
    }
}
