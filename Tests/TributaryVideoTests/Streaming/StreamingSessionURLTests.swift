import TributaryWire
@testable import TributaryVideo
import XCTest

/// GetHLSStreamingSessionURL and GetDASHStreamingSessionURL: the URL and the session its token holds, AWS's
/// defaults, and every refusal with AWS's error and status.
final class StreamingSessionURLTests: XCTestCase {
    private var stack: VideoTestStack!
    private let nowMs: Int64 = 1_700_000_100_000

    override func setUp() async throws {
        stack = try VideoTestStack()
        try await stack.createActiveStream("cam", ["DataRetentionInHours": .integer(24)])
        let stream = try stack.service.dataStream(name: "cam", arn: nil)
        // Ten 2-second fragments, the last one received 10 s before `nowMs`.
        for position in 0..<10 {
            let time = nowMs - 30_000 + Int64(position) * 2_000
            _ = try await stack.fragments.append(
                FragmentInput(producerTimestampMs: time - 500, serverTimestampMs: time, durationMs: 2_000,
                              head: [1], cluster: [2, 3]),
                stream: stream.storageKey)
        }
    }

    override func tearDown() {
        stack.remove()
    }

    private func hls(_ members: [String: Document]) throws -> StreamingSession {
        let answer = try stack.service.getHLSStreamingSessionURL(.object(members), endpoint: VideoTestStack.endpoint,
                                                                 nowMs: nowMs)
        guard case .string(let url)? = answer["HLSStreamingSessionURL"] else {
            XCTFail("no HLSStreamingSessionURL in \(answer)")
            throw ServiceError.internalFailure()
        }
        let prefix = VideoTestStack.endpoint + "/hls/v1/getHLSMasterPlaylist.m3u8?SessionToken="
        XCTAssertTrue(url.hasPrefix(prefix), url)
        return try StreamingSession(token: String(url.dropFirst(prefix.count)), nowMs: nowMs)
    }

    private func dash(_ members: [String: Document]) throws -> StreamingSession {
        let answer = try stack.service.getDASHStreamingSessionURL(.object(members), endpoint: VideoTestStack.endpoint,
                                                                  nowMs: nowMs)
        guard case .string(let url)? = answer["DASHStreamingSessionURL"] else {
            XCTFail("no DASHStreamingSessionURL in \(answer)")
            throw ServiceError.internalFailure()
        }
        let prefix = VideoTestStack.endpoint + "/dash/v1/getDASHManifest.mpd?SessionToken="
        XCTAssertTrue(url.hasPrefix(prefix), url)
        return try StreamingSession(token: String(url.dropFirst(prefix.count)), nowMs: nowMs)
    }

    private func range(_ type: String, startMs: Int64?, endMs: Int64?) -> Document {
        var range: [String: Document] = [:]
        if let startMs { range["StartTimestamp"] = .timestamp(Double(startMs) / 1000) }
        if let endMs { range["EndTimestamp"] = .timestamp(Double(endMs) / 1000) }
        return .object(["FragmentSelectorType": .string(type), "TimestampRange": .object(range)])
    }

