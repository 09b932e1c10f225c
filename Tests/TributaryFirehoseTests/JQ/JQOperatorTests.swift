import XCTest
@testable import TributaryFirehose

/// Operators, conditionals, variables, `reduce`, `try` and `error`.
/// Expected values were produced by running jq 1.6 on each case (the engine AWS names `JQ-1.6`).
final class JQOperatorTests: XCTestCase {
    /// `+` adds numbers, joins strings and arrays, merges objects, and treats null as nothing.
    func testAdditionFollowsJqTypeRules() {
        assertCases([
            JQCase(#"(1,2) + (10,20)"#, #"null"#, .outputs([#"11"#, #"12"#, #"21"#, #"22"#])),
            JQCase(#"null + 1, 1 + null, null + null"#, #"null"#, .outputs([#"1"#, #"1"#, #"null"#])),
            JQCase(#""a" + "b", [1] + [2], {a:1,b:2} + {a:3}"#, #"null"#,
                   .outputs([#""ab""#, #"[1,2]"#, #"{"a":3,"b":2}"#])),
            JQCase(#""a" + 1"#, #"null"#, .runtimeError(#"string ("a") and number (1) cannot be added"#)),
            JQCase(#"{} + []"#, #"null"#, .runtimeError(#"object ({}) and array ([]) cannot be added"#)),
            JQCase(#". + 1"#, #""a very long string indeed it is""#,
                   .runtimeError(#"string ("a very lon...) and number (1) cannot be added"#)),
        ])
    }

    /// `-` subtracts numbers and removes every equal element from arrays.
    func testSubtractionRemovesArrayElements() {
        assertCases([
            JQCase(#". - [1]"#, #"[1,2,1,3]"#, .outputs([#"[2,3]"#])),
            JQCase(#". - ["a"]"#, #"["a","b",1]"#, .outputs([#"["b",1]"#])),
            JQCase(#"{} - {}"#, #"null"#, .runtimeError(#"object ({}) and object ({}) cannot be subtracted"#)),
            JQCase(#"[] - 1"#, #"null"#, .runtimeError(#"array ([]) and number (1) cannot be subtracted"#)),
            JQCase(#""a" - "b""#, #"null"#, .runtimeError(#"string ("a") and string ("b") cannot be subtracted"#)),
            JQCase(#". - 1"#, #"{"abc":"defghijklmnop"}"#,
                   .runtimeError(#"object ({"abc":"def...) and number (1) cannot be subtracted"#)),
        ])
    }

    /// `*` repeats a string as jq 1.6 counts and merges objects recursively.
    func testMultiplicationRepeatsStringsAndMergesObjects() {
        assertCases([
            JQCase(#". * 2, . * 0, . * 0.5, . * 1.5, . * -1, . * 2.7, 2 * ."#, #""ab""#,
                   .outputs([#""abab""#, #"null"#, #""ab""#, #""ab""#, #"null"#, #""abab""#, #""abab""#])),
            JQCase(#"{a:1,b:{c:1,d:2}} * {b:{c:3}}"#, #"null"#, .outputs([#"{"a":1,"b":{"c":3,"d":2}}"#])),
            JQCase(#"{"a":1} * {"a":{"b":3}}"#, #"null"#, .outputs([#"{"a":{"b":3}}"#])),
            JQCase(#"[] * 2"#, #"null"#, .runtimeError(#"array ([]) and number (2) cannot be multiplied"#)),
        ])
    }

    /// `/` divides numbers, splits strings, and refuses a zero divisor at run time.
    func testDivisionSplitsStringsAndRefusesZero() {
        assertCases([
            JQCase(#". / ",""#, #""a,b,,c""#, .outputs([#"["a","b","","c"]"#])),
            JQCase(#". / """#, #""abc""#, .outputs([#"["a","b","c"]"#])),
            JQCase(#". / 0"#, #"1"#,
                   .runtimeError(#"number (1) and number (0) cannot be divided because the divisor is zero"#)),
            JQCase(#"1 / 2, 0 / 0"#, #"null"#, .outputs([#"0.5"#, #"null"#])),
            JQCase(#"{} / {}"#, #"null"#, .runtimeError(#"object ({}) and object ({}) cannot be divided"#)),
        ])
    }

    /// `%` works on 64-bit integers, the sign following the dividend.
    func testRemainderTruncatesToIntegers() {
        assertCases([
            JQCase(#"5 % 3, -5 % 3, 5 % -3, 5.5 % 2.5, 1e30 % 7, 1e300 % 3, 5 % 1e300"#, #"null"#,
                   .outputs([#"2"#, #"-2"#, #"2"#, #"1"#, #"-1"#, #"-2"#, #"5"#])),
            JQCase(#"9223372036854775807 % 2, -9223372036854775808 % 3"#, #"null"#, .outputs([#"0"#, #"2"#])),
            JQCase(#". % 0"#, #"1"#,
                   .runtimeError(#"number (1) and number (0) cannot be divided (remainder) because the divisor is zero"#)),
            JQCase(#"1 % 0.5"#, #"null"#,
                   .runtimeError(#"number (1) and number (0.5) cannot be divided (remainder) because the divisor is zero"#)),
            JQCase(#""a" % 1"#, #"null"#, .runtimeError(#"string ("a") and number (1) cannot be divided (remainder)"#)),
        ])
    }

    /// Unary minus negates numbers and binds looser than `*`.
    func testNegationAppliesToNumbersOnly() {
        assertCases([
            JQCase(#"[-.[] | . * 2]"#, #"[1,2]"#, .outputs([#"[-2,-4]"#])),
            JQCase(#"-1 + 2"#, #"null"#, .outputs([#"1"#])),
            JQCase(#"- .a | length"#, #"{"a":3}"#, .outputs([#"3"#])),
            JQCase(#"[-(1,2)]"#, #"null"#, .outputs([#"[-1,-2]"#])),
            JQCase(#"[.[] | -.]"#, #"[0]"#, .outputs([#"[-0]"#])),
            JQCase(#"-"a""#, #"null"#, .runtimeError(#"string ("a") cannot be negated"#)),
        ])
    }

    /// Comparisons order null < false < true < numbers < strings < arrays < objects.
    func testComparisonsUseJqTotalOrder() {
        assertCases([
            JQCase(#"[1 < 2, "a" < "b", null < false, false < true, true < 0, 0 < "", "" < [], [] < {}, [1] < [1,0], {} < {"a":1}]"#, #"null"#,
                   .outputs([#"[true,true,true,true,true,true,true,true,true,true]"#])),
            JQCase(#"[1 == 1.0, "a" != "b", {"a":1,"b":2} == {"b":2,"a":1}, [1,{"a":2}] == [1,{"a":2}]]"#, #"null"#,
                   .outputs([#"[true,true,true,true]"#])),
            JQCase(#"[(1,2) < (1,2)]"#, #"null"#, .outputs([#"[false,false,true,false]"#])),
            JQCase(#"(0/0) as $nan | [$nan < $nan, $nan < 1, 1 < $nan, $nan == $nan, $nan > $nan, [$nan] == [$nan]]"#, #"null"#,
                   .outputs([#"[true,true,false,false,false,false]"#])),
            JQCase(#"["A" < "a", "a" < "b", "b" < "é", "é" < "ê"]"#, #"null"#, .outputs([#"[true,true,true,true]"#])),
        ])
    }

    /// `and`, `or` and `not` give booleans by truthiness; the left side varies slowest.
    func testLogicShortCircuitsPerOutput() {
        assertCases([
            JQCase(#"[(true,false) and (true,false)]"#, #"null"#, .outputs([#"[true,false,false]"#])),
            JQCase(#"[(true,false) or (true,false)]"#, #"null"#, .outputs([#"[true,true,false]"#])),
            JQCase(#"1 and (true,false)"#, #"null"#, .outputs([#"true"#, #"false"#])),
            JQCase(#"false and error("x")"#, #"null"#, .outputs([#"false"#])),
            JQCase(#"null or error("x")"#, #"null"#, .runtimeError(#"x"#)),
            JQCase(#"[.[] | not]"#, #"[null,false,0,"",[]]"#, .outputs([#"[true,true,false,false,false]"#])),
            JQCase(#"true and not"#, #"true"#, .outputs([#"false"#])),
        ])
    }

    /// `//` yields the truthy outputs of its left side, or else its right side's.
    func testAlternativeSkipsNullAndFalse() {
        assertCases([
            JQCase(#"[.[] // "d"]"#, #"[null,false,1]"#, .outputs([#"[1]"#])),
            JQCase(#"(.a // .b)"#, #"{"a":false,"b":2}"#, .outputs([#"2"#])),
            JQCase(#"[(null,1,false,2) // 3]"#, #"null"#, .outputs([#"[1,2]"#])),
            JQCase(#"[(null,false) // (3,4)]"#, #"null"#, .outputs([#"[3,4]"#])),
            JQCase(#"[empty // 5]"#, #"null"#, .outputs([#"[5]"#])),
            JQCase(#"[(1,2) // (3,4)]"#, #"null"#, .outputs([#"[1,2]"#])),
            JQCase(#"[error("x") // 5]"#, #"null"#, .runtimeError(#"x"#)),
            JQCase(#".a.b // "d""#, #"{"a":5}"#, .runtimeError(#"Cannot index number with string "b""#)),
        ])
    }

    /// `if … then … elif … else … end` tests each output of the condition.
    func testConditionalsChooseByTruthiness() {
        assertCases([
            JQCase(#"if . == 1 then "a" elif . == 2 then "b" else "c" end"#, #"2"#, .outputs([#""b""#])),
            JQCase(#"if . == 1 then "a" elif . == 2 then "b" else "c" end"#, #"3"#, .outputs([#""c""#])),
            JQCase(#"[if (true,false) then (1,2) else 3 end]"#, #"null"#, .outputs([#"[1,2,3]"#])),
            JQCase(#"[.[] | if . then 1 else 0 end]"#, #"[null,false,0,""]"#, .outputs([#"[0,0,1,1]"#])),
        ])
    }

    /// `source as $x | body` runs the body once per output of the source, scoped lexically.
    func testVariablesBindPerOutput() {
        assertCases([
            JQCase(#". as $x | [$x, .] | . as $x | $x"#, #"1"#, .outputs([#"[1,1]"#])),
            JQCase(#"1 + . as $x | $x * 10"#, #"2"#, .outputs([#"21"#])),
            JQCase(#"1, . as $x | $x | 2"#, #"5"#, .outputs([#"1"#, #"2"#])),
            JQCase(#"1 as $x | [$x, (2 as $x | $x), $x]"#, #"null"#, .outputs([#"[1,2,1]"#])),
            JQCase(#"[.[] as $x | $x * 2]"#, #"[1,2]"#, .outputs([#"[2,4]"#])),
            JQCase(#"[(1,2) as $x | ($x, 10)]"#, #"null"#, .outputs([#"[1,10,2,10]"#])),
            JQCase(#".a as $a | .b as $b | {sum: ($a + $b)}"#, #"{"a":1,"b":2}"#, .outputs([#"{"sum":3}"#])),
            JQCase(#""x" as $x | "a\($x)""#, #"null"#, .outputs([#""ax""#])),
        ])
    }

    /// `reduce` threads a state through every output; the last update output counts.
    func testReduceFoldsEveryOutput() {
        assertCases([
            JQCase(#"reduce .[] as $x (0; . + $x)"#, #"[1,2,3]"#, .outputs([#"6"#])),
            JQCase(#"reduce .[] as $x (0; ., 100)"#, #"[1,2]"#, .outputs([#"100"#])),
            JQCase(#"reduce .[] as $x (0; empty)"#, #"[1,2]"#, .outputs([#"null"#])),
            JQCase(#"reduce empty as $x (0; .+1)"#, #"null"#, .outputs([#"0"#])),
            JQCase(#". as $x | reduce .[] as $y ($x; . + $y)"#, #"[1]"#,
                   .runtimeError(#"array ([1]) and number (1) cannot be added"#)),
        ])
    }

    /// `try` and `?` stop at the first error of their body; `catch` receives the error value.
    func testTryCatchesErrorsOfItsBody() {
        assertCases([
            JQCase(#"try error("x") catch ."#, #"null"#, .outputs([#""x""#])),
            JQCase(#"try error({a:1}) catch .a"#, #"null"#, .outputs([#"1"#])),
            JQCase(#"[.[] | (1/.)?]"#, #"[1,0,2]"#, .outputs([#"[1,0.5]"#])),
            JQCase(#"[(1,error("x"),2)?]"#, #"null"#, .outputs([#"[1]"#])),
            JQCase(#"[.[] | try error catch .]"#, #"[1,"a"]"#, .outputs([#"[1,"a"]"#])),
            JQCase(#"[error((1,2))?]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"try error("x") catch . | length"#, #"null"#, .outputs([#"1"#])),
            JQCase(#"try error("x") catch . + "y""#, #"null"#, .outputs([#""xy""#])),
            JQCase(#".a? | error("boom")"#, #"{"a":1}"#, .runtimeError(#"boom"#)),
            JQCase(#"[.[]? | if . == 2 then error("boom") else . end]"#, #"[1,2,3]"#, .runtimeError(#"boom"#)),
        ])
    }

    /// `error` fails with the input or the argument as the message.
    func testErrorRaisesItsValue() {
        assertCases([
            JQCase(#"error"#, #""boom""#, .runtimeError(#"boom"#)),
            JQCase(#"error"#, #"{"a":1}"#, .runtimeError(#"{"a":1} (not a string)"#)),
            JQCase(#"error("x")"#, #"null"#, .runtimeError(#"x"#)),
            JQCase(#"try error(null) catch ."#, #"null"#, .outputs([])),
            JQCase(#"[error(null)], [null | error]"#, #"null"#, .outputs([#"[]"#, #"[]"#])),
        ])
    }

    /// A `try` or a `?` after anything but a path is ended by any error raised while it is active, even by what consumes its outputs, as in jq 1.6; a `catch` then runs on that error.
    func testTryAlsoEndsOnLaterErrorsAsJq16() {
        assertCases([
            JQCase(#"[(try (1,2,3)) | if . == 2 then error("boom") else . end]"#, #"null"#, .outputs([#"[1]"#])),
            JQCase(#"[(1,2)? | if . == 1 then error("x") else . end]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"[(try (1,2) catch "c") | if . == 1 then error("x") else . end]"#, #"null"#, .outputs([#"["c"]"#])),
            JQCase(#"[(try (1,2) catch .) | if . == 1 then error("x") else . end]"#, #"null"#, .outputs([#"["x"]"#])),
            JQCase(#"[("a","b") | (1)? | error(.)]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"[(1)? , 2 | error("x")]"#, #"null"#, .runtimeError(#"x"#)),
            JQCase(#"[1 | try error("a") catch error("b")]"#, #"null"#, .runtimeError(#"b"#)),
            JQCase(#"(try 1) | error("x")"#, #"null"#, .outputs([])),
            JQCase(#"[.[] | tostring? | error]"#, #"[1,2]"#, .outputs([#"[]"#])),
        ])
    }

    /// `.a?`, `.[k]?`, `.[]?` and `.[a:b]?` drop the error of that step only.
    func testPathOptionalDropsOnlyItsOwnError() {
        assertCases([
            JQCase(#"[.[]? | if . == 1 then error("x") else . end]"#, #"[1,2]"#, .runtimeError(#"x"#)),
            JQCase(#"5 | [.a.b?]"#, #"null"#, .runtimeError(#"Cannot index number with string "a""#)),
            JQCase(#"5 | [.a?.b?]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"5 | [.a[0]?]"#, #"null"#, .runtimeError(#"Cannot index number with string "a""#)),
            JQCase(#"5 | [."a"?, .["a"]?, .[1:]?, .[]?]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"[(error("x")).a?]"#, #"null"#, .runtimeError(#"x"#)),
            JQCase(#"[error("x")[]?]"#, #"null"#, .runtimeError(#"x"#)),
            JQCase(#"5 | [.[(error("k"))]?]"#, #"null"#, .runtimeError(#"k"#)),
            JQCase(#"[(.a)? | error("x")]"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"[(.a,.b)?]"#, #"null"#, .outputs([#"[null,null]"#])),
            JQCase(#"try -2.5? catch .?"#, #"null"#, .outputs([#"-2.5"#])),
            JQCase(#"[if true then 1 else 2 end?, (reduce (1,2) as $x (0; . + $x))?]"#, #"null"#,
                   .outputs([#"[1,3]"#])),
        ])
    }
}
