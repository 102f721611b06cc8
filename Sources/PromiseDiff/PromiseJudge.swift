import Foundation
import ReportStructure
import ReportText

/// Derives the promises of a report and judges each against the next report's passages.
///
/// A promise is a short commitment item as a whole, or each sentence of a long one (or of an
/// untitled paragraph that commits more than once) that is neither a lead-in nor a claim of past
/// credit. Judging, in order:
/// - `fulfilled`: a result passage covers it (score ≥ `fulfilledScore`) and says it was done
///   (`done.txt`) or gives a number that meets the promised quantity;
/// - `partial`: such a passage falls short of the quantity or reports the project begun, not
///   finished (`unfinished.txt`), or a weaker match covers part of it;
/// - `not_reported`: otherwise.
/// Where the thresholds find no partial, or one only because a result says the work is under way,
/// the promise model (`PromiseModel`, fitted on the dev gold) weighs all the signals at once and
/// has the last word between done and not reported; it can call a promise done only on evidence
/// that names what the promise is about.
///
/// Flags: `repromised` (the next report's plans cover it again), `stillAProblem` (its problems
/// do; when they cover it at least as well as the results do, it is not fulfilled). Multi-year
/// goals without annual evidence stay `pending`.
public struct PromiseJudge: Sendable {
    public var similarity: Similarity
    /// Thresholds, calibrated on the dev gold in `eval/gold/promises/dev` (see `make eval`). The match a
    /// fulfilled verdict needs: 0.20 is dev's best reweighed to the 60% fulfilled that PROMISES.md
    /// measured on other annotators' national pairs (`--fulfilled-share 0.6`); as annotated (41%
    /// fulfilled) 0.30 does two promises better; 0.15 falls off a cliff.
    public var fulfilledScore = 0.20
    public var partialScore = 0.40
    public var flagScore = 0.5
    /// A result passage this close to the promise (naming its key word) reports it whatever its
    /// verb, unless it only says the work is under way: 0.25 is dev's best as annotated and
    /// reweighed (it was 0.45 when dev held four national pairs).
    public var strongScore = 0.25
    /// Weighs the features into done or not reported where the thresholds do not find a partial
    /// (`PromiseModel`); `nil` leaves the thresholds alone.
    public var model: PromiseModel? = PromiseModel.shipped

    public init(similarity: Similarity) { self.similarity = similarity }

    /// A promise before judgement.
    public struct Promise: Sendable {
        public var id: String
        public var item: Item
        public var passage: Passage
        public var testable: Bool
        public var multiYear: Bool
        /// The promise's clauses (split at ，；：) with enough content to match on their own: a
        /// compound promise can be done in part, and one clause can come back as a problem.
        public var clauses: [Passage]
        /// What is looked for in the later report, when it is less than `passage`: the promise
        /// without its clauses of purpose (让老百姓住上放心房), which a review does not report.
        public var query: Passage? = nil
    }

