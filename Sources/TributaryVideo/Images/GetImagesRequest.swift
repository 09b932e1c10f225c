import TributaryWire

/// GetImages' parameters, checked as AWS checks them, and the sample times of the page asked for.
///
/// Sample times are `StartTimestamp + k × SamplingInterval` for k = 0, 1, … up to and including EndTimestamp (the
/// API reference calls the range inclusive, and a range shorter than the interval still gives the image at
/// StartTimestamp). A page holds at most `ImageLimits.pageImagesMax` of them; `GetImagesToken` says where the next
/// page starts. Times are whole milliseconds.
struct GetImagesRequest: Sendable {
    let useProducerTimestamp: Bool
    let startMs: Int64
    let endMs: Int64
    let intervalMs: Int64
    let encoding: ImageEncoding
    let pageSize: Int
    /// The first sample time of this page.
    let firstSampleMs: Int64

    /// Reads a request the model has already validated (required members, enums, bounds).
    init(_ request: Document) throws {
        useProducerTimestamp = try request.string("ImageSelectorType") == "PRODUCER_TIMESTAMP"
        guard let start = try request.timestamp("StartTimestamp"), let end = try request.timestamp("EndTimestamp") else {
            throw VideoError.invalidArgument("StartTimestamp and EndTimestamp must be specified.")
        }
        startMs = Int64((start * 1000).rounded())
        endMs = Int64((end * 1000).rounded())
        guard startMs <= endMs else {
            throw VideoError.invalidArgument("The StartTimestamp must be before or equal to the EndTimestamp.")
        }
        guard endMs - startMs <= ImageLimits.rangeMsMax else {
            throw VideoError.invalidArgument(
                "The time range between StartTimestamp and EndTimestamp must not exceed 300 seconds.")
        }
        intervalMs = try request.integer("SamplingInterval") ?? ImageLimits.samplingIntervalMsDefault
        guard intervalMs >= ImageLimits.samplingIntervalMsMin else {
            throw VideoError.invalidArgument(
                "The SamplingInterval must be at least \(ImageLimits.samplingIntervalMsMin) milliseconds.")
        }
        encoding = try ImageEncoding(request: request)
        pageSize = min(try request.integer("MaxResults").map(Int.init) ?? ImageLimits.pageImagesMax,
                       ImageLimits.pageImagesMax)
        if let text = try request.string("NextToken") {
            guard let token = GetImagesToken(text), token.nextSampleMs >= startMs, token.nextSampleMs <= endMs,
                  (token.nextSampleMs - startMs) % intervalMs == 0 else {
                throw VideoError.invalidArgument("The NextToken \(text) is not valid for this request.")
            }
            firstSampleMs = token.nextSampleMs
        } else {
            firstSampleMs = startMs
        }
    }

    /// This page's sample times, in order, and the token of the next page (nil on the last page).
    var page: (samplesMs: [Int64], next: GetImagesToken?) {
        var samples: [Int64] = []
        var time = firstSampleMs
        while time <= endMs, samples.count < pageSize {
            samples.append(time)
            time += intervalMs
        }
        return (samples, time <= endMs ? GetImagesToken(nextSampleMs: time) : nil)
    }
}
