/// The outputs of one part of a constructor (a member's key or value, an interpolation), gathered before the
/// combinations are built, with the error that ended them if it came after at least one output.
struct JQGathered<Element> {
    var outputs: [Element]
    var pendingFailure: JQFailure?

    init(outputs: [Element], pendingFailure: JQFailure? = nil) {
        self.outputs = outputs
        self.pendingFailure = pendingFailure
    }
}
