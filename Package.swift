// swift-tools-version:6.0
import PackageDescription

// Pipeline stages, one module each; data flows one way:
// ReportText (bytes → text → tokens) → ReportStructure (report record)
// → PromiseDiff (year-to-year judgements) → TrendReport (aggregates, renderers) → nianbao (CLI glue).
let package = Package(
    name: "Nianbao",
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "Nianbao", targets: ["ReportText", "ReportStructure", "PromiseDiff", "TrendReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // System ICU, found with pkg-config; never a hard-coded version suffix.
        .systemLibrary(name: "ICUSystem", pkgConfig: "icu-uc icu-i18n",
                       providers: [.apt(["libicu-dev", "pkg-config"])]),
        // The only code that calls ICU: stable names over ICU's version-suffixed entry points.
        .target(name: "CICU", dependencies: ["ICUSystem"]),
        .target(name: "ReportText", dependencies: ["CICU"], resources: [.copy("Resources")]),
        // System zlib (pkg-config) and a bounded inflate for DOCX entries.
        .systemLibrary(name: "ZlibSystem", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CInflate", dependencies: ["ZlibSystem"]),
        .target(name: "ReportStructure", dependencies: ["ReportText", "CInflate"],
                resources: [.copy("Resources")]),
        .target(name: "PromiseDiff", dependencies: ["ReportText", "ReportStructure"],
                resources: [.copy("Resources")]),
        .target(name: "TrendReport", dependencies: ["ReportText", "ReportStructure", "PromiseDiff"],
                resources: [.copy("Resources")]),
        .executableTarget(name: "nianbao", dependencies: [
            "ReportText", "ReportStructure", "PromiseDiff", "TrendReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer targets over every stage (`make fuzz`); a plain build is a crash replayer.
        .executableTarget(name: "nianbao-fuzz", dependencies: ["ReportStructure"]),
        // Paths to fixtures, corpora and ../shared, and a JSON Schema checker, shared by all tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReportTextTests", dependencies: ["ReportText", "TestSupport"]),
        .testTarget(name: "ReportStructureTests", dependencies: [
            "ReportStructure", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "PromiseDiffTests", dependencies: ["PromiseDiff", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TrendReport", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
