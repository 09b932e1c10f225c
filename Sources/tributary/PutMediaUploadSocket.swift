#if canImport(Glibc)
import Glibc
#endif

/// One connected TCP socket of a PutMedia upload, used by two threads at once: the body writer sends, the
/// response reader receives.
///
/// It exists because PutMedia is full duplex inside one HTTP/1.1 exchange (acknowledgements stream back while the
/// body is still going up), which the usual request-then-response clients cannot do. Sendable: it holds only the
/// descriptor, and `send` and `recv` on one socket from two threads are safe. Sends use `MSG_NOSIGNAL`, so a
/// server that hangs up makes `send` fail instead of killing the process with SIGPIPE.
struct PutMediaUploadSocket: Sendable {
    let descriptor: Int32

    /// Resolves `host` and connects to the first address that accepts.
    static func connect(host: String, port: Int) throws(PutMediaUploadError) -> PutMediaUploadSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var addresses: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &addresses)
        guard status == 0, let first = addresses else {
            throw PutMediaUploadError.unresolvableHost(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var lastErrorNumber: Int32 = 0
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            candidate = address.pointee.ai_next
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard descriptor >= 0 else {
                lastErrorNumber = errno
                continue
            }
            if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                var noDelay: Int32 = 1
                setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
                return PutMediaUploadSocket(descriptor: descriptor)
            }
            lastErrorNumber = errno
            Glibc.close(descriptor)
        }
        throw PutMediaUploadError.system(operation: "connect to \(host):\(port)", errorNumber: lastErrorNumber)
    }

    /// Sends every byte, retrying short writes and interrupted calls.
    func sendAll(_ bytes: [UInt8]) throws(PutMediaUploadError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "send", errorNumber: errno)
            }
            offset += sent
        }
    }

    /// Receives what has arrived, up to `buffer.count` bytes; 0 means the server closed the connection.
    /// Throws `serverSilent` when nothing came within the receive timeout.
    func receive(into buffer: inout [UInt8], timeoutSeconds: Int) throws(PutMediaUploadError) -> Int {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received >= 0 { return received }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: throw PutMediaUploadError.serverSilent(seconds: timeoutSeconds)
            default: throw PutMediaUploadError.system(operation: "recv", errorNumber: errno)
            }
        }
    }

    /// Stops both directions, which wakes a thread blocked in `send` or `recv` on this socket.
    func shutDown() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    func close() {
        Glibc.close(descriptor)
    }
}
