// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tributary",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tributary", targets: ["tributary"]),
        // For the fuzz targets in Fuzz/, which depend on this package by path.
        .library(name: "TributaryWire", targets: ["TributaryWire"]),
        .library(name: "TributaryVideo", targets: ["TributaryVideo"]),
        .library(name: "TributarySQL", targets: ["TributarySQL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // Durable append-only logs and the metadata store. Knows nothing of HTTP or AWS.
        .target(name: "TributaryLog"),
        // AWS wire formats (JSON 1.1 documents, errors, validation, ARNs). Knows no single service.
        .target(name: "TributaryWire"),
        // Kinesis Data Streams: streams, shards, sequence numbers, iterators. Knows nothing of HTTP.
        .target(
            name: "TributaryStreams",
            dependencies: [
                "TributaryLog", "TributaryWire",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // zlib from the system (zlib1g-dev), for GZIP and ZIP objects.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // Firehose: delivery streams, buffers, processors, compression, destinations. Reads Streams only through
        // its consumer interface.
        .target(
            name: "TributaryFirehose",
            dependencies: [
                "TributaryLog", "TributaryWire", "TributaryStreams", "TributaryAuth", "CZlib",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // The Kinesis Analytics SQL dialect on its own: lexer, parser and syntax tree, types and values, scalar
        // functions and aggregate accumulators. Depends on nothing that does I/O, so the SQL fuzz target builds quickly.
        .target(name: "TributarySQL", dependencies: ["TributaryWire"]),
        // Analytics: SQL applications over streams (binder, streaming operators, application runtime) on TributarySQL.
        // Reads and writes data streams and delivery streams only through their public service interfaces.
        .target(
            name: "TributaryAnalytics",
            dependencies: [
                "TributaryLog", "TributaryWire", "TributarySQL", "TributaryStreams", "TributaryFirehose",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // Video: the Kinesis Video Streams control plane, Matroska (EBML) ingest, fragment storage on TributaryLog and
        // GetMedia / archived-media playback. Knows nothing of HTTP.
        .target(
            name: "TributaryVideo",
            dependencies: [
                "TributaryLog", "TributaryWire",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The web console's files (HTML, JavaScript, CSS), served by the gateway under /console/. Knows no service: the
        // pages call the same public APIs as any client.
        .target(name: "TributaryConsole", resources: [.copy("Assets")]),
        // Authentication and authorization: SigV4 request verification against a credentials file, IAM-style policy
        // evaluation, and which action and resources each operation of the four services touches.
        .target(
            name: "TributaryAuth",
            dependencies: [
                "TributaryWire",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The gateway: HTTP server, protocol dispatch, configuration and lifecycle.
        .target(
            name: "TributaryServer",
            dependencies: [
                "TributaryLog", "TributaryWire", "TributaryStreams", "TributaryFirehose", "TributaryAnalytics",
                "TributaryVideo", "TributaryAuth", "TributaryConsole",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "tributary",
            dependencies: [
                "TributaryServer", "TributaryFirehose", "TributaryAnalytics", "TributaryWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "TributaryLogTests", dependencies: ["TributaryLog"]),
        .testTarget(name: "TributaryWireTests", dependencies: ["TributaryWire"]),
        .testTarget(name: "TributaryAuthTests", dependencies: ["TributaryAuth", "TributaryWire"]),
        .testTarget(name: "TributaryConsoleTests", dependencies: ["TributaryConsole"]),
        .testTarget(
            name: "TributaryFirehoseTests",
            dependencies: [
                "TributaryFirehose", "TributaryStreams", "TributaryLog", "TributaryWire", "TributaryAuth",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "TributarySQLTests", dependencies: ["TributarySQL", "TributaryWire"]),
        .testTarget(
            name: "TributaryAnalyticsTests",
            dependencies: [
                "TributaryAnalytics", "TributarySQL", "TributaryStreams", "TributaryFirehose", "TributaryLog",
                "TributaryWire",
            ]
        ),
        .testTarget(
            name: "TributaryVideoTests", dependencies: ["TributaryVideo", "TributaryLog", "TributaryWire"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TributaryServerTests",
            dependencies: [
                "TributaryServer", "TributaryWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TributaryStreamsTests",
            dependencies: [
                "TributaryStreams", "TributaryLog", "TributaryWire",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
