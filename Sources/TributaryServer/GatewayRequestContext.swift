import Hummingbird
import NIOCore

/// The request context the gateway runs with: Hummingbird's core context plus the connection's channel, so that a
/// long-lived answer such as SubscribeToShard's event stream can stop as soon as the client goes away.
struct GatewayRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