    static func promises(of prepared: ReportPassages) -> [Promise] {
        let cues = DiffCues.shared
        let report = prepared.report, reader = prepared.reader
        var out: [Promise] = []
        // Sentences that state main expected targets are judged as targets, not as promises; the
        // rest of their item still commits (财政 paragraphs set the deficit and then the tasks).
        let targetStarts = report.targets.map(\.span.start)
        func statesTarget(_ span: Span) -> Bool { targetStarts.contains { span.range.contains($0) } }
        let plan = report.metadata.planYear.value
        let periodParts = periodContinuations(report.sections, plan: plan, cues)
        for (i, item) in report.items.enumerated() where item.role == .commitment {
            let sentences = prepared.sentences(i)
            // A short item, or a numbered one of moderate length (five sentences at most), is one
            // promise; a long one (a work report's (一)…(九)), or one that states targets, holds
            // many, one per sentence.
            // An untitled paragraph that commits in two sentences or more (2022年，我局将加大…公开力度；
            // 同时加强信息员队伍建设…) makes as many promises, each judged on its own.
            let committing = sentences.filter { isCommitment($0, cues) && !announces($0, cues) }
            // So does a titled paragraph whose body commits twice or more and sets a quantity, a
            // measure a sentence (（一）坚持项目为王，扩大有效投资。全年实施重点项目120个…。开工建设
            // 县第二污水处理厂。); a body that elaborates its title in words (（二）进一步明确工作职责。
            // 狠抓…) is one measure.
            let body = committing.filter { $0.span.start >= (sentences.first?.span.end ?? 0) }
            let listsMeasures = body.count >= 2 && body.contains { s in s.quantities.contains { $0.unit != nil } }
            let whole = (sentences.count <= 3 || item.text.count <= 160 || (item.title != nil && item.text.count <= 600 && sentences.count <= 5))
                && !statesTarget(item.span) && !(item.title == nil ? committing.count >= 2 : listsMeasures)
            // The title of a long item counts too: it names a commitment of its own
            // (（四）积极推动区域协调发展), and readers quote it as one.
            let units = whole ? [prepared.whole(i)].filter { isCommitment($0, cues) && !(sentences.count == 1 && announces($0, cues)) }
                : committing.filter { !statesTarget($0.span) }
            // Measures joined by a comma are promises each (the first keeps the item's title).
            let measures = units.flatMap { Self.measures(in: $0, item, reader) }
            // A plan period named by a heading above the item (（四）“十一五”时期的战略重点和主要任务),
            // by a part it goes on from, or by the promise itself: what is set there is set for the
            // period, not the year. A paragraph that turns to the year (2001年是…，做好今年的各项工作)
            // in a part that goes on from the period's is the year's.
            let continuesPeriod = periodParts.contains { $0.contains(item.span.start) }
                && !(plan.map { item.text.contains("\($0)年") } ?? false) && !item.text.contains("今年")
            let underPeriod = continuesPeriod || item.sectionPath.contains { DiffCues.any(cues.multiYear, withoutDuePeriods($0, plan: plan)) }
            for p in measures {
                let t = p.normalized
                let quantity = p.quantities.contains { $0.unit != nil }
                let testable = quantity || DiffCues.any(cues.testable, t) || DiffCues.any(cues.milestones, t)
                // Drawing up the period's plan is done within the year (研究制定第十个五年计划).
                let namesPeriod = DiffCues.any(cues.multiYear, withoutDuePeriods(t, plan: plan)) && !DiffCues.any(cues.planDrafting, t)
                let multiYear = underPeriod || namesPeriod || futureYear(t, after: plan, cues)
                // What a review would report: the clauses that act, not those that say what for.
                let parts = t.unicodeScalars.split(whereSeparator: { ",，;；:：。".unicodeScalars.contains($0) }).map { String($0) }
                let acting = parts.filter { !DiffCues.any(cues.purpose, $0) }
                // Some of the promise's clauses as one passage, matched on its own.
                func passage(joining clauses: [String]) -> Passage {
                    let text = clauses.joined(separator: "，")
                    return reader.build(text, p.span, normalized: text, item, inRecap: p.inRecap)
                }
                // A clause matches on its own with two content words, or one and a quantity, or
                // one long term (保障性安居工程).
                let clauses = acting.map { passage(joining: [$0]) }.filter { c in
                    c.words.count >= 2 || (c.words.count == 1 && (c.quantities.contains { $0.unit != nil } || c.words[0].count >= 4))
                }
                out.append(Promise(id: Self.id(out.count + 1), item: item, passage: p,
                                   testable: testable, multiYear: multiYear,
                                   clauses: clauses.count > 1 || acting.count < parts.count ? clauses : [],
                                   query: acting.count < parts.count && !acting.isEmpty ? passage(joining: acting) : nil))
            }
        }
        return out
    }

    /// A sentence that joins measures with commas, each naming its object and a quantity or a
    /// milestone of its own (改造提升乡镇卫生院4所，县中医院门诊综合楼投入使用), is a promise per
    /// measure: one can be done and the other not.
    static func measures(in sentence: Passage, _ item: Item, _ reader: PassageReader) -> [Passage] {
        let cues = DiffCues.shared
        let parts = reader.clauses(of: sentence, in: item)
        func measure(_ c: Passage) -> Bool {
            c.words.count >= 2 && (DiffCues.any(cues.milestones, c.normalized)
                || (c.quantities.contains { $0.unit != nil && !inQuotes($0.range, c.normalized) } && DiffCues.any(cues.actionVerbSet, c.normalized)))
        }
        guard parts.count >= 2, parts.allSatisfy(measure), !parts.dropFirst().contains(where: { DiffCues.any(cues.clauseTies, $0.normalized) })
        else { return [sentence] }
        return parts
    }

