import Foundation

/// `sub` and `gsub`. The replacement runs as a filter whose input is the object of the match's named groups (`{}`
/// without names), and the pieces are joined with jq's `+` (so a null replacement deletes, a number fails). With
/// several replacement outputs, every combination is produced, the last match varying slowest, as jq 1.6 does.
/// An input without a match is returned unchanged.
extension JQExecution {
    func evaluateSubstitution(_ builtin: JQBuiltin, _ arguments: [JQNode], _ input: JQValue, _ bindings: [JQValue],
                              _ emit: Emit) throws {
        let global = builtin == .substituteAll || builtin == .substituteAllWithFlags
        let flagsArgument = arguments.count > 2 ? arguments[2] : nil
        try evaluate(arguments[0], input, bindings) { pattern in
            try self.evaluateFlags(flagsArgument, global: global, input, bindings) { flags in
                let (text, regex) = try self.regexOperands(input, pattern, flags)
                let matches = try regex.matches(in: text, self)
                guard !matches.isEmpty else { return try emit(input) }
                var replacements: [[JQValue]] = []
                for match in matches {
                    var outputs: [JQValue] = []
                    try self.evaluate(arguments[1], regex.captures(of: match, in: text), bindings) { value in
                        try self.charge(1)
                        outputs.append(value)
                    }
                    replacements.append(outputs)
                }
                try self.combine(replacements, Self.gaps(between: matches, in: text), emit)
            }
        }
    }

    /// The flags of the call: none for `sub/2`, `"g"` for `gsub/2`, the argument (plus `"g"` for `gsub/3`).
    private func evaluateFlags(_ argument: JQNode?, global: Bool, _ input: JQValue, _ bindings: [JQValue],
                               _ body: (JQValue?) throws -> Void) throws {
        guard let argument else { return try body(global ? .string("g") : nil) }
        try evaluate(argument, input, bindings) { flags in
            try body(global ? try JQArithmetic.add(flags, .string("g"), self) : flags)
        }
    }

    /// The text before the first match, between consecutive matches, and after the last.
    private static func gaps(between matches: [NSTextCheckingResult], in text: String) -> [String] {
        var pieces: [String] = []
        var previous = text.startIndex
        for match in matches {
            let bounds = Range(match.range, in: text) ?? previous ..< previous
            pieces.append(String(text[previous ..< max(previous, bounds.lowerBound)]))
            previous = max(previous, bounds.upperBound)
        }
        pieces.append(String(text[previous...]))
        return pieces
    }

    /// Emits every combination of the replacements, the first match varying fastest.
    private func combine(_ replacements: [[JQValue]], _ gaps: [String], _ emit: Emit) throws {
        try forEachCombination(replacements.map { JQGathered(outputs: $0) }) { selection in
            var result = gaps[0]
            for (index, outputs) in replacements.enumerated() {
                switch outputs[selection[index]] {
                case .null: break
                case .string(let piece):
                    guard result.utf8.count + piece.utf8.count <= JQLimits.stringBytesMax else {
                        return try checkStringLength(result.utf8.count + piece.utf8.count)
                    }
                    result += piece
                case let other:
                    throw JQFailure.types(.string(result), other, "cannot be added")
                }
                result += gaps[index + 1]
            }
            try checkStringLength(result.utf8.count)
            try emit(.string(result))
        }
    }
}
