import Foundation
import TributaryStreams
import XCTest

/// Tests for `KPLDeaggregator` and `KPLAggregator`: records made by aws-kinesis-agg (the KPL's Python port) read
/// back as the user records it was given, ordinary and tampered records pass through, malformed protobuf behind a
/// valid digest throws rather than traps, and aws-kinesis-agg reads what `KPLAggregator` writes.
final class KPLDeaggregationTests: XCTestCase {
    // MARK: Records made by aws-kinesis-agg

    func testRecordsMadeByPythonAggregatorReadBackAsTheirUserRecords() throws {
        for (name, fixture) in KPLFixture.all {
            XCTAssertTrue(KPLDeaggregator.isAggregated(fixture.data), name)
            let records = try KPLDeaggregator.deaggregate(data: fixture.data, partitionKey: fixture.partitionKey)
            assertSameRecords(records, fixture.expected, name)
        }
    }

    func testHundredRecordFixtureKeepsOrderAndSharedKeys() throws {
        let fixture = KPLFixture.hundredRecords
        let records = try KPLDeaggregator.deaggregate(data: fixture.data, partitionKey: fixture.partitionKey)
        XCTAssertEqual(records.count, 100)
        XCTAssertEqual(records.map(\.subSequenceNumber), Array(0..<100))
        XCTAssertEqual(Set(records.map(\.partitionKey)).count, 7)
        XCTAssertEqual(records.compactMap(\.explicitHashKey).count, 10)
    }

    func testCanonicallyEquivalentKeysKeepTheirOwnBytes() throws {
        let fixture = KPLFixture.unicodeKeys
        let records = try KPLDeaggregator.deaggregate(data: fixture.data, partitionKey: fixture.partitionKey)
        XCTAssertEqual(Array(records[3].partitionKey.utf8), [0x63, 0x61, 0x66, 0xC3, 0xA9])
        XCTAssertEqual(Array(records[4].partitionKey.utf8), [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81])
        let rewritten = KPLAggregator.aggregate(records)
        let again = try KPLDeaggregator.deaggregate(data: rewritten, partitionKey: "x")
        XCTAssertEqual(Array(again[4].partitionKey.utf8), [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81])
    }

    // MARK: Records that are not aggregated

    func testOrdinaryDataPassesThroughWithOuterKeys() throws {
        let samples: [[UInt8]] = [
            [], Array("hello".utf8), [0xF3, 0x89, 0x9A], [0xF3, 0x89, 0x9A, 0xC3, 0x00],
            magic, magic + [UInt8](repeating: 0, count: 16),
        ]
        for data in samples {
            let records = try KPLDeaggregator.deaggregate(data: data, partitionKey: "outer", explicitHashKey: "42")
            XCTAssertEqual(records, [KPLUserRecord(partitionKey: "outer", explicitHashKey: "42", data: data)])
        }
        XCTAssertFalse(KPLDeaggregator.isAggregated(Array("hello".utf8)))
        XCTAssertFalse(KPLDeaggregator.isAggregated([0xF3, 0x89, 0x9A]))
        XCTAssertTrue(KPLDeaggregator.isAggregated(magic))
    }

    func testEmptyProtobufWithValidDigestIsAnOrdinaryRecord() throws {
        let data = KPLAggregator.framed(protobuf: [])
        XCTAssertEqual(data.count, 20)
        let records = try KPLDeaggregator.deaggregate(data: data, partitionKey: "outer")
        XCTAssertEqual(records, [KPLUserRecord(partitionKey: "outer", data: data)])
    }

    func testDigestMismatchPassesThroughAsOneRecord() throws {
        let original = KPLFixture.threeRecordsTwoKeys.data
        for index in [4, original.count / 2, original.count - 17, original.count - 16, original.count - 1] {
            var tampered = original
            tampered[index] ^= 0x01
            let records = try KPLDeaggregator.deaggregate(data: tampered, partitionKey: "outer")
            XCTAssertEqual(records, [KPLUserRecord(partitionKey: "outer", data: tampered)], "byte \(index)")
        }
        let shortened = Array(original.dropLast())
        XCTAssertEqual(try KPLDeaggregator.deaggregate(data: shortened, partitionKey: "outer").count, 1)
    }

    func testNestedMagicInsideUserDataIsNotUnpackedAgain() throws {
        let inner = KPLAggregator.aggregate([KPLUserRecord(partitionKey: "inner", data: [1, 2, 3])])
        let outer = KPLAggregator.aggregate([KPLUserRecord(partitionKey: "outer", data: inner)])
        let records = try KPLDeaggregator.deaggregate(data: outer, partitionKey: "outer")
        XCTAssertEqual(records, [KPLUserRecord(partitionKey: "outer", data: inner)])
    }

