import XCTest
@testable import TributaryFirehose

/// Regular expressions: `test`, `sub`, `gsub`.
/// Expected values were produced by running jq 1.6 on each case (the engine AWS names `JQ-1.6`).
final class JQRegexTests: XCTestCase {
    /// `test(re)` and `test(re; flags)` search the string; `[re, flags]` is accepted too.
    func testTestMatchesAnywhere() {
        assertCases([
            JQCase(#"[test("a.c"), test("A"), test("A";"i"), test(["A","i"]), test("^x"), test("x$")]"#, #""xabcx""#,
                   .outputs([#"[true,false,true,true,true,true]"#])),
            JQCase(#"test("a")"#, #"1"#, .runtimeError(#"number (1) cannot be matched, as it is not a string"#)),
            JQCase(#"test(1)"#, #""a""#, .runtimeError(#"number not a string or array"#)),
            JQCase(#"test("a";"q")"#, #""a""#, .runtimeError(#"q is not a valid modifier string"#)),
            JQCase(#"test("")"#, #""""#, .outputs([#"true"#])),
            JQCase(#"test("\\d+")"#, #""a12""#, .outputs([#"true"#])),
            JQCase(#"test("^\\w+$")"#, #""héllo""#, .outputs([#"true"#])),
            JQCase(#"[test("^b"), test("a$"), test("a.b"), test("a.b";"p"), test("A B";"xi"), test("a";"gs")]"#, #""a\nb""#,
                   .outputs([#"[false,false,false,true,false,true]"#])),
            JQCase(#"test("\\p{Lu}")"#, #""aÉ""#, .outputs([#"true"#])),
        ])
    }

    /// `sub` replaces the first match; the replacement sees the named groups as `.`.
    func testSubReplacesTheFirstMatch() {
        assertCases([
            JQCase(#"sub("a";"b")"#, #""aaa""#, .outputs([#""baa""#])),
            JQCase(#"sub("(?<x>[a-z]+)";"<\(.x)>")"#, #""12abc34def""#, .outputs([#""12<abc>34def""#])),
            JQCase(#"sub("a";"b")"#, #"1"#, .runtimeError(#"number (1) cannot be matched, as it is not a string"#)),
            JQCase(#"[sub("a";"x","y")]"#, #""aba""#, .outputs([#"["xba","yba"]"#])),
            JQCase(#"sub("b";1)"#, #""abc""#, .runtimeError(#"string ("a") and number (1) cannot be added"#)),
            JQCase(#"sub("b"; tojson)"#, #""abc""#, .outputs([#""a{}c""#])),
            JQCase(#"sub("(b)"; "[\(.)]")"#, #""abc""#, .outputs([#""a[{}]c""#])),
            JQCase(#"sub("b"; null)"#, #""abc""#, .outputs([#""ac""#])),
            JQCase(#"sub("b";"x";"g")"#, #""abb""#, .outputs([#""axx""#])),
            JQCase(#"sub("B";"x";"gi")"#, #""abb""#, .outputs([#""axx""#])),
            JQCase(#"sub(["B","i"];"x")"#, #""abc""#, .outputs([#""axc""#])),
            JQCase(#"sub("zz";"x")"#, #""abc""#, .outputs([#""abc""#])),
            JQCase(#"sub("^";">")"#, #""ab""#, .outputs([#"">ab""#])),
            JQCase(#"sub("(?<x>a)|(?<y>b)"; "\(.y)")"#, #""a""#, .outputs([#""null""#])),
        ])
    }

    /// `gsub` replaces every match, left to right, code points intact.
    func testGsubReplacesEveryMatch() {
        assertCases([
            JQCase(#"gsub("a";"b")"#, #""aaa""#, .outputs([#""bbb""#])),
            JQCase(#"gsub("(?<x>[a-z]+)";"<\(.x)>")"#, #""12abc34def""#, .outputs([#""12<abc>34<def>""#])),
            JQCase(#"gsub("\\s";"")"#, #"" a b ""#, .outputs([#""ab""#])),
            JQCase(#"gsub("(?<x>a)|(?<y>b)";"[\(.x),\(.y)]")"#, #""ab""#, .outputs([#""[a,null][null,b]""#])),
            JQCase(#"[gsub("a";"x","y")]"#, #""aba""#, .outputs([#"["xbx","ybx","xby","yby"]"#])),
            JQCase(#"gsub("é";"e")"#, #""éaé""#, .outputs([#""eae""#])),
            JQCase(#"gsub("(?<x>b)"; tojson)"#, #""abcb""#, .outputs([#""a{\"x\":\"b\"}c{\"x\":\"b\"}""#])),
            JQCase(#"gsub("b"; null)"#, #""abcb""#, .outputs([#""ac""#])),
            JQCase(#"gsub("(?<x>.)";"\(.x)\(.x)")"#, #""héllo""#, .outputs([#""hhéélllloo""#])),
            JQCase(#"gsub("\\p{L}";"x")"#, #""é1""#, .outputs([#""x1""#])),
            JQCase(#"gsub("a";"b";"x")"#, #""a a""#, .outputs([#""b b""#])),
            JQCase(#"gsub("A";"b";"i")"#, #""aA""#, .outputs([#""bb""#])),
            JQCase(#"gsub("-";"_") | ascii_downcase"#, #""US-East-1""#, .outputs([#""us_east_1""#])),
        ])
    }
}
