// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Tributary's parsers of untrusted bytes, one executable per parser. Built apart from the main
// package, always with `-sanitize=fuzzer` (see scripts/fuzz), because libFuzzer supplies `main` and calls each
// target's `LLVMFuzzerTestOneInput`: hence `-parse-as-library`. Nothing depends on this package, so unsafe flags are
// allowed here.
let fuzzTargetSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func fuzzTarget(_ name: String, _ module: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzInput", .product(name: module, package: "Tributary")],
        swiftSettings: fuzzTargetSettings
    )
}

let package = Package(
    name: "TributaryFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Tributary", path: ".."),
    ],
    targets: [
        // How the targets of incremental decoders cut their input into chunks.
        .target(name: "FuzzInput"),
        fuzzTarget("FuzzJSONDocument", "TributaryWire"),
        fuzzTarget("FuzzCBORDocument", "TributaryWire"),
        fuzzTarget("FuzzEventStream", "TributaryWire"),
        fuzzTarget("FuzzSigV4Authorization", "TributaryWire"),
        fuzzTarget("FuzzMatroskaStream", "TributaryVideo"),
        fuzzTarget("FuzzSQLParser", "TributarySQL"),
    ]
)
