extension FileRecordLog {
    func append(_ records: [LogRecordInput]) async throws -> AppendResult {
        let outcome = try write(records)
        for waiter in outcome.wokenWaiters {
            waiter.continuation.resume()
        }
        if configuration.fsync.isCommitAfterSynchronization {
            if !records.isEmpty {
                try await committer.waitUntilDurable(self, offset: outcome.result.firstOffset + UInt64(records.count))
            }
        } else if outcome.hasRolled {
            committer.requestSynchronization(of: self)
        }
        return outcome.result
    }

    /// Encodes and writes the batch under the lock (page cache only) and, unless commits wait for an fsync,
    /// commits it.
    private func write(_ records: [LogRecordInput]) throws -> (result: AppendResult, hasRolled: Bool, wokenWaiters: [RecordWaiter]) {
        var batchBytes = 0
        for record in records {
            let recordBytes = record.key.count + record.value.count
            guard recordBytes <= Limits.recordBytesMax else {
                throw LogError.recordTooLarge(bytes: recordBytes, bytesMax: Limits.recordBytesMax)
            }
            batchBytes += RecordFrame.encodedBytes(keyBytes: record.key.count, valueBytes: record.value.count)
        }
        guard batchBytes <= Limits.batchBytesMax else {
            throw LogError.batchTooLarge(bytes: batchBytes, bytesMax: Limits.batchBytesMax)
        }
        let nowMs = currentTimeMs()
        return try state.withLock { state in
            try state.checkWritable()
            let timestampMs = max(state.lastWrittenTimestampMs ?? nowMs, nowMs)
            let firstOffset = state.nextOffset
            guard !records.isEmpty else {
                return (AppendResult(firstOffset: firstOffset, count: 0, timestampMs: timestampMs), false, [])
            }
            var hasRolled = false
            let active = state.activeSegment
            if !active.isEmpty && active.sizeBytes + batchBytes > configuration.segmentBytesMax {
                let next = try Segment.create(directory: directory, baseOffset: firstOffset)
                state.sealedAwaitingSynchronization.append(active)
                state.segments.append(next)
                state.directoryChangeCount += 1
                hasRolled = true
            }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(batchBytes)
            for (number, record) in records.enumerated() {
                RecordFrame.append(
                    offset: firstOffset + UInt64(number), timestampMs: timestampMs, attributes: record.attributes,
                    key: record.key, value: record.value, to: &buffer)
            }
            precondition(buffer.count == batchBytes, "frame size accounting is wrong")
            let last = state.segments.count - 1
            let position = state.segments[last].sizeBytes
            do {
                try state.segments[last].file.write(buffer, at: position)
            } catch {
                // Leave no partial batch behind to be mistaken for records at recovery.
                try? state.segments[last].file.truncate(to: position)
                throw error
            }
            state.segments[last].recordBatch(
                records, firstOffset: firstOffset, timestampMs: timestampMs,
                indexIntervalBytes: configuration.indexIntervalBytes)
            state.nextOffset = firstOffset + UInt64(records.count)
            state.lastWrittenTimestampMs = timestampMs
            var woken: [RecordWaiter] = []
            if !configuration.fsync.isCommitAfterSynchronization {
                woken = state.commit(upTo: state.nextOffset, timestampMs: timestampMs)
            }
            let result = AppendResult(firstOffset: firstOffset, count: records.count, timestampMs: timestampMs)
            return (result, hasRolled, woken)
        }
    }
}