    private func assertError(_ code: String, status: Int, _ members: [String: Document], dash useDASH: Bool = false,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try useDASH ? dash(members) : hls(members), file: file, line: line) { error in
            let failure = VideoTestStack.serviceError(error)
            XCTAssertEqual(failure?.code, code, "\(failure?.message ?? "")", file: file, line: line)
            XCTAssertEqual(failure?.status, status, file: file, line: line)
        }
    }

    func testHLSDefaultsAreAWSs() throws {
        let session = try hls(["StreamName": .string("cam")])
        let stream = try stack.service.dataStream(name: "cam", arn: nil)
        XCTAssertEqual(session.streamingProtocol, .hls)
        XCTAssertEqual(session.storageKey, stream.storageKey)
        XCTAssertEqual(session.playbackMode, .live)
        XCTAssertEqual(session.timestampSource, .serverTimestamp)
        XCTAssertEqual(session.containerFormat, .fragmentedMP4)
        XCTAssertEqual(session.discontinuityMode, .always)
        XCTAssertEqual(session.displayFragmentTimestamp, .never)
        XCTAssertEqual(session.maxFragmentResults, 5)
        XCTAssertEqual(session.expiresMs - session.createdMs, 300_000)
        XCTAssertNil(session.startMs)
    }

    func testHLSMembersAreKept() throws {
        let session = try hls([
            "StreamARN": .string(try stack.service.dataStream(name: "cam", arn: nil).arn),
            "PlaybackMode": .string("ON_DEMAND"),
            "HLSFragmentSelector": range("PRODUCER_TIMESTAMP", startMs: nowMs - 40_000, endMs: nowMs - 20_000),
            "ContainerFormat": .string("MPEG_TS"), "DisplayFragmentTimestamp": .string("ALWAYS"),
            "Expires": .integer(43_200),
        ])
        XCTAssertEqual(session.playbackMode, .onDemand)
        XCTAssertEqual(session.timestampSource, .producerTimestamp)
        XCTAssertEqual(session.startMs, nowMs - 40_000)
        XCTAssertEqual(session.endMs, nowMs - 20_000)
        XCTAssertEqual(session.containerFormat, .mpegTS)
        XCTAssertEqual(session.discontinuityMode, .never, "PRODUCER_TIMESTAMP defaults to NEVER")
        XCTAssertEqual(session.displayFragmentTimestamp, .always)
        XCTAssertEqual(session.maxFragmentResults, 1_000, "ON_DEMAND defaults to 1,000")
        XCTAssertEqual(session.expiresMs - session.createdMs, 43_200_000)
    }

    func testDASHSessionKeepsItsMembers() throws {
        let session = try dash([
            "StreamName": .string("cam"), "PlaybackMode": .string("LIVE_REPLAY"),
            "DASHFragmentSelector": range("SERVER_TIMESTAMP", startMs: nowMs - 25_000, endMs: nil),
            "DisplayFragmentNumber": .string("ALWAYS"), "MaxManifestFragmentResults": .integer(7),
        ])
        XCTAssertEqual(session.streamingProtocol, .dash)
        XCTAssertEqual(session.playbackMode, .liveReplay)
        XCTAssertEqual(session.startMs, nowMs - 25_000)
        XCTAssertNil(session.endMs)
        XCTAssertEqual(session.displayFragmentNumber, .always)
        XCTAssertEqual(session.maxFragmentResults, 7)
        XCTAssertEqual(session.containerFormat, .fragmentedMP4)
        XCTAssertEqual(session.discontinuityMode, .never)
    }

    func testStreamIsNamedOnceAndMustExist() {
        assertError("InvalidArgumentException", status: 400, [:])
        assertError("InvalidArgumentException", status: 400,
                    ["StreamName": .string("cam"), "StreamARN": .string("arn:aws:kinesisvideo:x")])
        assertError("ResourceNotFoundException", status: 404, ["StreamName": .string("nobody")])
        assertError("ResourceNotFoundException", status: 404, ["StreamName": .string("nobody")], dash: true)
    }

    func testModelConstraintsAreInvalidArguments() {
        assertError("InvalidArgumentException", status: 400, ["StreamName": .string("cam"), "Expires": .integer(299)])
        assertError("InvalidArgumentException", status: 400,
                    ["StreamName": .string("cam"), "Expires": .integer(43_201)])
        assertError("InvalidArgumentException", status: 400,
                    ["StreamName": .string("cam"), "MaxMediaPlaylistFragmentResults": .integer(0)])
        assertError("InvalidArgumentException", status: 400,
                    ["StreamName": .string("cam"), "MaxManifestFragmentResults": .integer(5_001)], dash: true)
        assertError("InvalidArgumentException", status: 400,
                    ["StreamName": .string("cam"), "PlaybackMode": .string("ON-DEMAND")])
    }

    func testRangeRulesOfEachPlaybackMode() {
        let stream: [String: Document] = ["StreamName": .string("cam")]
        let selector = "HLSFragmentSelector"
        // LIVE takes no range.
        assertError("InvalidArgumentException", status: 400, stream.merging([
            selector: range("SERVER_TIMESTAMP", startMs: nowMs - 20_000, endMs: nowMs - 10_000)]) { $1 })
        // ON_DEMAND and LIVE_REPLAY need a selector with a start.
        assertError("InvalidArgumentException", status: 400,
                    stream.merging(["PlaybackMode": .string("ON_DEMAND")]) { $1 })
        assertError("InvalidArgumentException", status: 400, stream.merging([
            "PlaybackMode": .string("LIVE_REPLAY"),
            selector: range("SERVER_TIMESTAMP", startMs: nil, endMs: nowMs - 10_000)]) { $1 })
        // ON_DEMAND needs an end, after the start and within 24 hours of it.
        assertError("InvalidArgumentException", status: 400, stream.merging([
            "PlaybackMode": .string("ON_DEMAND"),
            selector: range("SERVER_TIMESTAMP", startMs: nowMs - 20_000, endMs: nil)]) { $1 })
        assertError("InvalidArgumentException", status: 400, stream.merging([
            "PlaybackMode": .string("ON_DEMAND"),
            selector: range("SERVER_TIMESTAMP", startMs: nowMs - 20_000, endMs: nowMs - 20_000)]) { $1 })
        assertError("InvalidArgumentException", status: 400, stream.merging([
            "PlaybackMode": .string("ON_DEMAND"),
            selector: range("PRODUCER_TIMESTAMP", startMs: nowMs - 86_400_001, endMs: nowMs)]) { $1 })
        // A server-timestamp range must end in the past.
        assertError("InvalidArgumentException", status: 400, stream.merging([
            "PlaybackMode": .string("ON_DEMAND"),
            selector: range("SERVER_TIMESTAMP", startMs: nowMs - 20_000, endMs: nowMs + 1_000)]) { $1 })
    }

    func testExactly24HoursIsAccepted() throws {
        let session = try hls(["StreamName": .string("cam"), "PlaybackMode": .string("ON_DEMAND"),
                               "HLSFragmentSelector": range("SERVER_TIMESTAMP", startMs: nowMs - 86_400_000,
                                                            endMs: nowMs)])
        XCTAssertEqual(session.endMs! - session.startMs!, 86_400_000)
    }

    func testStreamWithoutRetentionIsRefused() async throws {
        try await stack.createActiveStream("buffer")
        assertError("NoDataRetentionException", status: 400, ["StreamName": .string("buffer")])
        assertError("NoDataRetentionException", status: 400, ["StreamName": .string("buffer")], dash: true)
    }

    func testSessionWithoutFragmentsToPlayIsNotFound() async throws {
        // Nothing in the range.
        assertError("ResourceNotFoundException", status: 404, [
            "StreamName": .string("cam"), "PlaybackMode": .string("ON_DEMAND"),
            "HLSFragmentSelector": range("SERVER_TIMESTAMP", startMs: nowMs - 90_000, endMs: nowMs - 31_000)])
        assertError("ResourceNotFoundException", status: 404, [
            "StreamName": .string("cam"), "PlaybackMode": .string("LIVE_REPLAY"),
            "HLSFragmentSelector": range("SERVER_TIMESTAMP", startMs: nowMs - 9_000, endMs: nil)])
        // LIVE needs a fragment from the last 30 seconds.
        try await stack.createActiveStream("quiet", ["DataRetentionInHours": .integer(1)])
        let quiet = try stack.service.dataStream(name: "quiet", arn: nil)
        _ = try await stack.fragments.append(
            FragmentInput(producerTimestampMs: nowMs - 31_000, serverTimestampMs: nowMs - 31_000, durationMs: 1_000,
                          head: [1], cluster: [2]),
            stream: quiet.storageKey)
        assertError("ResourceNotFoundException", status: 404, ["StreamName": .string("quiet")], dash: true)
    }
}
