import Testing
@testable import TrendReport

/// Report text in a Markdown table: markup escaped, line breaks flattened so a row stays a row.
@Suite struct MarkdownTests {
    @Test func markup_isEscaped_andLineBreaksFlatten() {
        #expect(Markdown.escape("a|b *c* <d>") == "a\\|b \\*c\\* &lt;d&gt;")
        // Wrapped mid-sentence between Chinese characters: no space; between words: one.
        #expect(Markdown.escape("政府信息公开申请\n全部按期答复") == "政府信息公开申请全部按期答复")
        #expect(Markdown.escape("PM\n2.5 and\r\nmore") == "PM 2.5 and more")
        // A page marker (a zero-width space on a line of its own) leaves no trace.
        #expect(Markdown.escape("今年预期目标设定\n\u{200B}\n为6%以上") == "今年预期目标设定为6%以上")
        #expect(!Markdown.escape("a\n\nb").contains("\n"))
    }

    @Test func quotes_areCutThenEscaped() {
        #expect(Markdown.quote("一二三四五", limit: 3) == "一二三…")
        #expect(Markdown.quote("一|二", limit: 3) == "一\\|二")
    }
}
