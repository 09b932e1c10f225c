import TributaryWire

extension VideoService {
    /// GetImages (kinesis-video-archived-media): still images of the stream at evenly spaced times, decoded from
    /// the stored fragments by the ffmpeg tool (`FFmpegStillDecoder`).
    ///
    /// Each sample time of the page (`GetImagesRequest`) gets the frame on screen at that time in the fragment that
    /// covers it by producer or server timestamp, or `NO_MEDIA` when no retained fragment does, or `MEDIA_ERROR`
    /// when the fragment yields no image (the failure goes to the error log, with ffmpeg's own message). Each
    /// fragment is decoded once for all its sample times on the page. Images come in time order.
    public func getImages(_ request: Document) async throws -> Document {
        try Self.validate(request, operation: "GetImages", model: VideoArchivedMediaShapes.model)
        let parameters = try GetImagesRequest(request)
        let stream = try dataStream(name: request.string("StreamName"), arn: request.string("StreamARN"))
        try Self.requireDataRetention(stream)
        let (samplesMs, next) = parameters.page
        var outcomes = [StillImageOutcome](repeating: .noMedia, count: samplesMs.count)
        let groups = try sampleGroups(samplesMs, stream: stream, useProducerTimestamp: parameters.useProducerTimestamp)
        let decoder = FFmpegStillDecoder.located()
        for (fragment, positions) in groups {
            try Task.checkCancellation()
            let images = try await stillImages(of: fragment, at: positions.map { samplesMs[$0] }, stream: stream,
                                           parameters: parameters, decoder: decoder)
            for (position, outcome) in zip(positions, images) { outcomes[position] = outcome }
        }
        var answer: [String: Document] = [
            "Images": .array(zip(samplesMs, outcomes).map { $1.document(timeMs: $0) }),
        ]
        if let next { answer["NextToken"] = .string(next.description) }
        return .object(answer)
    }

    /// The retained fragments covering some sample time, in number order, each with the positions of the samples
    /// it covers. A sample two fragments cover belongs to the newer one; a fragment covers `[base, base + duration)`
    /// and at least its own start.
    private func sampleGroups(_ samplesMs: [Int64], stream: VideoStreamDescriptor,
                              useProducerTimestamp: Bool) throws -> [(StoredFragment, [Int])] {
        guard let firstMs = samplesMs.first, let lastMs = samplesMs.last else { return [] }
        let base: (StoredFragment) -> Int64 = { useProducerTimestamp ? $0.producerTimestampMs : $0.serverTimestampMs }
        let candidates = try fragments.fragments(stream: stream.storageKey).filter {
            base($0) <= lastMs && base($0) + max($0.durationMs, 1) > firstMs
        }
        var positions: [FragmentNumber: [Int]] = [:]
        for (position, sampleMs) in samplesMs.enumerated() {
            let covering = candidates.last { base($0) <= sampleMs && sampleMs < base($0) + max($0.durationMs, 1) }
            if let covering { positions[covering.number, default: []].append(position) }
        }
        return candidates.compactMap { fragment in positions[fragment.number].map { (fragment, $0) } }
    }

    /// The outcome of each sample time in `samplesMs` (all covered by `fragment`), from one decoder run. Only
    /// cancellation is thrown; every other failure is logged and answered as MEDIA_ERROR.
    private func stillImages(of fragment: StoredFragment, at samplesMs: [Int64], stream: VideoStreamDescriptor,
                             parameters: GetImagesRequest, decoder: FFmpegStillDecoder?) async throws
        -> [StillImageOutcome] {
        do {
            guard let content = try fragments.content(fragment.number, stream: stream.storageKey) else {
                // Removed by retention since it was listed.
                return samplesMs.map { _ in .noMedia }
            }
            let media = try FragmentMedia(content)
            let choice = try FragmentFrameChoice(
                media: media, baseMs: parameters.useProducerTimestamp ? fragment.producerTimestampMs
                    : fragment.serverTimestampMs,
                samplesMs: samplesMs)
            guard let decoder else { throw ImageDecodingError.toolMissing }
            let frames = choice.distinctFrameTicks
            let images = try await decoder.images(document: GetMediaChunk.archived(content),
                                                  presentationTicks: frames, encoding: parameters.encoding)
            let imageByFrame = Dictionary(uniqueKeysWithValues: zip(frames, images))
            return choice.frameTicksPerSample.map { ticks in imageByFrame[ticks].map { .image($0) } ?? .mediaError }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("GetImages could not make images from a fragment", metadata: [
                "stream": "\(stream.name)", "fragment": "\(fragment.number)", "error": "\(error)",
            ])
            return samplesMs.map { _ in .mediaError }
        }
    }
}