    /// Whether a span of UTF-16 offsets lies inside quotation marks or title marks: a number there
    /// is part of a name (“两个确保”, 《…第十一个五年规划…》), not a quantity.
    static func inQuotes(_ range: Range<Int>, _ text: String) -> Bool {
        var depth = 0
        for u in text.utf16.prefix(range.lowerBound) {
            if u == 0x201C || u == 0x300A { depth += 1 } else if u == 0x201D || u == 0x300B { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    /// The parts that go on with a plan period's exposition without naming it: plans parts whose
    /// role was inferred, after a plans part titled by the period (2001: 二、“十五”期间的奋斗目标和
    /// 指导方针, then 三、加强农业基础地位… to 十、…).
    static func periodContinuations(_ sections: [Section], plan: Int?, _ cues: DiffCues) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var running = false
        for s in sections {
            if s.role == .plans && s.roleSource == "title" {
                running = DiffCues.any(cues.multiYear, withoutDuePeriods(s.title, plan: plan))
            } else if s.role == .plans && s.roleSource == "inferred" {
                if running { out.append(s.span.range) }
            } else {
                running = false
            }
        }
        return out
    }

    /// p001, p002, …: the promise's number, three digits at least.
    static func id(_ n: Int) -> String { "p" + String(repeating: "0", count: max(0, 3 - String(n).count)) + String(n) }

    /// A sentence that commits: an action on an object, and neither a lead-in, a claim of past
    /// credit nor rhetoric. One content word is object enough (加强现代农业建设) unless it is the
    /// action itself (启动).
    static func isCommitment(_ p: Passage, _ cues: DiffCues) -> Bool {
        let t = p.normalized
        guard !p.words.isEmpty, !t.hasSuffix(":"), !DiffCues.any(cues.pastCredit, t), !DiffCues.any(cues.rhetoric, t) else {
            return false
        }
        if p.words.count == 1 {
            // A piece cut off by a line break inside a title (实施新一轮《) commits to nothing on its own.
            if "《“(「".contains(t.last ?? ":") { return false }
            let word = p.words[0] as NSString
            if let only = cues.actionVerbs.firstMatch(in: p.words[0], range: NSRange(location: 0, length: word.length)),
               only.range.length == word.length {
                return false
            }
        }
        return cues.actionVerbSet.matches(t)
    }

    /// A sentence announcing the tasks that follow (今年要着重做好以下几方面的工作).
    static func announces(_ p: Passage, _ cues: DiffCues) -> Bool { DiffCues.any(cues.leadIns, p.normalized) }

    /// The text without the five-year plans that end by the plan year: 确保完成“十二五”规划 in the
    /// 2015 report is due that year, not a goal of many years. (The k-th plan ends in 1955 + 5k,
    /// from the sixth on: 九五 2000, 十五 2005, 十二五 2011–2015.)
    static func withoutDuePeriods(_ s: String, plan: Int?) -> String {
        guard let plan, s.unicodeScalars.contains("五") else { return s }
        func digit(_ c: Unicode.Scalar) -> Int? { c.value < 0x10000 ? ChineseNumeral.digits[UInt16(c.value)] : nil }
        var out = String.UnicodeScalarView(), chars = Array(s.unicodeScalars), i = 0
        while i < chars.count {
            if i + 2 < chars.count, chars[i] == "十", let d = digit(chars[i + 1]), d > 0, chars[i + 2] == "五", 1955 + 5 * (10 + d) <= plan {
                i += 3
                continue
            }
            // 九五, 十五 (not a digit's tens: 二十五).
            if i + 1 < chars.count, chars[i] == "九" || chars[i] == "十", chars[i + 1] == "五", i == 0 || digit(chars[i - 1]) == nil,
               1955 + 5 * (chars[i] == "九" ? 9 : 10) <= plan {
                i += 2
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    /// A deadline two or more years past the plan year (到2035年, 2030年前): a goal of many years.
    static func futureYear(_ s: String, after plan: Int?, _ cues: DiffCues) -> Bool {
        guard let plan else { return false }
        let ns = s as NSString
        return cues.deadline.matches(in: s, range: NSRange(location: 0, length: ns.length)).contains { m in
            (1..<m.numberOfRanges).contains { k in
                let r = m.range(at: k)
                return r.location != NSNotFound && Int(ns.substring(with: r)).map { (plan + 2...plan + 15).contains($0) } == true
            }
        }
    }

    /// A clause of a promise and its best result.
    struct ClauseMatch: Sendable {
        /// The clause's IDF mass: its share of what the promise says.
        var mass: Double
        var evidence: (Passage, Double)?
        /// The evidence names the clause's rarest word / one of the promise's two rarest words.
        var keyTerm: Bool
        var promiseKeyTerm: Bool
        var numbers: NumberAgreement
        /// How many content words the clause has.
        var size: Int
        var score: Double { evidence?.1 ?? 0 }
    }

    /// What matching found for one promise, before thresholds turn it into a status: kept apart so
    /// that calibration can try thresholds without matching again.
    public struct Features: Sendable {
        var results: [(Passage, Double)]
        var problem: (Passage, Double)?
        var plan: (Passage, Double)?
        var clauses: [ClauseMatch]
        /// Per result, best first: whether it says the work is done (`done.txt`), under way
        /// (`progress.txt`).
        var resultsSayDone: [Bool]
        var resultsSayUnderWay: [Bool]
        var numbers: NumberAgreement
        var keyTermInEvidence: Bool

        /// The best result says it was done / that the work is under way.
        var done: Bool { resultsSayDone.first ?? false }
        var progress: Bool { resultsSayUnderWay.first ?? false }

        /// The clauses that cover their part of the promise at match `t`: a clause of two words or
        /// fewer only where its rarer word is (依法治军 is not reported by 依法规范劳动管理).
        func covering(at t: Double) -> [ClauseMatch] {
            clauses.filter { $0.score >= t && ($0.size > 2 || $0.keyTerm) }
        }

        /// The share of the promise's IDF mass in the clauses `covering(at:)` `t`.
        func coverage(at t: Double) -> Double {
            let mass = clauses.reduce(0.0) { $0 + $1.mass }
            return mass > 0 ? covering(at: t).reduce(0.0) { $0 + $1.mass } / mass : 0
        }
    }

    public func features(_ p: Promise, results: CandidateIndex, problems: CandidateIndex, plans: CandidateIndex) -> Features {
        let cues = DiffCues.shared
        let whole = similarity.query(p.query ?? p.passage)
        let r = similarity.best(whole, among: results)
        var problem = similarity.best(whole, among: problems, limit: 1).first
        var plan = similarity.best(whole, among: plans, limit: 1).first
        // The evidence must name what the promise is most specifically about: one of the two
        // rarest words of its head clause. Sharing only common words (新兴产业 without 统计) is
        // topic, not completion.
        func names(_ terms: ArraySlice<String>, _ e: Passage?) -> Bool {
            guard let e else { return false }
            return terms.isEmpty || terms.contains { e.words.contains($0) }
        }
        // Key terms come from the head clause, which names the action and its object; later
        // clauses elaborate (随机抽取检查对象…) and their rare words are rarely reported.
        // A head of two words or fewer has one key: either of two would be any shared word.
        let head = (p.clauses.first ?? p.passage).words
        let promiseKeys = rarest(head, head.count <= 2 ? 1 : 2)
        var clauses: [ClauseMatch] = []
        for clause in p.clauses {
            let query = similarity.query(clause)
            let best = similarity.best(query, among: results, limit: 1).first
            clauses.append(ClauseMatch(mass: query.total, evidence: best, keyTerm: names(rarest(clause.words, 1), best?.0),
                                       promiseKeyTerm: names(promiseKeys, best?.0), numbers: best.map { compare(clause, $0.0) } ?? .none,
                                       size: clause.words.count))
            if let b = similarity.best(query, among: problems, limit: 1).first, b.1 > (problem?.1 ?? 0) { problem = b }
            if let b = similarity.best(query, among: plans, limit: 1).first, b.1 > (plan?.1 ?? 0) { plan = b }
        }
        let headText = (p.clauses.first ?? p.passage).normalized
        return Features(results: r, problem: problem, plan: plan, clauses: clauses,
                        resultsSayDone: r.map { DiffCues.any(cues.done, $0.0.normalized) },
                        resultsSayUnderWay: r.map { DiffCues.any(cues.progress, $0.0.normalized) },
                        numbers: r.first.map { compare(p.passage, $0.0) } ?? .none,
                        keyTermInEvidence: names(promiseKeys, r.first?.0) || Self.namesMostOf(headText, r.first?.0))
    }

    /// A head that lists its objects (打击制假售假、虚假广告、商业欺诈、传销…等违法活动) is about all
    /// of them, and its two rarest words are one or two of the list: evidence naming at least half
    /// of the listed objects names what the promise is about.
    static func namesMostOf(_ head: String, _ e: Passage?) -> Bool {
        guard let e, head.contains("、") else { return false }
        let listed = head.split(separator: "、").map(String.init)
        guard listed.count >= 3 else { return false }
        let named = listed.filter { part in e.words.contains { $0.count >= 2 && part.contains($0) } }.count
        return named * 2 >= listed.count
    }

    /// The `n` rarest of `words` by IDF (ties in word order).
    func rarest(_ words: [String], _ n: Int) -> ArraySlice<String> {
        let weighed = words.map { (word: $0, weight: similarity.idf.weight($0)) }
        return weighed.sorted { ($0.weight, $1.word) > ($1.weight, $0.word) }.prefix(n).map(\.word)[...]
    }

    /// Thresholds applied to features (see the type's summary for the rules).
    public func decide(_ p: Promise, _ f: Features) -> PromiseJudgement {
        let rScore = f.results.first?.1 ?? 0
        // A clause that matches a result well and names a key term, or compares quantities with
        // it, counts as much as the whole promise doing so.
        let covering = f.covering(at: fulfilledScore)
        let coverage = f.coverage(at: fulfilledScore)
        let qScore = f.problem?.1 ?? 0
        var numbers = f.numbers
        // One of several quantities met is not all of them: a clause that names its own thing
        // and falls short of its figure (厂房10万平方米 against 开工6万平方米) makes it partial.
        if numbers == .meets && covering.contains(where: { $0.keyTerm && $0.numbers == .short }) { numbers = .short }
        if numbers == .none {
            let clauseNumbers = covering.filter(\.keyTerm).map(\.numbers).filter { $0 != .none }
            numbers = clauseNumbers.contains(.short) ? .short : clauseNumbers.first ?? .none
        }
        // A clause naming its key term in the very passage that matched the whole promise
        // confirms that match (约法三章, when the promise's rarest words are in its elaboration).
        let best = f.results.first?.0.span
        let keyCovered = f.keyTermInEvidence || coverage >= 0.6 || numbers != .none
            || (rScore >= partialScore && covering.contains { $0.keyTerm && $0.evidence?.0.span == best })
        // A quantity the promise names, met by a result about the same thing: the measurable part
        // of the promise is done, however much else it says.
        let quantityMet = covering.contains { $0.keyTerm && $0.numbers == .meets } && !covering.contains { $0.numbers == .short }
        let matched = (rScore >= fulfilledScore || coverage >= 0.6 || quantityMet) && keyCovered
        // A near-verbatim account in the review is itself the report that it was done.
        // So is an account that covers most of what the promise says, clause by clause.
        let strong = (rScore >= strongScore || coverage >= 0.6) && keyCovered
        // A close result that says the project is begun, not finished (主体工程完工，计划…通车); read in
        // the finest passages matched, as the paragraph around a sentence speaks of other projects too.
        let close = f.results.prefix(3).filter { $0.1 >= fulfilledScore }.map(\.0.span)
        let finest = f.results.prefix(close.count).map(\.0).filter { a in
            !close.contains { $0 != a.span && a.span.start <= $0.start && $0.end <= a.span.end }
        }
        // (A promise that says such words itself, 实现主体工程完工, asked for no more.)
        // (Nor did one that asks only for work to begin, where the result reports it begun.)
        let cues = DiffCues.shared
        let asksToBegin = DiffCues.any(cues.starts, p.passage.normalized) && !DiffCues.any(cues.finishes, p.passage.normalized)
        let unfinished = numbers != .meets && !DiffCues.any(cues.unfinished, p.passage.normalized)
            && finest.contains { DiffCues.any(cues.unfinished, $0.normalized) && !(asksToBegin && DiffCues.any(cues.starts, $0.normalized)) }
        var status: PromiseStatus
        var reason: String
        // A partial named only because the best result says the work is under way (推进, 进展):
        // reviews say that of finished work as often as of unfinished (on dev such a partial was
        // right 3 times in 13), so the model weighs it like the rest.
        var underWayOnly = false
        if matched && (numbers == .meets || ((f.done || strong) && numbers != .short && !(f.progress && !f.done) && !unfinished)) {
            status = .fulfilled
            reason = numbers == .meets ? "the result reports a quantity that meets the promise" : "a result reports it done"
        } else if matched && numbers == .short {
            status = .partial
            reason = "a result reports less than the promised quantity"
        } else if matched && unfinished {
            status = .partial
            reason = "a result reports it begun, not finished"
        } else if (coverage >= 0.3 && covering.contains { $0.promiseKeyTerm }) || ((rScore >= partialScore || coverage > 0) && keyCovered && (f.done || f.progress || strong)) {
            status = .partial
            reason = f.progress ? "a result reports work under way" : "a result reports related work, matching only in part"
            // (A goal of several years under way stays pending, below.)
            underWayOnly = f.progress && !p.multiYear
        } else {
            status = .notReported
            reason = f.results.isEmpty ? "no result of the later report shares its words"
                : String(format: "no result says it was done (best match %.2f)", rScore)
        }
        // The thresholds name a partial by what they see (a quantity short, a compound promise
        // matched in part); done or not reported is the model's call, as it weighs every signal at once.
        if let model, status != .partial || underWayOnly {
            let x = vector(p, f)
            let done = model.probability(of: .fulfilled, x), not = model.probability(of: .notReported, x)
            let modelStatus: PromiseStatus = done > not ? .fulfilled : .notReported
            // Evidence that does not name what the promise is about is topic, never completion.
            if modelStatus != status && (modelStatus == .notReported || keyCovered) {
                status = modelStatus
                reason = String(format: status == .fulfilled ? "on balance a result reports it done (best match %.2f; the model gives done %.2f)"
                                    : "on balance no result reports it done (best match %.2f; the model gives done %.2f)", rScore, done / (done + not))
            }
        }
        let stillAProblem = qScore >= flagScore
        if stillAProblem && qScore >= rScore && status == .fulfilled {
            status = rScore >= fulfilledScore ? .partial : .notReported
            reason = "the later report lists it among its problems"
        }
        if p.multiYear && status != .fulfilled {
            status = .pending
            reason = "a multi-year goal: no annual figure to judge it by"
        }
        var evidence = f.results.filter { $0.1 >= partialScore }.map(Self.evidence)
        // The clauses' own evidence, when they carried the verdict.
        if status == .fulfilled || status == .partial {
            for c in covering {
                guard let e = c.evidence, !evidence.contains(where: { $0.span == e.0.span }) else { continue }
                evidence.append(Self.evidence(e))
            }
            // A verdict of done or partly done always shows what it rests on.
            if evidence.isEmpty, let best = f.results.first { evidence.append(Self.evidence(best)) }
        }
        if let q = f.problem, qScore >= flagScore { evidence.append(Self.evidence(q)) }
        if let c = f.plan, c.1 >= flagScore { evidence.append(Self.evidence(c)) }
        return PromiseJudgement(id: p.id, itemId: p.item.id, text: p.passage.text, span: p.passage.span,
                                testable: p.testable, horizon: p.multiYear ? "multi-year" : "annual", status: status,
                                score: (rScore * 1000).rounded() / 1000, repromised: (f.plan?.1 ?? 0) >= flagScore,
                                stillAProblem: stillAProblem, evidence: evidence, reason: reason)
    }

    static func evidence(_ m: (Passage, Double)) -> Evidence {
        Evidence(text: m.0.text, span: m.0.span, role: m.0.role, itemId: m.0.itemId, score: (m.1 * 1000).rounded() / 1000)
    }
}
