import Foundation

/// Titles set letter-spaced for emphasis (政 府 工 作 报 告, a heading's 概 述) are read without
/// their spaces; the text itself keeps them.
enum LetterSpacing {
    static let spaced = try! NSRegularExpression(pattern: #"^\p{Han}(?: +\p{Han})+$"#)

    static func closed(_ s: String) -> String { spaced.matches(s) ? s.filter { $0 != " " } : s }
}
