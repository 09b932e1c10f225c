import Foundation
import TributaryVideo
import XCTest

/// Synthetic tracks and frames for the packaging tests, and the fixtures read with `MatroskaStreamReader`.
enum MP4TestMedia {
    /// An avcC for Constrained Baseline level 3.0 with 4-byte NAL lengths and no parameter sets.
    static let avcRecord: [UInt8] = [1, 0x42, 0xC0, 0x1E, 0xFF, 0xE0, 0x00]
    /// AAC-LC, 44.1 kHz, stereo.
    static let aacRecord: [UInt8] = [0x12, 0x10]

    static func videoTrack(number: UInt64 = 1, defaultDuration: UInt64? = nil) -> MatroskaTrack {
        var track = MatroskaTrack(number: number, kind: .video, codecID: "V_MPEG4/ISO/AVC", codecPrivate: avcRecord)
        track.pixelWidth = 320
        track.pixelHeight = 240
        track.defaultDuration = defaultDuration
        return track
    }

    static func audioTrack(number: UInt64 = 2) -> MatroskaTrack {
        var track = MatroskaTrack(number: number, kind: .audio, codecID: "A_AAC", codecPrivate: aacRecord)
        track.samplingFrequency = 44100
        track.channels = 2
        return track
    }

    /// A frame whose bytes name its track and timecode, so misplaced bytes are noticed.
    static func frame(_ track: UInt64, _ timecode: Int64, keyframe: Bool = true, size: Int = 10,
                      duration: UInt64? = nil) -> MatroskaFrame {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: Int(track) &* 31 &+ Int(timecode) &+ $0) }
        return MatroskaFrame(trackNumber: track, relativeTimecode: 0, absoluteTimecode: timecode,
                             isKeyframe: keyframe, duration: duration, bytes: bytes)
    }

    /// A Matroska file read back: tracks, timecode scale, and frames grouped by cluster.
    struct Source {
        let url: URL
        let tracks: [MatroskaTrack]
        let timecodeScale: UInt64
        let clusters: [[MatroskaFrame]]
        var frames: [MatroskaFrame] { clusters.flatMap { $0 } }
    }

    static func fixture(_ name: String) throws -> Source {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        let events = try ReaderHarness.events([UInt8](try Data(contentsOf: url)), chunk: 4096)
        var tracks: [MatroskaTrack] = []
        var timecodeScale: UInt64 = 1_000_000
        var clusters: [[MatroskaFrame]] = []
        for event in events {
            switch event {
            case .tracks(let declared): tracks = declared
            case .info(let info): timecodeScale = info.timecodeScale
            case .clusterStarted: clusters.append([])
            case .frame(let frame): clusters[clusters.count - 1].append(frame)
            default: break
            }
        }
        return Source(url: url, tracks: tracks, timecodeScale: timecodeScale, clusters: clusters)
    }
}
