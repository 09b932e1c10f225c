import TributaryVideo
import XCTest

final class MatroskaStreamReaderTests: XCTestCase {
    typealias W = EBMLTestWriter
    typealias H = ReaderHarness

    func testKnownSizeDocument() throws {
        let events = try H.events(W.document(unknownSizes: false))
        guard case .header(let header) = events.first else { return XCTFail("no header: \(events)") }
        XCTAssertEqual(header.docType, "matroska")
        XCTAssertEqual(header.docTypeVersion, 4)
        XCTAssertTrue(events.contains(.info(MatroskaSegmentInfo(timecodeScale: 1_000_000, muxingApp: "test",
                                                                 writingApp: "test"))))
        guard let tracks = events.lazy.compactMap({ if case .tracks(let t) = $0 { t } else { nil } }).first else {
            return XCTFail("no tracks")
        }
        XCTAssertEqual(tracks.count, 2)
        XCTAssertEqual(tracks[0].codecID, "V_MPEG4/ISO/AVC")
        XCTAssertEqual(tracks[0].kind, .video)
        XCTAssertEqual(tracks[0].uid, 1001)
        XCTAssertEqual(tracks[0].codecPrivate, [1, 0x64, 0, 0x0D])
        XCTAssertEqual(tracks[0].pixelWidth, 160)
        XCTAssertEqual(tracks[0].pixelHeight, 120)
        XCTAssertEqual(tracks[1].codecID, "A_AAC")
        XCTAssertEqual(tracks[1].kind, .audio)
        XCTAssertEqual(tracks[1].samplingFrequency, 44100)
        XCTAssertEqual(tracks[1].channels, 2)

        let frames = H.frames(events)
        XCTAssertEqual(frames.count, 8)
        XCTAssertEqual(frames.map(\.absoluteTimecode), [0, 33, 66, 10, 100, 133, 166, 110])
        XCTAssertEqual(frames.map(\.isKeyframe), [true, false, false, true, true, false, false, true])
        XCTAssertEqual(frames[2].bytes, [3, 3, 3, 3, 3, 3, 3])
        XCTAssertEqual(frames[3].trackNumber, 2)

        let clusters = H.clusters(events)
        XCTAssertEqual(clusters.map(\.timecode), [0, 100])
        XCTAssertEqual(clusters.map(\.frameCount), [4, 4])
        XCTAssertEqual(clusters[0].framesPerTrack, [1: 3, 2: 1])
        XCTAssertTrue(clusters.allSatisfy(\.startsWithKeyframe))
        // Video: last frame at 66 plus the 33-tick spacing.
        XCTAssertEqual(clusters[0].durationEstimate, 99)
        XCTAssertEqual(clusters[0].durationMilliseconds, 99)
        XCTAssertEqual(events.last, .segmentEnded)
        XCTAssertEqual(events.filter { $0 == .segmentEnded }.count, 1)
    }

    func testClusterBytesAreTheRawElement() throws {
        let bytes = W.document(unknownSizes: false)
        let clusters = H.clusters(try H.events(bytes))
        for cluster in clusters {
            let start = Int(cluster.streamOffset)
            XCTAssertEqual(Array(bytes[start..<(start + cluster.byteCount)]), cluster.bytes)
            XCTAssertEqual(Array(cluster.bytes.prefix(4)), [0x1F, 0x43, 0xB6, 0x75])
        }
        XCTAssertEqual(clusters[0].streamRange.upperBound, clusters[1].streamRange.lowerBound)
        XCTAssertEqual(clusters[0].bytes, W.element(0x1F43_B675, W.clusterPayload(timecode: 0)))
    }

    func testUnknownSizesGiveTheSameFramesAsKnownSizes() throws {
        let known = try H.events(W.document(unknownSizes: false))
        let unknown = try H.events(W.document(unknownSizes: true))
        XCTAssertEqual(H.frames(known), H.frames(unknown))
        XCTAssertEqual(H.clusters(unknown).map(\.timecode), [0, 100])
        XCTAssertEqual(unknown.last, .segmentEnded)
        let cluster = H.clusters(unknown)[0]
        XCTAssertEqual(cluster.headerLength, 12)
        XCTAssertEqual(cluster.bytes, W.unknownSizeElement(0x1F43_B675, W.clusterPayload(timecode: 0)))
        // Re-encoded with a known size, the cluster equals the known-size one.
        XCTAssertEqual(try H.events(W.header() + W.element(0x1853_8067, W.info(), W.tracks(W.videoTrack(), W.audioTrack()),
                                                             cluster.knownSizeBytes())).count,
                       known.count - 5 - 1)  // one cluster instead of two
    }

