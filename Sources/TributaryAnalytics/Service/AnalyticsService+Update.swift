import TributaryWire

/// UpdateApplication: the whole `ApplicationUpdate` applies or none of it does; new sources and destinations must
/// exist and the code must still compile. A RUNNING application is restarted with the new configuration from its
/// last stopped point (through UPDATING).
extension AnalyticsService {
    func updateApplication(_ request: Document) async throws -> Document {
        let update = try request.object("ApplicationUpdate") ?? .object([:])
        var preview = try applicationNamed(in: request)
        let before = preview
        try checkVersion(before, try request.integer("CurrentApplicationVersionId") ?? 0)
        try ApplicationUpdateDocument.apply(update, to: &preview)
        for input in preview.inputs where before.input(id: input.id)?.source != input.source {
            try await checkSource(input, .configuring)
        }
        for output in preview.outputs
        where before.outputs.first(where: { $0.id == output.id })?.destination != output.destination {
            try await checkDestination(output, .configuring)
        }
        return try modify(request, validatesCode: true) { application in
            try ApplicationUpdateDocument.apply(update, to: &application)
        }
    }
}
