@testable import TributaryStreams
import XCTest

/// Resharding as pure changes of the shard map: no I/O, so every shape of scaling is checked directly.
final class ReshardingTests: XCTestCase {
    private func stream(shards count: Int) -> StreamDescriptor {
        let shards = HashKeyRange.evenSplit(count: count).enumerated().map {
            ShardDescriptor(index: $0.offset, hashKeyRange: $0.element, createdAtMs: 0)
        }
        return StreamDescriptor(name: "s", incarnation: 1, mode: .provisioned, shards: shards, tags: [:])
    }

    /// The open shards tile the key space with no gap and no overlap.
    private func assertOpenShardsTile(_ stream: StreamDescriptor, file: StaticString = #filePath, line: UInt = #line) {
        let open = stream.openShards.sorted { $0.hashKeyRange.start < $1.hashKeyRange.start }
        XCTAssertEqual(open.first?.hashKeyRange.start, 0, file: file, line: line)
        XCTAssertEqual(open.last?.hashKeyRange.end, UInt128.max, file: file, line: line)
        for (left, right) in zip(open, open.dropFirst()) {
            XCTAssertEqual(left.hashKeyRange.end + 1, right.hashKeyRange.start, file: file, line: line)
        }
    }

    func testSplitClosesTheParentWithItsEndOffsetAndOpensTwoChildren() {
        var descriptor = stream(shards: 1)
        descriptor.applyResharding(.split(shard: 0, startingHashKey: "1000"), endOffsets: [0: 42], nowMs: 7)
        XCTAssertEqual(descriptor.shard(index: 0)?.endOffset, 42)
        XCTAssertEqual(descriptor.shard(index: 0)?.closedAtMs, 7)
        XCTAssertEqual(descriptor.openShards.map(\.index), [1, 2])
        XCTAssertEqual(descriptor.shard(index: 1)?.hashKeyRange, HashKeyRange(start: 0, end: 999))
        XCTAssertEqual(descriptor.openShards.map(\.parentIndex), [0, 0])
        assertOpenShardsTile(descriptor)
    }

    func testMergeMakesOneChildWithBothParents() {
        var descriptor = stream(shards: 2)
        descriptor.applyResharding(.merge(shard: 1, adjacent: 0), endOffsets: [0: 3, 1: 5], nowMs: 7)
        XCTAssertEqual(descriptor.openShards.count, 1)
        let child = descriptor.openShards[0]
        XCTAssertEqual(child.parentIndex, 1)
        XCTAssertEqual(child.adjacentParentIndex, 0)
        XCTAssertEqual(child.hashKeyRange, HashKeyRange(start: 0, end: .max))
        XCTAssertEqual(descriptor.shard(index: 1)?.endOffset, 5)
    }

    func testUniformScalingReachesAnEvenSplitWithAtMostTwoParentsPerShard() {
        for (from, to) in [(1, 2), (2, 4), (3, 5), (5, 3), (4, 2), (6, 7), (7, 4), (3, 3)] {
            var descriptor = stream(shards: from)
            let closing = descriptor.shardsClosed(by: .uniformScaling(target: to))
            let endOffsets = Dictionary(uniqueKeysWithValues: closing.map { ($0, UInt64(10 + $0)) })
            descriptor.applyResharding(.uniformScaling(target: to), endOffsets: endOffsets, nowMs: 7)
            XCTAssertEqual(descriptor.openShards.map(\.hashKeyRange).sorted { $0.start < $1.start },
                           HashKeyRange.evenSplit(count: to), "\(from) → \(to)")
            assertOpenShardsTile(descriptor)
            for original in 0..<from where closing.contains(original) {
                XCTAssertEqual(descriptor.shard(index: original)?.endOffset, UInt64(10 + original), "\(from) → \(to)")
            }
            // Shards made and closed within the update hold no records.
            for shard in descriptor.shards where shard.index >= from && !shard.isOpen {
                XCTAssertEqual(shard.endOffset, 0, "\(from) → \(to)")
            }
            // Every child's range lies within the union of its parents', so readers that finish parents first
            // keep each key's order.
            for shard in descriptor.shards where shard.parentIndex != nil {
                let parents = [shard.parentIndex, shard.adjacentParentIndex].compactMap { $0 }
                    .compactMap(descriptor.shard(index:)).map(\.hashKeyRange)
                let covered = parents.reduce(into: (UInt128.max, UInt128.min)) { $0 = (min($0.0, $1.start), max($0.1, $1.end)) }
                XCTAssertLessThanOrEqual(covered.0, shard.hashKeyRange.start, "\(from) → \(to)")
                XCTAssertGreaterThanOrEqual(covered.1, shard.hashKeyRange.end, "\(from) → \(to)")
            }
        }
    }

    func testScalingToTheSameCountClosesNothing() {
        let descriptor = stream(shards: 3)
        XCTAssertEqual(descriptor.shardsClosed(by: .uniformScaling(target: 3)), [])
    }
}
