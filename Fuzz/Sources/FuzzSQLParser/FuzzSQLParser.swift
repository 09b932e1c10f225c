import Foundation
import TributarySQL

/// Parses each input, read as UTF-8, as Kinesis Analytics application code (lexer and parser), which a client
/// sends in CreateApplication and UpdateApplication. Malformed SQL must end in an `SQLSyntaxError`, never in a stack
/// overflow or a hang.
///
/// The parser is recursive descent, so nesting costs stack. Application code may be 100 KiB, 25 times the largest
/// input fuzzed here (4 KiB, see scripts/fuzz), so inputs are parsed on a thread whose stack is 8 times smaller than
/// the usual 8 MiB: recursion that grows with the input then overflows within the fuzzer's reach, as it would on a
/// full stack with a full-size input.
let parser = ParserThread(stackBytes: 1024 * 1024)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    parser.parse(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