    func testUnknownSizeClusterEndsAtTagsAndEventsKeepOrder() throws {
        let tags = W.tags([("AWS_KINESISVIDEO_FRAGMENT_NUMBER", "91343852333181432392682062607743920146"),
                           ("COMPANY", "acme")])
        let body = W.info() + W.tracks(W.videoTrack(), W.audioTrack())
            + W.unknownSizeElement(0x1F43_B675, W.clusterPayload(timecode: 0)) + tags
            + W.unknownSizeElement(0x1F43_B675, W.clusterPayload(timecode: 100))
            + W.element(0x1C53_BB6B, W.element(0xBB, W.uint(0xB3, 0)))  // Cues ends the last cluster
        let events = try H.events(W.header() + W.unknownSizeElement(0x1853_8067, body))
        let kinds = events.map { event -> String in
            switch event {
            case .header: "header"
            case .info: "info"
            case .tracks: "tracks"
            case .clusterStarted: "start"
            case .frame: "f"
            case .clusterEnded: "end"
            case .tags: "tags"
            case .segmentEnded: "segmentEnded"
            }
        }
        XCTAssertEqual(kinds, ["header", "info", "tracks", "start", "f", "f", "f", "f", "end", "tags",
                               "start", "f", "f", "f", "f", "end", "segmentEnded"])
        guard case .tags(let parsed) = events[9] else { return XCTFail() }
        XCTAssertEqual(parsed.count, 1)
        XCTAssertEqual(parsed[0].targetTypeValue, 50)
        XCTAssertEqual(parsed[0].simpleTags.map(\.name), ["AWS_KINESISVIDEO_FRAGMENT_NUMBER", "COMPANY"])
        XCTAssertEqual(parsed[0].simpleTags[1].string, "acme")
    }

    func testVoidAndCRC32AreSkippedEverywhere() throws {
        let cluster = W.crc32() + W.uint(0xE7, 0) + W.void(3)
            + W.simpleBlock(track: 1, timecode: 0, keyframe: true, [1]) + W.void(0)
            + W.simpleBlock(track: 1, timecode: 40, keyframe: false, [2])
        let body = W.crc32() + W.void(10) + W.info() + W.void(1)
            + W.element(0x1654_AE6B, W.crc32(), W.videoTrack(), W.void(2))
            + W.element(0x114D_9B74, W.void(4))  // SeekHead, skipped
            + W.unknownSizeElement(0x1F43_B675, cluster) + W.void(5)
        let document = W.void(2) + W.header() + W.void(3) + W.unknownSizeElement(0x1853_8067, body)
        let events = try H.events(document)
        XCTAssertEqual(H.frames(events).map(\.bytes), [[1], [2]])
        let clusters = H.clusters(events)
        XCTAssertEqual(clusters.count, 1)
        // The Void after the unknown-size cluster is a legal child, so it belongs to the cluster.
        XCTAssertEqual(clusters[0].bytes, W.unknownSizeElement(0x1F43_B675, cluster + W.void(5)))
        XCTAssertEqual(clusters[0].durationEstimate, 80)
    }

    func testEverySplitGivesTheSameEvents() throws {
        for unknownSizes in [false, true] {
            let document = W.document(unknownSizes: unknownSizes, extra: W.tags([("A", "B")]))
            let whole = try H.events(document)
            XCTAssertEqual(try H.events(document, chunk: 1), whole, "byte at a time, unknownSizes \(unknownSizes)")
            for split in 1..<document.count {
                var reader = MatroskaStreamReader()
                var events = try reader.feed(document[..<split])
                events += try reader.feed(document[split...])
                events += try reader.finish()
                XCTAssertEqual(events, whole, "split at \(split), unknownSizes \(unknownSizes)")
            }
        }
    }

    func testTwoConcatenatedDocuments() throws {
        let first = W.document(clusters: [0, 100], unknownSizes: true)
        let second = W.document(clusters: [200], unknownSizes: true)
        let third = W.document(clusters: [300], unknownSizes: false)
        let events = try H.events(first + second + third, chunk: 7)
        XCTAssertEqual(events.filter { if case .header = $0 { true } else { false } }.count, 3)
        XCTAssertEqual(events.filter { $0 == .segmentEnded }.count, 3)
        XCTAssertEqual(H.clusters(events).map(\.timecode), [0, 100, 200, 300])
        XCTAssertEqual(H.frames(events).count, 16)
        // Segment ends come right before the next header.
        let headerIndexes = events.indices.filter { if case .header = events[$0] { true } else { false } }
        for index in headerIndexes.dropFirst() { XCTAssertEqual(events[index - 1], .segmentEnded) }
    }

