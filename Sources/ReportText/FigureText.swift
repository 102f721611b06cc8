extension Double {
    /// A figure as a report writes it: a whole number without a decimal point (1200, not 1200.0),
    /// anything else as Swift prints it. A whole number too large for an integer (a table cell of
    /// twenty 9s) stays a Double's text rather than trapping.
    public var figureText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