    // MARK: Malformed protobuf behind a valid digest

    func testTruncatedVarintThrows() {
        // Record { partition_key_index = <varint cut after one byte> }; the varint starts at offset 7.
        assertThrows([0x1A, 0x02, 0x08, 0x80], .truncated(offset: 7))
        // A tag cut inside its varint at the top level.
        assertThrows([0x80], .truncated(offset: 4))
    }

    func testLengthBeyondBufferThrows() {
        assertThrows([0x0A, 0x05, 0x61], .lengthBeyondBuffer(offset: 5, length: 5, available: 1))
        // A record whose data claims more bytes than its enclosing record holds.
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, 0x04, 0x08, 0x00, 0x1A, 0x09, 0x00],
            .lengthBeyondBuffer(offset: 12, length: 9, available: 0)
        )
        let hugeLength: [UInt8] = [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        assertThrows(hugeLength, .lengthBeyondBuffer(offset: 5, length: UInt64.max, available: 0))
    }

    func testTruncatedFixedWidthFieldThrows() {
        // Unknown field 15 of wire type 1 (fixed64) with only two of its eight bytes.
        assertThrows([0x79, 0x00, 0x00], .truncated(offset: 5))
        // Unknown field 15 of wire type 5 (fixed32) with three of its four bytes.
        assertThrows([0x7D, 0x00, 0x00, 0x00], .truncated(offset: 5))
    }

    func testOverlongVarintsThrow() {
        assertThrows([UInt8](repeating: 0x80, count: 11), .varintTooLong(offset: 4))
        // Ten bytes whose last one carries more than bit 63.
        assertThrows([UInt8](repeating: 0xFF, count: 9) + [0x02], .varintTooLong(offset: 4))
        // The same inside a Record: partition_key_index starts at offset 7.
        let record: [UInt8] = [0x08] + [UInt8](repeating: 0xFF, count: 10) + [0x01, 0x1A, 0x00]
        assertThrows([0x1A, UInt8(record.count)] + record, .varintTooLong(offset: 7))
    }

    func testLargestVarintIsReadInFull() {
        // partition_key_index = UInt64.max in ten bytes, then empty data: read, then found out of range.
        let record: [UInt8] = [0x08] + [UInt8](repeating: 0xFF, count: 9) + [0x01, 0x1A, 0x00]
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, UInt8(record.count)] + record,
            .partitionKeyIndexOutOfRange(subSequenceNumber: 0, index: UInt64.max, tableCount: 1)
        )
    }

    func testIndexesOutOfRangeThrow() {
        // partition_key_table = ["a"], records = [{ partition_key_index = 0 }, { partition_key_index = 1 }]
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, 0x04, 0x08, 0x00, 0x1A, 0x00, 0x1A, 0x04, 0x08, 0x01, 0x1A, 0x00],
            .partitionKeyIndexOutOfRange(subSequenceNumber: 1, index: 1, tableCount: 1)
        )
        // An explicit hash key index with an empty explicit hash key table.
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, 0x06, 0x08, 0x00, 0x10, 0x00, 0x1A, 0x00],
            .explicitHashKeyIndexOutOfRange(subSequenceNumber: 0, index: 0, tableCount: 0)
        )
        // A record with no partition key table at all.
        assertThrows(
            [0x1A, 0x04, 0x08, 0x00, 0x1A, 0x00],
            .partitionKeyIndexOutOfRange(subSequenceNumber: 0, index: 0, tableCount: 0)
        )
    }

    func testMissingRequiredFieldsThrow() {
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, 0x02, 0x08, 0x00],
            .missingRequiredField(message: "Record", fieldNumber: 3, offset: 9)
        )
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, 0x02, 0x1A, 0x00],
            .missingRequiredField(message: "Record", fieldNumber: 1, offset: 9)
        )
        // Record { partition_key_index = 0, data = "", tags = [Tag { value = "" }] }: the Tag has no key.
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, 0x08, 0x08, 0x00, 0x1A, 0x00, 0x22, 0x02, 0x12, 0x00],
            .missingRequiredField(message: "Tag", fieldNumber: 1, offset: 15)
        )
    }

    func testGroupsAndUndefinedWireTypesThrow() {
        assertThrows([0x0B], .unsupportedWireType(offset: 4, wireType: 3))
        assertThrows([0x0C], .unsupportedWireType(offset: 4, wireType: 4))
        assertThrows([0x7E], .unsupportedWireType(offset: 4, wireType: 6))
        assertThrows([0x0A, 0x01, 0x61, 0x0F], .unsupportedWireType(offset: 7, wireType: 7))
    }

    func testFieldNumberZeroAndWrongWireTypesThrow() {
        assertThrows([0x02, 0x00], .invalidFieldNumber(offset: 4))
        // Field number 2^29 (one above the largest protobuf allows), as a varint field.
        assertThrows([0x80, 0x80, 0x80, 0x80, 0x10, 0x00], .invalidFieldNumber(offset: 4))
        // partition_key_table given as a varint.
        assertThrows([0x08, 0x00], .unexpectedWireType(offset: 4, fieldNumber: 1, wireType: 0))
        // data given as a varint inside a Record.
        assertThrows(
            [0x0A, 0x01, 0x61, 0x1A, 0x04, 0x08, 0x00, 0x18, 0x00],
            .unexpectedWireType(offset: 11, fieldNumber: 3, wireType: 0)
        )
    }

    func testUnknownFieldsAreSkipped() throws {
        let tag: [UInt8] = [0x0A, 0x01, 0x6B, 0x12, 0x01, 0x76, 0x78, 0x05]
        let record: [UInt8] =
            [0x08, 0x00, 0x10, 0x00, 0x1A, 0x02, 0x68, 0x69, 0x22, UInt8(tag.count)] + tag
            + [0x79, 1, 2, 3, 4, 5, 6, 7, 8, 0x7D, 1, 2, 3, 4]
        let protobuf: [UInt8] =
            [0x78, 0x96, 0x01, 0x0A, 0x01, 0x61, 0x12, 0x01, 0x37, 0x82, 0x01, 0x02, 0xFF, 0xFF]
            + [0x1A, UInt8(record.count)] + record
        let records = try KPLDeaggregator.deaggregate(data: KPLAggregator.framed(protobuf: protobuf), partitionKey: "o")
        XCTAssertEqual(records, [KPLUserRecord(partitionKey: "a", explicitHashKey: "7", data: [0x68, 0x69])])
    }

    func testAggregateWithTablesButNoRecordsYieldsNoUserRecords() throws {
        let data = KPLAggregator.framed(protobuf: [0x0A, 0x01, 0x61])
        XCTAssertEqual(try KPLDeaggregator.deaggregate(data: data, partitionKey: "outer"), [])
    }

    func testEveryTruncationAndByteFlipThrowsOrReadsWithoutTrapping() {
        let protobuf = Array(KPLFixture.hundredRecords.data.dropFirst(4).dropLast(16))
        var outcomes = (records: 0, errors: 0)
        func attempt(_ candidate: [UInt8]) {
            do {
                _ = try KPLDeaggregator.deaggregate(data: KPLAggregator.framed(protobuf: candidate), partitionKey: "o")
                outcomes.records += 1
            } catch {
                outcomes.errors += 1
            }
        }
        for length in 0..<protobuf.count {
            attempt(Array(protobuf.prefix(length)))
        }
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<5_000 {
            var candidate = protobuf
            for _ in 0..<Int(generator.next() % 4) + 1 {
                let index = Int(generator.next() % UInt64(candidate.count))
                candidate[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            attempt(candidate)
        }
        XCTAssertGreaterThan(outcomes.errors, 0)
        XCTAssertEqual(outcomes.records + outcomes.errors, protobuf.count + 5_000)
    }

    // MARK: KPLAggregator

    func testAggregatorWritesTheSameBytesAsPythonAggregator() {
        for (name, fixture) in KPLFixture.all {
            XCTAssertEqual(KPLAggregator.aggregate(fixture.expected), fixture.data, name)
        }
    }

    func testRoundTripThroughAggregator() throws {
        for records in roundTripSamples() {
            let data = KPLAggregator.aggregate(records)
            let back = try KPLDeaggregator.deaggregate(data: data, partitionKey: records[0].partitionKey)
            assertSameRecords(back, renumbered(records), "\(records.count) records")
        }
    }

    func testPythonDeaggregatorReadsWhatAggregatorWrites() throws {
        var batches = KPLFixture.all.map { renumbered($0.fixture.expected) }
        batches.append(contentsOf: roundTripSamples().map(renumbered))
        let input: [[String: String]] = batches.map { records in
            [
                "partitionKey": records[0].partitionKey,
                "data": Data(KPLAggregator.aggregate(records)).base64EncodedString(),
            ]
        }
        let output = try runPythonDeaggregator(input)
        XCTAssertEqual(output.count, batches.count)
        for (batch, (records, pythonRecords)) in zip(batches, output).enumerated() {
            XCTAssertEqual(pythonRecords.count, records.count, "batch \(batch)")
            for (expected, actual) in zip(records, pythonRecords) {
                XCTAssertEqual(actual["aggregated"] as? Bool, true, "batch \(batch)")
                let partitionKey = (actual["partitionKey"] as? String).map { Array($0.utf8) }
                XCTAssertEqual(partitionKey, Array(expected.partitionKey.utf8), "batch \(batch)")
                XCTAssertEqual(actual["subSequenceNumber"] as? Int, expected.subSequenceNumber)
                let data = (actual["data"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
                XCTAssertEqual(data, expected.data, "batch \(batch) record \(expected.subSequenceNumber)")
                // aws-kinesis-agg gives a record without an explicit hash key index the table's first entry when
                // the table is not empty, so only keys the record really has are compared.
                if let explicitHashKey = expected.explicitHashKey {
                    XCTAssertEqual(actual["explicitHashKey"] as? String, explicitHashKey)
                }
            }
        }
    }

    // MARK: Helpers

    private let magic: [UInt8] = [0xF3, 0x89, 0x9A, 0xC2]

    /// Frames `protobuf` with the magic number and a matching digest, and checks that reading it throws `expected`.
    private func assertThrows(
        _ protobuf: [UInt8], _ expected: KPLAggregationError, file: StaticString = #filePath, line: UInt = #line
    ) {
        let data = KPLAggregator.framed(protobuf: protobuf)
        do {
            let records = try KPLDeaggregator.deaggregate(data: data, partitionKey: "outer")
            XCTFail("read \(records.count) records instead of throwing \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual(error, expected, file: file, line: line)
        }
    }

    /// Compares records field by field, keys by their UTF-8 bytes (`String` equality ignores normalization).
    private func assertSameRecords(
        _ actual: [KPLUserRecord], _ expected: [KPLUserRecord], _ message: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(actual, expected, message, file: file, line: line)
        XCTAssertEqual(actual.map { Array($0.partitionKey.utf8) }, expected.map { Array($0.partitionKey.utf8) },
                       message, file: file, line: line)
        XCTAssertEqual(actual.map { $0.explicitHashKey.map { Array($0.utf8) } },
                       expected.map { $0.explicitHashKey.map { Array($0.utf8) } }, message, file: file, line: line)
    }

    private func renumbered(_ records: [KPLUserRecord]) -> [KPLUserRecord] {
        records.enumerated().map { index, record in
            var record = record
            record.subSequenceNumber = index
            return record
        }
    }

    /// Batches that stress the writer: one record, keys past index 127 (two-byte varints), a 200 KiB payload.
    private func roundTripSamples() -> [[KPLUserRecord]] {
        let manyKeys = (0..<300).map { index in
            KPLUserRecord(
                partitionKey: "key-\(index % 200)",
                explicitHashKey: index % 3 == 0 ? String(index) : nil,
                data: [UInt8](repeating: UInt8(index % 256), count: index % 17)
            )
        }
        let large = [
            KPLUserRecord(partitionKey: "large", data: (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
            KPLUserRecord(partitionKey: "\u{1F99C}", explicitHashKey: "1", data: []),
        ]
        return [[KPLUserRecord(partitionKey: "only", data: [0])], manyKeys, large]
    }

    /// Runs aws-kinesis-agg's deaggregator over aggregated records; skips when python3 or the package is missing.
    private func runPythonDeaggregator(_ input: [[String: String]]) throws -> [[[String: Any]]] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("input.json")
        let outputURL = directory.appendingPathComponent("output.json")
        try JSONSerialization.data(withJSONObject: input).write(to: inputURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.pythonDeaggregatorScript, inputURL.path, outputURL.path]
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw XCTSkip("cannot start python3: \(error)")
        }
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 77: throw XCTSkip("python3 lacks aws_kinesis_agg (pip install aws-kinesis-agg protobuf)")
        case 127: throw XCTSkip("python3 is not installed")
        default: XCTFail("python3 exited with status \(process.terminationStatus)")
        }
        let output = try JSONSerialization.jsonObject(with: Data(contentsOf: outputURL))
        return try XCTUnwrap(output as? [[[String: Any]]])
    }

    private static let pythonDeaggregatorScript = """
        import base64, json, sys
        try:
            from aws_kinesis_agg.deaggregator import iter_deaggregate_records
        except ImportError:
            sys.exit(77)
        batches = json.load(open(sys.argv[1]))
        output = []
        for index, batch in enumerate(batches):
            record = {
                "Data": base64.b64decode(batch["data"]),
                "PartitionKey": batch["partitionKey"],
                "SequenceNumber": str(index),
                "ApproximateArrivalTimestamp": 0,
            }
            user_records = []
            for user_record in iter_deaggregate_records([record], data_format="Boto3"):
                kinesis = user_record["kinesis"]
                aggregated = kinesis.get("aggregated", False)
                # User records carry base64 data; a record passed through keeps its raw bytes.
                data = kinesis["data"] if aggregated else base64.b64encode(kinesis["data"])
                user_records.append({
                    "partitionKey": kinesis["partitionKey"],
                    "explicitHashKey": kinesis.get("explicitHashKey"),
                    "subSequenceNumber": kinesis.get("subSequenceNumber"),
                    "aggregated": aggregated,
                    "data": data.decode("ascii"),
                })
            output.append(user_records)
        json.dump(output, open(sys.argv[2], "w"))
        """
}

/// A SplitMix64 generator, so the byte-flip test is the same on every run.
private struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// One aggregated record made by aws-kinesis-agg and the user records it was built from.
private struct KPLFixture: Sendable {
    var partitionKey: String
    var explicitHashKey: String?
    var base64: String
    var expected: [KPLUserRecord]

    var data: [UInt8] { bytes(base64) }

    static var all: [(name: String, fixture: KPLFixture)] {
        [
            ("single", single), ("threeRecordsTwoKeys", threeRecordsTwoKeys), ("unicodeKeys", unicodeKeys),
            ("binaryData", binaryData), ("hundredRecords", hundredRecords),
        ]
    }
}

private func bytes(_ base64: String) -> [UInt8] {
    guard let data = Data(base64Encoded: base64) else { preconditionFailure("fixture is not base64: \(base64)") }
    return [UInt8](data)
}

// Generated by: python3 Tests/TributaryStreamsTests/Fixtures/make_kpl_fixtures.py (aws-kinesis-agg 1.2.3)
extension KPLFixture {
    static let single = KPLFixture(
        partitionKey: "partition-0",
        explicitHashKey: nil,
        base64: "84mawgoLcGFydGl0aW9uLTAaEAgAGgxoZWxsbywgd29ybGRHPEY1cDQR47ZmhXkFaZX5",
        expected: [
            KPLUserRecord(partitionKey: "partition-0", explicitHashKey: nil, data: bytes("aGVsbG8sIHdvcmxk"), subSequenceNumber: 0),
        ]
    )
    static let threeRecordsTwoKeys = KPLFixture(
        partitionKey: "alpha",
        explicitHashKey: nil,
        base64: "84mawgoFYWxwaGEKBGJldGESJzE3MDE0MTE4MzQ2MDQ2OTIzMTczMTY4NzMwMzcxNTg4NDEwNTcyOBoHCAAaA29uZRoJCAEQABoDdHdvGgkIABoFdGhyZWXraVdc6ML+RQ7ontfpqHMX",
        expected: [
            KPLUserRecord(partitionKey: "alpha", explicitHashKey: nil, data: bytes("b25l"), subSequenceNumber: 0),
            KPLUserRecord(partitionKey: "beta", explicitHashKey: "170141183460469231731687303715884105728", data: bytes("dHdv"), subSequenceNumber: 1),
            KPLUserRecord(partitionKey: "alpha", explicitHashKey: nil, data: bytes("dGhyZWU="), subSequenceNumber: 2),
        ]
    )
    static let unicodeKeys = KPLFixture(
        partitionKey: "\u{43A}\u{43B}\u{44E}\u{447}",
        explicitHashKey: nil,
        base64: "84mawgoI0LrQu9GO0YcKD+aXpeacrOiqnuOCreODvAoLcGFycm90LfCfppwKBWNhZsOpCgZjYWZlzIEaFAgAGhDQt9C90LDRh9C10L3QuNC1Gg0IARoJ44OH44O844K/GggIAhoE8J+mnBoPCAMaC3ByZWNvbXBvc2VkGg4IBBoKZGVjb21wb3NlZGaWx1hklrbroDNbf4c/jxY=",
        expected: [
            KPLUserRecord(partitionKey: "\u{43A}\u{43B}\u{44E}\u{447}", explicitHashKey: nil, data: bytes("0LfQvdCw0YfQtdC90LjQtQ=="), subSequenceNumber: 0),
            KPLUserRecord(partitionKey: "\u{65E5}\u{672C}\u{8A9E}\u{30AD}\u{30FC}", explicitHashKey: nil, data: bytes("44OH44O844K/"), subSequenceNumber: 1),
            KPLUserRecord(partitionKey: "parrot-\u{1F99C}", explicitHashKey: nil, data: bytes("8J+mnA=="), subSequenceNumber: 2),
            KPLUserRecord(partitionKey: "caf\u{E9}", explicitHashKey: nil, data: bytes("cHJlY29tcG9zZWQ="), subSequenceNumber: 3),
            KPLUserRecord(partitionKey: "cafe\u{301}", explicitHashKey: nil, data: bytes("ZGVjb21wb3NlZA=="), subSequenceNumber: 4),
        ]
    )
    static let binaryData = KPLFixture(
        partitionKey: "empty",
        explicitHashKey: nil,
        base64: "84mawgoFZW1wdHkKCWFsbC1ieXRlcwoEemVybwoMbmVzdGVkLW1hZ2ljGgQIABoAGoUCCAEagAIAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/GgUIAhoBABoYCAMaFPOJmsIAAAAAAAAAAAAAAAAAAAAAvFF48ndvrib/sYwDZNiS7Q==",
        expected: [
            KPLUserRecord(partitionKey: "empty", explicitHashKey: nil, data: bytes(""), subSequenceNumber: 0),
            KPLUserRecord(partitionKey: "all-bytes", explicitHashKey: nil, data: bytes("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w=="), subSequenceNumber: 1),
            KPLUserRecord(partitionKey: "zero", explicitHashKey: nil, data: bytes("AA=="), subSequenceNumber: 2),
            KPLUserRecord(partitionKey: "nested-magic", explicitHashKey: nil, data: bytes("84mawgAAAAAAAAAAAAAAAAAAAAA="), subSequenceNumber: 3),
        ]
    )
    static let hundredRecords = KPLFixture(
        partitionKey: "key-0",
        explicitHashKey: "0",
        base64: "84mawgoFa2V5LTAKBWtleS0xCgVrZXktMgoFa2V5LTMKBWtleS00CgVrZXktNQoFa2V5LTYSATASIDEwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwEiAyMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMBIgMzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDASIDQwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwEiA1MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMBIgNjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDASIDcwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwEiA4MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMBIgOTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAaBggAEAAaABoFCAEaAR8aBggCGgI+PxoHCAMaA11eXxoICAQaBHx9fn8aCQgFGgWbnJ2enxoKCAYaBrq7vL2+vxoLCAAaB9na29zd3t8aDAgBGgj4+fr7/P3+/xoNCAIaCRcYGRobHB0eHxoQCAMQARoKNjc4OTo7PD0+PxoPCAQaC1VWV1hZWltcXV5fGhAIBRoMdHV2d3h5ent8fX5/GhEIBhoNk5SVlpeYmZqbnJ2enxoSCAAaDrKztLW2t7i5uru8vb6/GhMIARoP0dLT1NXW19jZ2tvc3d7fGhQIAhoQ8PHy8/T19vf4+fr7/P3+/xoVCAMaEQ8QERITFBUWFxgZGhscHR4fGhYIBBoSLi8wMTIzNDU2Nzg5Ojs8PT4/GhcIBRoTTU5PUFFSU1RVVldYWVpbXF1eXxoaCAYQAhoUbG1ub3BxcnN0dXZ3eHl6e3x9fn8aGQgAGhWLjI2Oj5CRkpOUlZaXmJmam5ydnp8aGggBGhaqq6ytrq+wsbKztLW2t7i5uru8vb6/GhsIAhoXycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8aHAgDGhjo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8aHQgEGhkHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fGh4IBRoaJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8aHwgGGhtFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8aIAgAGhxkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/GiEIARodg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp8aJAgCEAMaHqKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+vxojCAMaH8HCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8aJAgEGiDg4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/xolCAUaIf8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHxomCAYaIh4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8aJwgAGiM9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eXxooCAEaJFxdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+fxopCAIaJXt8fX5/gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp8aKggDGiaam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+vxorCAQaJ7m6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3xouCAUQBBoo2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/xotCAYaKff4+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fGi4IABoqFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/Gi8IARorNTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eXxowCAIaLFRVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/GjEIAxotc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6fGjIIBBoukpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+vxozCAUaL7Gys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7fGjQIBhow0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/GjUIABox7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHxoGCAEQBRoAGgUIAhoBLRoGCAMaAkxNGgcIBBoDa2xtGggIBRoEiouMjRoJCAYaBamqq6ytGgoIABoGyMnKy8zNGgsIARoH5+jp6uvs7RoMCAIaCAYHCAkKCwwNGg0IAxoJJSYnKCkqKywtGhAIBBAGGgpERUZHSElKS0xNGg8IBRoLY2RlZmdoaWprbG0aEAgGGgyCg4SFhoeIiYqLjI0aEQgAGg2hoqOkpaanqKmqq6ytGhIIARoOwMHCw8TFxsfIycrLzM0aEwgCGg/f4OHi4+Tl5ufo6err7O0aFAgDGhD+/wABAgMEBQYHCAkKCwwNGhUIBBoRHR4fICEiIyQlJicoKSorLC0aFggFGhI8PT4/QEFCQ0RFRkdISUpLTE0aFwgGGhNbXF1eX2BhYmNkZWZnaGlqa2xtGhoIABAHGhR6e3x9fn+AgYKDhIWGh4iJiouMjRoZCAEaFZmam5ydnp+goaKjpKWmp6ipqqusrRoaCAIaFri5uru8vb6/wMHCw8TFxsfIycrLzM0aGwgDGhfX2Nna29zd3t/g4eLj5OXm5+jp6uvs7RocCAQaGPb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDRodCAUaGRUWFxgZGhscHR4fICEiIyQlJicoKSorLC0aHggGGho0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTRofCAAaG1NUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbRogCAEaHHJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI0aIQgCGh2RkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusrRokCAMQCBoesLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNGiMIBBofz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7RokCAUaIO7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwNGiUIBhohDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtGiYIABoiLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTRonCAEaI0tMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtGigIAhokamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNGikIAxoliYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusrRoqCAQaJqipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNGisIBRonx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+ztGi4IBhAJGijm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwNGi0IABopBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0aLggBGiokJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE0aLwgCGitDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtGjAIAxosYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI0aMQgEGi2BgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK0aMggFGi6goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNGjMIBhovv8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O0aNAgAGjDe3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAECAwQFBgcICQoLDA0aNQgBGjH9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtPNeyyk7KMTtMkmeRj5kbJg==",
        expected: [
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: "0", data: bytes(""), subSequenceNumber: 0),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("Hw=="), subSequenceNumber: 1),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("Pj8="), subSequenceNumber: 2),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("XV5f"), subSequenceNumber: 3),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("fH1+fw=="), subSequenceNumber: 4),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("m5ydnp8="), subSequenceNumber: 5),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("uru8vb6/"), subSequenceNumber: 6),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("2drb3N3e3w=="), subSequenceNumber: 7),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("+Pn6+/z9/v8="), subSequenceNumber: 8),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("FxgZGhscHR4f"), subSequenceNumber: 9),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: "10000000000000000000000000000000", data: bytes("Njc4OTo7PD0+Pw=="), subSequenceNumber: 10),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("VVZXWFlaW1xdXl8="), subSequenceNumber: 11),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("dHV2d3h5ent8fX5/"), subSequenceNumber: 12),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("k5SVlpeYmZqbnJ2enw=="), subSequenceNumber: 13),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("srO0tba3uLm6u7y9vr8="), subSequenceNumber: 14),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("0dLT1NXW19jZ2tvc3d7f"), subSequenceNumber: 15),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("8PHy8/T19vf4+fr7/P3+/w=="), subSequenceNumber: 16),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("DxAREhMUFRYXGBkaGxwdHh8="), subSequenceNumber: 17),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("Li8wMTIzNDU2Nzg5Ojs8PT4/"), subSequenceNumber: 18),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("TU5PUFFSU1RVVldYWVpbXF1eXw=="), subSequenceNumber: 19),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: "20000000000000000000000000000000", data: bytes("bG1ub3BxcnN0dXZ3eHl6e3x9fn8="), subSequenceNumber: 20),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("i4yNjo+QkZKTlJWWl5iZmpucnZ6f"), subSequenceNumber: 21),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("qqusra6vsLGys7S1tre4ubq7vL2+vw=="), subSequenceNumber: 22),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("ycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8="), subSequenceNumber: 23),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/"), subSequenceNumber: 24),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw=="), subSequenceNumber: 25),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("JicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="), subSequenceNumber: 26),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("RUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5f"), subSequenceNumber: 27),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+fw=="), subSequenceNumber: 28),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("g4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp8="), subSequenceNumber: 29),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: "30000000000000000000000000000000", data: bytes("oqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/"), subSequenceNumber: 30),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("wcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3w=="), subSequenceNumber: 31),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8="), subSequenceNumber: 32),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"), subSequenceNumber: 33),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("Hh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="), subSequenceNumber: 34),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8="), subSequenceNumber: 35),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("XF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/"), subSequenceNumber: 36),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2enw=="), subSequenceNumber: 37),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("mpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr8="), subSequenceNumber: 38),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f"), subSequenceNumber: 39),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: "40000000000000000000000000000000", data: bytes("2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w=="), subSequenceNumber: 40),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("9/j5+vv8/f7/AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), subSequenceNumber: 41),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("FhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/"), subSequenceNumber: 42),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eXw=="), subSequenceNumber: 43),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("VFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn8="), subSequenceNumber: 44),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("c3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6f"), subSequenceNumber: 45),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("kpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+vw=="), subSequenceNumber: 46),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("sbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8="), subSequenceNumber: 47),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/"), subSequenceNumber: 48),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw=="), subSequenceNumber: 49),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: "50000000000000000000000000000000", data: bytes(""), subSequenceNumber: 50),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("LQ=="), subSequenceNumber: 51),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("TE0="), subSequenceNumber: 52),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("a2xt"), subSequenceNumber: 53),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("iouMjQ=="), subSequenceNumber: 54),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("qaqrrK0="), subSequenceNumber: 55),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("yMnKy8zN"), subSequenceNumber: 56),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("5+jp6uvs7Q=="), subSequenceNumber: 57),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("BgcICQoLDA0="), subSequenceNumber: 58),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("JSYnKCkqKywt"), subSequenceNumber: 59),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: "60000000000000000000000000000000", data: bytes("REVGR0hJSktMTQ=="), subSequenceNumber: 60),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("Y2RlZmdoaWprbG0="), subSequenceNumber: 61),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("goOEhYaHiImKi4yN"), subSequenceNumber: 62),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("oaKjpKWmp6ipqqusrQ=="), subSequenceNumber: 63),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("wMHCw8TFxsfIycrLzM0="), subSequenceNumber: 64),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("3+Dh4uPk5ebn6Onq6+zt"), subSequenceNumber: 65),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("/v8AAQIDBAUGBwgJCgsMDQ=="), subSequenceNumber: 66),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("HR4fICEiIyQlJicoKSorLC0="), subSequenceNumber: 67),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("PD0+P0BBQkNERUZHSElKS0xN"), subSequenceNumber: 68),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("W1xdXl9gYWJjZGVmZ2hpamtsbQ=="), subSequenceNumber: 69),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: "70000000000000000000000000000000", data: bytes("ent8fX5/gIGCg4SFhoeIiYqLjI0="), subSequenceNumber: 70),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("mZqbnJ2en6ChoqOkpaanqKmqq6yt"), subSequenceNumber: 71),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("uLm6u7y9vr/AwcLDxMXGx8jJysvMzQ=="), subSequenceNumber: 72),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("19jZ2tvc3d7f4OHi4+Tl5ufo6err7O0="), subSequenceNumber: 73),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("9vf4+fr7/P3+/wABAgMEBQYHCAkKCwwN"), subSequenceNumber: 74),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("FRYXGBkaGxwdHh8gISIjJCUmJygpKissLQ=="), subSequenceNumber: 75),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("NDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE0="), subSequenceNumber: 76),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("U1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xt"), subSequenceNumber: 77),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("cnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjQ=="), subSequenceNumber: 78),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("kZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK0="), subSequenceNumber: 79),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: "80000000000000000000000000000000", data: bytes("sLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zN"), subSequenceNumber: 80),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("z9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7Q=="), subSequenceNumber: 81),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("7u/w8fLz9PX29/j5+vv8/f7/AAECAwQFBgcICQoLDA0="), subSequenceNumber: 82),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("DQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywt"), subSequenceNumber: 83),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("LC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTQ=="), subSequenceNumber: 84),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("S0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG0="), subSequenceNumber: 85),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("amtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yN"), subSequenceNumber: 86),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("iYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusrQ=="), subSequenceNumber: 87),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("qKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM0="), subSequenceNumber: 88),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("x8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt"), subSequenceNumber: 89),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: "90000000000000000000000000000000", data: bytes("5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ=="), subSequenceNumber: 90),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("BQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0="), subSequenceNumber: 91),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("JCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xN"), subSequenceNumber: 92),
            KPLUserRecord(partitionKey: "key-2", explicitHashKey: nil, data: bytes("Q0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbQ=="), subSequenceNumber: 93),
            KPLUserRecord(partitionKey: "key-3", explicitHashKey: nil, data: bytes("YmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI0="), subSequenceNumber: 94),
            KPLUserRecord(partitionKey: "key-4", explicitHashKey: nil, data: bytes("gYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6yt"), subSequenceNumber: 95),
            KPLUserRecord(partitionKey: "key-5", explicitHashKey: nil, data: bytes("oKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzQ=="), subSequenceNumber: 96),
            KPLUserRecord(partitionKey: "key-6", explicitHashKey: nil, data: bytes("v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O0="), subSequenceNumber: 97),
            KPLUserRecord(partitionKey: "key-0", explicitHashKey: nil, data: bytes("3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwN"), subSequenceNumber: 98),
            KPLUserRecord(partitionKey: "key-1", explicitHashKey: nil, data: bytes("/f7/AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLQ=="), subSequenceNumber: 99),
        ]
    )
}
