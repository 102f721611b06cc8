import Foundation
import ReportStructure

// libFuzzer entry (built by `make fuzz` with -sanitize=fuzzer -DFUZZING); the stage comes from
// NIANBAO_FUZZ_TARGET. Without FUZZING this is a replayer: `nianbao-fuzz TARGET FILE...`.

#if FUZZING
nonisolated(unsafe) let fuzzTarget = FuzzHarness.Target(rawValue: ProcessInfo.processInfo.environment["NIANBAO_FUZZ_TARGET"] ?? "") ?? .extract

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.run(fuzzTarget, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: FuzzCallback) -> CInt

// SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
@_cdecl("nianbao_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
}
#else
@main
struct Replay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first, let target = FuzzHarness.Target(rawValue: name) else {
            print("usage: nianbao-fuzz \(FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: "|")) FILE...")
            exit(64)
        }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzHarness.run(target, [UInt8](data))
        }
    }
}
#endif
