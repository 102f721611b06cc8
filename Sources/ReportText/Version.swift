/// The tool version, written into outputs and cache keys.
public enum NianbaoVersion {
    public static let string = "0.1.0"
}
