import Foundation
import TributarySQL

/// One long-lived thread with a chosen stack size that parses the inputs handed to it, one at a time (starting a
/// thread per input would cost more than the parse). `parse(_:)` blocks until the thread is done, and the two
/// semaphores order every access to `code`, hence `@unchecked Sendable`.
final class ParserThread: @unchecked Sendable {
    private var code = ""
    private let inputReady = DispatchSemaphore(value: 0)
    private let parsed = DispatchSemaphore(value: 0)

    init(stackBytes: Int) {
        let thread = Thread { [self] in
            while true {
                inputReady.wait()
                _ = try? SQLParser.parse(code)
                parsed.signal()
            }
        }
        thread.stackSize = stackBytes
        thread.start()
    }

    func parse(_ code: String) {
        self.code = code
        inputReady.signal()
        parsed.wait()
    }
}
