import Synchronization
import TributaryVideo

/// A server clock for tests: returns `start`, then `start + step`, …
final class TestClock: Sendable {
    private let next: Mutex<Int64>
    let step: Int64

    init(start: Int64 = 1_700_000_000_000, step: Int64 = 0) {
        next = Mutex(start)
        self.step = step
    }

    func now() -> Int64 {
        next.withLock { value in
            defer { value += step }
            return value
        }
    }
}

/// Runs PutMedia sessions over whole uploads split into chunks.
enum PutMediaHarness {
    static func steps(_ bytes: [UInt8], chunk: Int = Int.max, type: FragmentTimecodeType = .absolute,
                      start: Int64? = nil, limits: PutMediaLimits = PutMediaLimits(),
                      clock: TestClock = TestClock()) -> [PutMediaStep] {
        var session = PutMediaSession(timecodeType: type, producerStartTimestampMs: start, limits: limits,
                                      now: { clock.now() })
        var steps: [PutMediaStep] = []
        var index = 0
        while index < bytes.count {
            let end = index + min(chunk, bytes.count - index)
            steps += session.feed(bytes[index..<end])
            index = end
        }
        return steps + session.finish()
    }

    static func stores(_ steps: [PutMediaStep]) -> [FragmentInput] {
        steps.compactMap { if case .store(let input, _) = $0 { input } else { nil } }
    }

    static func storedTimecodes(_ steps: [PutMediaStep]) -> [Int64] {
        steps.compactMap { if case .store(_, let timecode) = $0 { timecode } else { nil } }
    }

    static func acknowledgements(_ steps: [PutMediaStep]) -> [PutMediaAcknowledgement] {
        steps.compactMap { if case .acknowledge(let ack) = $0 { ack } else { nil } }
    }

    static func failure(_ steps: [PutMediaStep]) -> PutMediaAcknowledgement? {
        steps.compactMap { if case .fail(let ack) = $0 { ack } else { nil } }.first
    }

    /// A stored fragment as a document of its own, read back with the stream reader.
    static func readBack(_ input: FragmentInput) throws(MatroskaError) -> [MatroskaEvent] {
        let body = input.head + input.cluster + input.tags
        return try ReaderHarness.events(EBMLTestWriter.header() + EBMLTestWriter.unknownSizeElement(0x1853_8067, body))
    }
}
