import XCTest
@testable import TributaryFirehose

/// Paths: field access, indexing, slicing, iteration and `?`.
/// Expected values were produced by running jq 1.6 on each case (the engine AWS names `JQ-1.6`).
final class JQPathTests: XCTestCase {
    /// `.` prints members in insertion order and every scalar in jq's form.
    func testIdentityKeepsMemberOrderAndValues() {
        assertCases([
            JQCase(#"."#, #"{"b":1,"a":[1,2.5,"x",null,true,false]}"#,
                   .outputs([#"{"b":1,"a":[1,2.5,"x",null,true,false]}"#])),
            JQCase(#"."#, #"{"a":1,"a":2,"b":3}"#, .outputs([#"{"a":2,"b":3}"#])),
            JQCase(#"."#, #"[1e1000, -1e1000, 0.1, 1e-5, 100000000000000000000, 12345678901234567890, 3.0, -0, 1e17, 1e16, 1e15, 1e-4, 0.001, 123e-20, -1.5e+300, 5e-324]"#,
                   .outputs([
                       #"[1.7976931348623157e+308,-1.7976931348623157e+308,0.1,1e-05,1e+20,12345678901234567000,3,-0,1e+17,1e+16,1000000000000000,0.0001,0.001,1.23e-18,-1.5e+300,5e-324]"#,
                   ])),
            JQCase(#"."#, #""\u0000\u001f\u007f\u00e9\t\n\r\b\f\/\"\\\ud83d\ude00\u2028""#,
                   .outputs([#""\u0000\u001f\u007fé\t\n\r\b\f/\"\\😀 ""#])),
            JQCase(#"."#, #"1 2 [3]"#, .outputs([#"1"#, #"2"#, #"[3]"#])),
        ])
    }

    /// `.a`, `.a.b`, `."quoted"` and `.["x"]` read members; null reads as null.
    func testFieldAccessFollowsObjectsAndNull() {
        assertCases([
            JQCase(#".a"#, #"{"a":1}"#, .outputs([#"1"#])),
            JQCase(#".a.b"#, #"{"a":{"b":2}}"#, .outputs([#"2"#])),
            JQCase(#".a.b.c"#, #"{"a":null}"#, .outputs([#"null"#])),
            JQCase(#"."a-b""#, #"{"a-b":1}"#, .outputs([#"1"#])),
            JQCase(#"."a".b"#, #"{"a":{"b":2}}"#, .outputs([#"2"#])),
            JQCase(#".a."b""#, #"{"a":{"b":2}}"#, .outputs([#"2"#])),
            JQCase(#".["a"]"#, #"{"a":1}"#, .outputs([#"1"#])),
            JQCase(#".a["b"]"#, #"{"a":{"b":2}}"#, .outputs([#"2"#])),
            JQCase(#".["a","b"]"#, #"{"a":1,"b":2}"#, .outputs([#"1"#, #"2"#])),
            JQCase(#".[.a]"#, #"{"a":"b","b":3}"#, .outputs([#"3"#])),
            JQCase(#".missing"#, #"{"a":1}"#, .outputs([#"null"#])),
            JQCase(#".a"#, #"null"#, .outputs([#"null"#])),
            JQCase(#".if"#, #"{"if":1}"#, .outputs([#"1"#])),
            JQCase(#".and"#, #"{"and":1}"#, .outputs([#"1"#])),
        ])
    }

    /// Indexing a scalar or an array by name fails with jq's message.
    func testFieldAccessOnWrongTypesFailsAsJq() {
        assertCases([
            JQCase(#".a"#, #"1"#, .runtimeError(#"Cannot index number with string "a""#)),
            JQCase(#".a"#, #""x""#, .runtimeError(#"Cannot index string with string "a""#)),
            JQCase(#".a"#, #"[1]"#, .runtimeError(#"Cannot index array with string "a""#)),
            JQCase(#".a"#, #"true"#, .runtimeError(#"Cannot index boolean with string "a""#)),
            JQCase(#".aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"#, #"1"#, .runtimeError(#"Cannot index number with string"#)),
            JQCase(#".["a"]"#, #"[1]"#, .runtimeError(#"Cannot index array with string "a""#)),
            JQCase(#".[0]"#, #"{"a":1}"#, .runtimeError(#"Cannot index object with number"#)),
            JQCase(#".[0]"#, #""abc""#, .runtimeError(#"Cannot index string with number"#)),
            JQCase(#".[null]"#, #"[1]"#, .runtimeError(#"Cannot index array with null"#)),
            JQCase(#".[true]"#, #"[1]"#, .runtimeError(#"Cannot index array with boolean"#)),
            JQCase(#".[{}]"#, #"[0,1]"#, .runtimeError(#"Start and end indices of an array slice must be numbers"#)),
        ])
    }

    /// `?` turns an error of its term into no output.
    func testOptionalSuppressesErrors() {
        assertCases([
            JQCase(#".a?"#, #"1"#, .outputs([])),
            JQCase(#"[.a?, .b?]"#, #"1"#, .outputs([#"[]"#])),
            JQCase(#".a?, 1"#, #"5"#, .outputs([#"1"#])),
            JQCase(#".["a"]?"#, #"1"#, .outputs([])),
            JQCase(#"[.[]?]"#, #"3"#, .outputs([#"[]"#])),
            JQCase(#"[.[]?]"#, #"{"a":1}"#, .outputs([#"[1]"#])),
            JQCase(#".a??"#, #"1"#, .outputs([])),
            JQCase(#".a?.b"#, #"1"#, .outputs([])),
            JQCase(#".a.b?"#, #"{"a":1}"#, .outputs([])),
            JQCase(#".[1:2]?"#, #"1"#, .outputs([])),
        ])
    }

    /// `.[n]` takes integers, negative from the end; out of range or fractional is null.
    func testArrayIndexCountsFromEitherEnd() {
        assertCases([
            JQCase(#".[0]"#, #"[1,2]"#, .outputs([#"1"#])),
            JQCase(#".[-1]"#, #"[1,2]"#, .outputs([#"2"#])),
            JQCase(#".[-5]"#, #"[1,2]"#, .outputs([#"null"#])),
            JQCase(#".[5]"#, #"[1,2]"#, .outputs([#"null"#])),
            JQCase(#".[1.7]"#, #"[1,2,3]"#, .outputs([#"null"#])),
            JQCase(#".[1e300]"#, #"[1]"#, .outputs([#"null"#])),
            JQCase(#".[0][1]"#, #"[[1,2]]"#, .outputs([#"2"#])),
            JQCase(#".[[1,2]]"#, #"[1,2,1,2]"#, .outputs([#"[0,2]"#])),
            JQCase(#".[[]]"#, #"[1,2]"#, .outputs([#"[]"#])),
        ])
    }

    /// `.[a:b]` on arrays and strings (by code point), bounds clamped, a fractional end rounded up.
    func testSlicesClampAndRoundAsJq() {
        assertCases([
            JQCase(#".[1:3]"#, #"[0,1,2,3,4]"#, .outputs([#"[1,2]"#])),
            JQCase(#".[1:3]"#, #""abcdef""#, .outputs([#""bc""#])),
            JQCase(#".[1:]"#, #""héllo""#, .outputs([#""éllo""#])),
            JQCase(#".[-2:]"#, #"[1,2,3]"#, .outputs([#"[2,3]"#])),
            JQCase(#".[:-1]"#, #"[1,2,3]"#, .outputs([#"[1,2]"#])),
            JQCase(#".[2:1]"#, #"[1,2,3]"#, .outputs([#"[]"#])),
            JQCase(#".[-10:10]"#, #"[1,2,3]"#, .outputs([#"[1,2,3]"#])),
            JQCase(#".[1.5:2.7]"#, #"[0,1,2,3,4]"#, .outputs([#"[1,2]"#])),
            JQCase(#".[null:2]"#, #"[1,2,3]"#, .outputs([#"[1,2]"#])),
            JQCase(#".[:1e300]"#, #""ab""#, .outputs([#""ab""#])),
            JQCase(#".[1:3]"#, #"null"#, .outputs([#"null"#])),
            JQCase(#".[1:"a"]"#, #"[1,2]"#, .runtimeError(#"Start and end indices of an array slice must be numbers"#)),
            JQCase(#".[1:2]"#, #"{"a":1}"#, .runtimeError(#"Cannot index object with object"#)),
            JQCase(#".a[1:]"#, #"{"a":"xyz"}"#, .outputs([#""yz""#])),
            JQCase(#""abc"[0:1]"#, #"null"#, .outputs([#""a""#])),
        ])
    }

    /// `.[]` yields array elements and object values in order.
    func testIterationProducesElementsAndValues() {
        assertCases([
            JQCase(#".[]"#, #"[1,2]"#, .outputs([#"1"#, #"2"#])),
            JQCase(#".[]"#, #"{"b":1,"a":2}"#, .outputs([#"1"#, #"2"#])),
            JQCase(#".a[]"#, #"{"a":[1,2]}"#, .outputs([#"1"#, #"2"#])),
            JQCase(#"[1,2][]"#, #"null"#, .outputs([#"1"#, #"2"#])),
            JQCase(#".[]"#, #"1"#, .runtimeError(#"Cannot iterate over number (1)"#)),
            JQCase(#".[]"#, #"null"#, .runtimeError(#"Cannot iterate over null (null)"#)),
            JQCase(#".[]"#, #""a very long string indeed it is""#,
                   .runtimeError(#"Cannot iterate over string ("a very lon...)"#)),
        ])
    }

    /// When key and target both produce several outputs, the key varies slowest.
    func testIndexKeysVarySlowest() {
        assertCases([
            JQCase(#"[.[(0,1)][(0,1)]]"#, #"[[1,2],[3,4]]"#, .outputs([#"[1,3,2,4]"#])),
            JQCase(#"[.[(0,1)] | .[(0,1)]]"#, #"[[1,2],[3,4]]"#, .outputs([#"[1,2,3,4]"#])),
            JQCase(#"[.[(0,1):(2,3)]]"#, #"[5,6,7]"#, .outputs([#"[[5,6],[5,6,7],[6],[6,7]]"#])),
        ])
    }
}
