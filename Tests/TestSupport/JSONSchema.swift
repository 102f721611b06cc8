import Foundation

/// A small JSON Schema checker for the keywords our schemas use: type, properties, required,
/// additionalProperties (boolean), items, enum, minimum, $ref to #/$defs. Returns the problems
/// found, each with its JSON path; none means valid.
public struct JSONSchema {
    let root: [String: Any]

    public init(url: URL) throws {
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    public func validate(_ data: Data) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        var problems: [String] = []
        check(value, root, "$", &problems)
        return problems
    }

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
        let name = String(ref.dropFirst("#/$defs/".count))
        return ((root["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
    }

    func typeName(_ v: Any) -> String {
        switch v {
        case is NSNull: return "null"
        case let n as NSNumber:
            if String(describing: type(of: n)).contains("Boolean") { return "boolean" }
            return n.doubleValue == n.doubleValue.rounded() ? "integer" : "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    func check(_ value: Any, _ schema: [String: Any], _ path: String, _ problems: inout [String]) {
        let schema = resolve(schema)
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as! String]
            let actual = typeName(value)
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { problems.append("\(path): \(actual) is not \(allowed.joined(separator: "|"))"); return }
        }
        if let values = schema["enum"] as? [Any] {
            let s = "\(value)"
            if !values.contains(where: { "\($0)" == s }) { problems.append("\(path): \(s) not in enum") }
        }
        if let minimum = schema["minimum"] as? Double, let n = value as? NSNumber, n.doubleValue < minimum {
            problems.append("\(path): \(n) < \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing \(key)")
            }
            for (key, v) in object {
                if let p = properties[key] as? [String: Any] {
                    check(v, p, "\(path).\(key)", &problems)
                } else if let extra = schema["additionalProperties"] {
                    if let allowed = extra as? Bool, !allowed { problems.append("\(path): unexpected \(key)") }
                    if let s = extra as? [String: Any] { check(v, s, "\(path).\(key)", &problems) }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { check(v, items, "\(path)[\(i)]", &problems) }
        }
    }
}
