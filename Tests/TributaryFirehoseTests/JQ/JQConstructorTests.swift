import XCTest
@testable import TributaryFirehose

/// Literals, strings with interpolation, formats, arrays and objects.
/// Expected values were produced by running jq 1.6 on each case (the engine AWS names `JQ-1.6`).
final class JQConstructorTests: XCTestCase {
    /// Numbers (including `.5`, `1.` and exponents), strings with escapes, `true`, `false`, `null`.
    func testLiteralsParseAsJq() {
        assertCases([
            JQCase(#"[.5, 1., 1e2, 1E-2, 12345678901234567890, 1e1000, true, false, null]"#, #"null"#,
                   .outputs([#"[0.5,1,100,0.01,12345678901234567000,1.7976931348623157e+308,true,false,null]"#])),
            JQCase(#""\u00e9\t\"\\\/x\ud83d\ude00""#, #"null"#, .outputs([#""é\t\"\\/x😀""#])),
        ])
    }

    /// `\(…)` inserts `tostring` of each output, later parts varying slowest.
    func testStringInterpolationJoinsEveryCombination() {
        assertCases([
            JQCase(#""\(1+2) and \("x") \([1,{a:null}])""#, #"null"#, .outputs([#""3 and x [1,{\"a\":null}]""#])),
            JQCase(#"["\(1,2)-\(3,4)"]"#, #"null"#, .outputs([#"["1-3","2-3","1-4","2-4"]"#])),
            JQCase(#""\(.a)-\(.b)""#, #"{"a":"x","b":null}"#, .outputs([#""x-null""#])),
            JQCase(#""a\("")b""#, #"null"#, .outputs([#""ab""#])),
        ])
    }

    /// `@base64`, `@base64d`, `@text`, `@json`, alone or before a string.
    func testFormatsEncodeValuesAndInterpolations() {
        assertCases([
            JQCase(#"@base64"#, #""héllo""#, .outputs([#""aMOpbGxv""#])),
            JQCase(#"@base64"#, #"1"#, .outputs([#""MQ==""#])),
            JQCase(#"@base64"#, #"[1,"a"]"#, .outputs([#""WzEsImEiXQ==""#])),
            JQCase(#"@base64d"#, #""aMOpbGxv""#, .outputs([#""héllo""#])),
            JQCase(#"@base64d"#, #""aGk""#, .outputs([#""hi""#])),
            JQCase(#"@base64d"#, #""aG=k""#, .outputs([#""h""#])),
            JQCase(#"@base64d"#, #""aGk=\n""#, .outputs([#""hi""#])),
            JQCase(#"@base64d"#, #""""#, .outputs([#""""#])),
            JQCase(#"@base64d"#, #""/w==""#, .outputs([#""�""#])),
            JQCase(#"@base64d"#, #""!!!!""#, .runtimeError(#"string ("!!!!") is not valid base64 data"#)),
            JQCase(#"@base64d"#, #""a""#, .runtimeError(#"string ("a") trailing base64 byte found"#)),
            JQCase(#"@base64d"#, #"1"#, .runtimeError(#"string ("1") trailing base64 byte found"#)),
            JQCase(#"@text"#, #"[1,"a"]"#, .outputs([#""[1,\"a\"]""#])),
            JQCase(#"@json"#, #""a\"b""#, .outputs([#""\"a\\\"b\"""#])),
            JQCase(#"@base64 "x\(.)y""#, #""hi""#, .outputs([#""xaGk=y""#])),
            JQCase(#"@json "v=\(.)""#, #""hi""#, .outputs([#""v=\"hi\"""#])),
            JQCase(#"@text "v=\(.)""#, #"[1]"#, .outputs([#""v=[1]""#])),
            JQCase(#"@base64 "plain""#, #"null"#, .outputs([#""plain""#])),
            JQCase(#"@foo"#, #"1"#, .runtimeError(#"foo is not a valid format"#)),
        ])
    }

    /// `[…]` gathers every output of its body.
    func testArraysCollectAllOutputs() {
        assertCases([
            JQCase(#"[.[] | . * 2]"#, #"[1,2,3]"#, .outputs([#"[2,4,6]"#])),
            JQCase(#"[]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"[[(1,2)], [(3,4)]]"#, #"null"#, .outputs([#"[[1,2],[3,4]]"#])),
            JQCase(#"[.[] | select(. > 1) | . * 10]"#, #"[1,2,3]"#, .outputs([#"[20,30]"#])),
        ])
    }

    /// `{…}` accepts names, keywords, strings, `(expr)` keys, `$x` and shorthands.
    func testObjectsBuildEveryCombination() {
        assertCases([
            JQCase(#"{a:1, "b":2, (.k):3}"#, #"{"k":"kk"}"#, .outputs([#"{"a":1,"b":2,"kk":3}"#])),
            JQCase(#"{a, b}"#, #"{"a":1,"b":2,"c":3}"#, .outputs([#"{"a":1,"b":2}"#])),
            JQCase(#". as $x | {$x}"#, #"1"#, .outputs([#"{"x":1}"#])),
            JQCase(#"{(.a,.b): 1}"#, #"{"a":"x","b":"y"}"#, .outputs([#"{"x":1}"#, #"{"y":1}"#])),
            JQCase(#"{a: (1,2), b: (3,4)}"#, #"null"#,
                   .outputs([#"{"a":1,"b":3}"#, #"{"a":1,"b":4}"#, #"{"a":2,"b":3}"#, #"{"a":2,"b":4}"#])),
            JQCase(#"[{("a","b"): (1,2)}]"#, #"null"#, .outputs([#"[{"a":1},{"a":2},{"b":1},{"b":2}]"#])),
            JQCase(#"{if: 1, then:2, and:3, or:4, not: 5, reduce:6, def:7, true: 8}"#, #"null"#,
                   .outputs([#"{"if":1,"then":2,"and":3,"or":4,"not":5,"reduce":6,"def":7,"true":8}"#])),
            JQCase(#"{a: 1 | 2}"#, #"null"#, .outputs([#"{"a":2}"#])),
            JQCase(#"{a: -1, b: -.x}"#, #"{"x":2}"#, .outputs([#"{"a":-1,"b":-2}"#])),
            JQCase(#"{"x\(1)": 1}"#, #"null"#, .outputs([#"{"x1":1}"#])),
            JQCase(#"{"a\(1)"}"#, #"{"a1":5}"#, .outputs([#"{"a1":5}"#])),
            JQCase(#"{a: 1, b: 2 , }"#, #"null"#, .outputs([#"{"a":1,"b":2}"#])),
            JQCase(#"{a: "x" | ascii_upcase}"#, #"null"#, .outputs([#"{"a":"X"}"#])),
            JQCase(#"{a: .b?}"#, #"{}"#, .outputs([#"{"a":null}"#])),
            JQCase(#"{a: [1,2], b: {c: 2}, c: @base64}"#, #""x""#, .outputs([#"{"a":[1,2],"b":{"c":2},"c":"eA=="}"#])),
            JQCase(#"{(.): 1}"#, #"1"#, .runtimeError(#"Cannot use number (1) as object key"#)),
            JQCase(#"{(.): 1}"#, #""k""#, .outputs([#"{"k":1}"#])),
            JQCase(#"{customer_id: .customer_id, year: .event_time | strftime("%Y")}"#, #"{"customer_id":"c1","event_time":1425599621}"#,
                   .outputs([#"{"customer_id":"c1","year":"2015"}"#])),
            JQCase(#"{device: .device.id, type: .type | ascii_downcase}"#, #"{"device":{"id":"d-1"},"type":"SENSOR"}"#,
                   .outputs([#"{"device":"d-1","type":"sensor"}"#])),
        ])
    }

    /// An error in a part of an object or string comes where jq's lazy loops meet it.
    func testConstructorErrorsComeInJqsOrder() {
        assertCases([
            JQCase(#"[{a: (1, error("x"))}?]"#, #"null"#, .outputs([#"[{"a":1}]"#])),
            JQCase(#"[("\(1, error("x"))")?]"#, #"null"#, .outputs([#"["1"]"#])),
            JQCase(#"{a: error("1"), b: error("2")}"#, #"null"#, .runtimeError(#"1"#)),
            JQCase(#"{(error("k")): error("v")}"#, #"null"#, .runtimeError(#"k"#)),
            JQCase(#""\(error("1"))\(error("2"))""#, #"null"#, .runtimeError(#"2"#)),
            JQCase(#"{("a",1): 2}"#, #"null"#, .runtimeError(#"Cannot use number (1) as object key"#)),
            JQCase(#"{(1,"a"): 2}"#, #"null"#, .runtimeError(#"Cannot use number (1) as object key"#)),
            JQCase(#"[{(.a?): .c}]"#, #"[1]"#, .outputs([#"[]"#])),
            JQCase(#"[{a: empty, b: error("x")}]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"["\(error("x"))\(empty)"]"#, #"null"#, .outputs([#"[]"#])),
        ])
    }
}
