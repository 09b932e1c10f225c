import Foundation
import XCTest
@testable import TributaryFirehose

/// Proves that objects we write open with the standard tools, and that we read what those tools write.
final class InteropTests: XCTestCase {
    let records = CompressionSamples.jsonLines(count: 15_000)

    private func write(_ bytes: [UInt8], named name: String) throws -> String {
        let url = try ExternalTool.temporaryDirectory(for: self).appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testGunzipReadsOurGzip() throws {
        let path = try write(try CompressionFormat.gzip.compress(records, entryName: "unused"), named: "object.gz")
        XCTAssertEqual(try ExternalTool.run("gunzip", ["-c", path], install: "gzip"), records)
    }

    func testUnzipAndPythonZipfileReadOurZip() throws {
        let archive = try CompressionFormat.zip.compress(records, entryName: "stream-1-2024-03-09-17-45-31-abc")
        let path = try write(archive, named: "object.zip")
        XCTAssertEqual(try ExternalTool.run("unzip", ["-p", path], install: "unzip"), records)
        let test = try ExternalTool.run("unzip", ["-t", path], install: "unzip")
        XCTAssertTrue(String(decoding: test, as: UTF8.self).contains("No errors detected"))
        let listing = try ExternalTool.python(
            """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as archive:
                assert archive.testzip() is None
                (info,) = archive.infolist()
                print(info.filename, info.file_size, info.compress_type, archive.read(info) == open(sys.argv[2], 'rb').read())
            """,
            [path, try write(records, named: "records.json")]
        )
        XCTAssertEqual(
            String(decoding: listing, as: UTF8.self), "stream-1-2024-03-09-17-45-31-abc \(records.count) 8 True\n"
        )
    }

    func testPythonSnappyStreamDecompressReadsOurSnappy() throws {
        for input in [records, CompressionSamples.random(count: 200_000, seed: 5), [], [0x41]] {
            let path = try write(try CompressionFormat.snappy.compress(input, entryName: "unused"), named: "object.snappy")
            let output = try ExternalTool.python(
                """
                import io, sys, snappy
                out = io.BytesIO()
                snappy.stream_decompress(open(sys.argv[1], 'rb'), out)
                sys.stdout.buffer.write(out.getvalue())
                """,
                [path]
            )
            XCTAssertEqual(output, input)
        }
    }

    func testPythonSnappyHadoopReaderReadsOurHadoopSnappy() throws {
        let input = records + CompressionSamples.random(count: 100_000, seed: 6)
        let path = try write(try CompressionFormat.hadoopSnappy.compress(input, entryName: "unused"), named: "object.hsnappy")
        let output = try ExternalTool.python(
            """
            import io, sys, snappy
            out = io.BytesIO()
            snappy.snappy.hadoop_stream_decompress(open(sys.argv[1], 'rb'), out)
            sys.stdout.buffer.write(out.getvalue())
            """,
            [path]
        )
        XCTAssertEqual(output, input)
    }

    func testWeReadWhatTheReferenceToolsWrite() throws {
        let source = try write(records, named: "records.json")
        let directory = URL(fileURLWithPath: source).deletingLastPathComponent().path
        _ = try ExternalTool.python(
            """
            import gzip, io, sys, zipfile, snappy
            data = open(sys.argv[1], 'rb').read()
            out = sys.argv[2]
            open(out + '/ref.gz', 'wb').write(gzip.compress(data))
            with zipfile.ZipFile(out + '/ref.zip', 'w', zipfile.ZIP_DEFLATED) as archive:
                archive.writestr('ref', data)
            framed = io.BytesIO()
            snappy.stream_compress(io.BytesIO(data), framed)
            open(out + '/ref.snappy', 'wb').write(framed.getvalue())
            hadoop = io.BytesIO()
            snappy.snappy.hadoop_stream_compress(io.BytesIO(data), hadoop)
            open(out + '/ref.hsnappy', 'wb').write(hadoop.getvalue())
            """,
            [source, directory]
        )
        let files: [(CompressionFormat, String)] = [
            (.gzip, "ref.gz"), (.zip, "ref.zip"), (.snappy, "ref.snappy"), (.hadoopSnappy, "ref.hsnappy"),
        ]
        for (format, name) in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)")))
            XCTAssertEqual(try format.decompress(bytes, maxBytes: records.count), records, "\(format)")
        }
    }
}