    func testBlockGroupsAndLacing() throws {
        // Xiph-laced SimpleBlock with 3 frames of sizes 2, 300, 1.
        let xiph: [UInt8] = [0x82, 0x00, 0x05, 0x80 | 0x02, 2, 2, 255, 45] + [7, 7] + [UInt8](repeating: 8, count: 300) + [9]
        // EBML-laced with sizes 4, 2 (delta -2), 3.
        let ebml: [UInt8] = [0x82, 0x00, 0x06, 0x06, 2, 0x84, 0xBD] + [1, 1, 1, 1, 2, 2, 3, 3, 3]
        // Fixed-size laced, 2 frames of 2 bytes.
        let fixed: [UInt8] = [0x82, 0x00, 0x07, 0x04, 1, 4, 4, 5, 5]
        let cluster = W.uint(0xE7, 1000)
            + W.blockGroup(track: 1, timecode: 0, reference: false, duration: 40, [0x65])
            + W.blockGroup(track: 1, timecode: 40, reference: true, duration: 40, [0x41])
            + W.element(0xA3, xiph) + W.element(0xA3, ebml) + W.element(0xA3, fixed)
        let document = W.header() + W.element(0x1853_8067, W.info(), W.tracks(W.videoTrack(), W.audioTrack()),
                                              W.element(0x1F43_B675, cluster))
        let frames = H.frames(try H.events(document, chunk: 3))
        // The Xiph-laced SimpleBlock has the keyframe flag (0x80); the others do not.
        XCTAssertEqual(frames.map(\.isKeyframe), [true, false, true, true, true, false, false, false, false, false])
        XCTAssertEqual(frames[0].duration, 40)
        XCTAssertEqual(frames[1].absoluteTimecode, 1040)
        XCTAssertEqual(frames.dropFirst(2).map(\.bytes.count), [2, 300, 1, 4, 2, 3, 2, 2])
        XCTAssertEqual(frames[4].bytes, [9])
        XCTAssertEqual(frames[7].bytes, [3, 3, 3])
        XCTAssertEqual(frames[9].bytes, [5, 5])
    }

    func testLargeClusterInSmallChunks() throws {
        // 8 MB of 32 KB frames arriving in 16 KB chunks: linear work, one cluster in memory.
        var payload = W.uint(0xE7, 0)
        let frame = [UInt8](repeating: 7, count: 32 * 1024)
        for index in 0..<256 { payload += W.simpleBlock(track: 1, timecode: Int16(index), keyframe: index == 0, frame) }
        let document = W.header() + W.unknownSizeElement(0x1853_8067, W.tracks(W.videoTrack()),
                                                          W.unknownSizeElement(0x1F43_B675, payload))
        let events = try H.events(document, chunk: 16 * 1024)
        XCTAssertEqual(H.frames(events).count, 256)
        XCTAssertEqual(H.clusters(events).first?.byteCount, 12 + payload.count)
    }

    func testKeepsMetadataElementsForRewriting() throws {
        var reader = MatroskaStreamReader()
        _ = try reader.feed(W.document(clusters: [0], unknownSizes: true))
        XCTAssertEqual(reader.headerElement, W.header())
        XCTAssertEqual(reader.infoElement, W.info())
        XCTAssertEqual(reader.tracksElement, W.tracks(W.videoTrack(), W.audioTrack()))
        XCTAssertEqual(reader.tracks?.map(\.number), [1, 2])
        XCTAssertEqual(reader.segmentInfo.timecodeScale, 1_000_000)
        XCTAssertEqual(MatroskaTrack.Kind(rawValue: 2).rawValue, 2)
    }

    func testGStreamerNULTerminatedCodecID() throws {
        let entry = W.element(0xAE, W.uint(0xD7, 1), W.uint(0x83, 1), W.element(0x86, Array("V_MPEG4/ISO/AVC".utf8) + [0]))
        let events = try H.events(W.header() + W.unknownSizeElement(0x1853_8067, W.tracks(entry)))
        XCTAssertTrue(events.contains(.tracks([{
            var track = MatroskaTrack(number: 1, kind: .video, codecID: "V_MPEG4/ISO/AVC")
            track.uid = nil
            return track
        }()])))
    }

    func testMemoryHoldsOnlyTheCurrentElement() throws {
        // A 1 MB Void between clusters is skipped without being buffered.
        var reader = MatroskaStreamReader()
        _ = try reader.feed(W.header() + W.unknownSizeElement(0x1853_8067, W.tracks(W.videoTrack(), W.audioTrack())))
        _ = try reader.feed(W.id(0xEC) + [0x10, 0x10, 0x00, 0x00])
        let chunk = [UInt8](repeating: 0, count: 64 * 1024)
        for _ in 0..<16 { XCTAssertEqual(try reader.feed(chunk), []) }
        XCTAssertFalse(reader.isInsideCluster)
        let events = try reader.feed(W.unknownSizeElement(0x1F43_B675, W.clusterPayload(timecode: 5))) + reader.finish()
        XCTAssertEqual(H.clusters(events).map(\.timecode), [5])
        XCTAssertEqual(reader.streamOffset, Int64(W.header().count + 12 + W.tracks(W.videoTrack(), W.audioTrack()).count + 5 + 1 << 20
                                                    + 12 + W.clusterPayload(timecode: 5).count))
    }
}
