import TributarySQL

/// The newest rows of an in-application stream, numbered: a ring of at most `capacity` rows in which each appended
/// row gets the next sequence number (1, 2, …), and the oldest row is overwritten once the ring is full.
///
/// Invariants: the rows held are exactly the sequences `newestSequence - count + 1 … newestSequence`, in order;
/// `newestSequence` never goes back, not even when the rows are removed, so a watcher's position stays meaningful.
/// A plain value: `InAppStreamTap` guards it with its lock.
struct TappedRows {
    /// One row with its sequence number.
    struct Entry: Equatable {
        var sequence: Int64
        var values: [SQLValue]
    }

    let capacity: Int
    /// The ring; `storage[oldestIndex]` is the oldest row once the ring is full.
    private var storage: [[SQLValue]] = []
    private var oldestIndex = 0
    /// The sequence of the newest row ever appended; 0 before the first.
    private(set) var newestSequence: Int64 = 0

    init(capacity: Int) {
        precondition(capacity > 0, "a ring holds at least one row")
        self.capacity = capacity
    }

    var count: Int { storage.count }

    mutating func append(_ row: [SQLValue]) {
        if storage.count < capacity {
            storage.append(row)
        } else {
            storage[oldestIndex] = row
            oldestIndex = (oldestIndex + 1) % capacity
        }
        newestSequence += 1
        assert(storage.count <= capacity)
    }

    /// Forgets the rows (nobody watches any more); the numbering goes on from `newestSequence`.
    mutating func removeAll() {
        storage.removeAll(keepingCapacity: false)
        oldestIndex = 0
    }

    /// The rows held with a sequence above `sequence`, oldest first; all of them for nil. A sequence beyond
    /// `newestSequence` was handed out by an earlier numbering (the server restarted, or the application was
    /// re-created) and also reads every row held.
    func entries(after sequence: Int64?) -> [Entry] {
        let oldestSequence = newestSequence - Int64(storage.count) + 1
        var first = oldestSequence
        if let sequence, sequence <= newestSequence { first = max(sequence + 1, oldestSequence) }
        guard first <= newestSequence else { return [] }
        return (first...newestSequence).map { number in
            let offset = Int(number - oldestSequence)
            return Entry(sequence: number, values: storage[(oldestIndex + offset) % storage.count])
        }
    }
}
