import XCTest
@testable import TributaryFirehose

/// The builtins on values, strings and collections.
/// Expected values were produced by running jq 1.6 on each case (the engine AWS names `JQ-1.6`).
final class JQBuiltinTests: XCTestCase {
    /// `length`: 0 for null, absolute value for numbers, code points for strings, members otherwise.
    func testLengthCountsByType() {
        assertCases([
            JQCase(#"[.[] | length]"#, #"[null, -5.5, "héllo😀", [1,2], {"a":1}]"#, .outputs([#"[0,5.5,6,2,1]"#])),
            JQCase(#"length"#, #"true"#, .runtimeError(#"boolean (true) has no length"#)),
            JQCase(#"utf8bytelength"#, #""é😀""#, .outputs([#"6"#])),
            JQCase(#"utf8bytelength"#, #"1"#, .runtimeError(#"number (1) only strings have UTF-8 byte length"#)),
        ])
    }

    /// `keys` sorts by bytes, `keys_unsorted` keeps order, `has` and `in` test membership.
    func testKeysAndHasInspectContainers() {
        assertCases([
            JQCase(#"keys"#, #"{"b":1,"a":2,"A":3,"é":0}"#, .outputs([#"["A","a","b","é"]"#])),
            JQCase(#"keys"#, #"[5,6]"#, .outputs([#"[0,1]"#])),
            JQCase(#"keys"#, #"1"#, .runtimeError(#"number (1) has no keys"#)),
            JQCase(#"keys"#, #"null"#, .runtimeError(#"null (null) has no keys"#)),
            JQCase(#"keys_unsorted"#, #"{"b":1,"a":2}"#, .outputs([#"["b","a"]"#])),
            JQCase(#"has("a")"#, #"{"a":null}"#, .outputs([#"true"#])),
            JQCase(#"[has(1), has(2), has(-1), has(1.5)]"#, #"[1,2]"#, .outputs([#"[true,false,false,true]"#])),
            JQCase(#"has(1)"#, #"{"a":1}"#, .runtimeError(#"Cannot check whether object has a number key"#)),
            JQCase(#"has("a")"#, #"[1]"#, .runtimeError(#"Cannot check whether array has a string key"#)),
            JQCase(#"has("a")"#, #"null"#, .outputs([#"false"#])),
            JQCase(#"has(null)"#, #"{}"#, .runtimeError(#"Cannot check whether object has a null key"#)),
            JQCase(#""a" | in({"a":1})"#, #"null"#, .outputs([#"true"#])),
            JQCase(#"[.[] | in([1])]"#, #"[0,1]"#, .outputs([#"[true,false]"#])),
            JQCase(#"to_entries"#, #"{"b":1,"a":2}"#, .outputs([#"[{"key":"b","value":1},{"key":"a","value":2}]"#])),
            JQCase(#"to_entries"#, #"[5]"#, .outputs([#"[{"key":0,"value":5}]"#])),
            JQCase(#"to_entries"#, #"1"#, .runtimeError(#"number (1) has no keys"#)),
        ])
    }

    /// `map(f)` collects `f` per element (array or object values); `select(f)` keeps truthy.
    func testMapAndSelectRunFilters() {
        assertCases([
            JQCase(#"map(.+1)"#, #"[1,2]"#, .outputs([#"[2,3]"#])),
            JQCase(#"map(.+1)"#, #"{"a":1}"#, .outputs([#"[2]"#])),
            JQCase(#"map(.)"#, #"1"#, .runtimeError(#"Cannot iterate over number (1)"#)),
            JQCase(#"map(select(. > 1))"#, #"[1,2,3]"#, .outputs([#"[2,3]"#])),
            JQCase(#"[.[] | select(type == "string")]"#, #"[1,"a",null,"b"]"#, .outputs([#"["a","b"]"#])),
            JQCase(#"[.[] | select((true, true))]"#, #"[1]"#, .outputs([#"[1,1]"#])),
        ])
    }

    /// `type`, `tostring`, `tojson`, `fromjson` and `tonumber` as jq 1.6.
    func testTypeAndConversions() {
        assertCases([
            JQCase(#"[.[] | type]"#, #"[null,true,1,"a",[],{}]"#,
                   .outputs([#"["null","boolean","number","string","array","object"]"#])),
            JQCase(#"[.[] | tostring]"#, #"[null,true,1.5,"a",[1],{"a":"b"}]"#,
                   .outputs([#"["null","true","1.5","a","[1]","{\"a\":\"b\"}"]"#])),
            JQCase(#"[.[] | tojson]"#, #"[null,true,1.5,"a",[1],{"a":"b"}]"#,
                   .outputs([#"["null","true","1.5","\"a\"","[1]","{\"a\":\"b\"}"]"#])),
            JQCase(#"[.[] | tonumber]"#, #"["1","1.5","1e3"," 2","-0","01","+1",".5"]"#,
                   .outputs([#"[1,1.5,1000,2,-0,1,1,0.5]"#])),
            JQCase(#"tonumber"#, #""abc""#,
                   .runtimeError(#"Invalid numeric literal at EOF at line 1, column 3 (while parsing 'abc')"#)),
            JQCase(#"tonumber"#, #""1 2""#, .runtimeError(#"Unexpected extra JSON values (while parsing '1 2')"#)),
            JQCase(#"tonumber"#, #""""#, .runtimeError(#"Expected JSON value (while parsing '')"#)),
            JQCase(#"tonumber"#, #"null"#, .runtimeError(#"null (null) cannot be parsed as a number"#)),
            JQCase(#"tonumber"#, #""[1]""#, .runtimeError(#"string ("[1]") cannot be parsed as a number"#)),
            JQCase(#"fromjson"#, #""{\"a\":1} ""#, .outputs([#"{"a":1}"#])),
            JQCase(#"fromjson"#, #""[1,{\"b\":[true]}]""#, .outputs([#"[1,{"b":[true]}]"#])),
            JQCase(#"fromjson"#, #""abc""#,
                   .runtimeError(#"Invalid numeric literal at EOF at line 1, column 3 (while parsing 'abc')"#)),
            JQCase(#"fromjson"#, #""1 2""#, .runtimeError(#"Unexpected extra JSON values (while parsing '1 2')"#)),
            JQCase(#"fromjson"#, #"1"#, .runtimeError(#"number (1) only strings can be parsed"#)),
            JQCase(#"fromjson"#, #""""#, .runtimeError(#"Expected JSON value (while parsing '')"#)),
        ])
    }

    /// `ascii_downcase`, `ascii_upcase`, `ltrimstr`, `rtrimstr`, `startswith`, `endswith`.
    func testCaseAndTrimmingBuiltins() {
        assertCases([
            JQCase(#"ascii_downcase"#, #""HeLLo ÄÖ""#, .outputs([#""hello ÄÖ""#])),
            JQCase(#"ascii_upcase"#, #""hello äö""#, .outputs([#""HELLO äö""#])),
            JQCase(#"ascii_upcase"#, #"1"#, .runtimeError(#"explode input must be a string"#)),
            JQCase(#"[ltrimstr("a"), rtrimstr("b"), ltrimstr(1), rtrimstr("aab"), ltrimstr("x")]"#, #""aab""#,
                   .outputs([#"["ab","aa","aab","","aab"]"#])),
            JQCase(#"ltrimstr("a")"#, #"1"#, .outputs([#"1"#])),
            JQCase(#"[startswith("a"), endswith("c"), startswith("abcd"), endswith("")]"#, #""abc""#,
                   .outputs([#"[true,true,false,true]"#])),
            JQCase(#"startswith("a")"#, #"1"#, .runtimeError(#"startswith() requires string inputs"#)),
            JQCase(#"endswith(1)"#, #""a""#, .runtimeError(#"endswith() requires string inputs"#)),
        ])
    }

    /// `split/1` keeps empty pieces; `join` writes null as "" and numbers and booleans as JSON.
    func testSplitAndJoin() {
        assertCases([
            JQCase(#"split(",")"#, #""a,b""#, .outputs([#"["a","b"]"#])),
            JQCase(#"split(",")"#, #"1"#, .runtimeError(#"split input and separator must be strings"#)),
            JQCase(#"split(1)"#, #""a""#, .runtimeError(#"split input and separator must be strings"#)),
            JQCase(#"split("")"#, #""héllo""#, .outputs([#"["h","é","l","l","o"]"#])),
            JQCase(#"split(", ")"#, #""a, b, c""#, .outputs([#"["a","b","c"]"#])),
            JQCase(#"split(",")"#, #""""#, .outputs([#"[]"#])),
            JQCase(#"split(",")"#, #""a,""#, .outputs([#"["a",""]"#])),
            JQCase(#"split(",")"#, #"",a,,""#, .outputs([#"["","a","",""]"#])),
            JQCase(#"join(",")"#, #"["a",1,true,null,"b"]"#, .outputs([#""a,1,true,,b""#])),
            JQCase(#"join(",")"#, #"[[1]]"#, .runtimeError(#"string ("") and array ([1]) cannot be added"#)),
            JQCase(#"join(",")"#, #"[]"#, .outputs([#""""#])),
            JQCase(#"join(1)"#, #"["a","b"]"#, .runtimeError(#"string ("a") and number (1) cannot be added"#)),
            JQCase(#"join(",")"#, #""ab""#, .runtimeError(#"Cannot iterate over string ("ab")"#)),
            JQCase(#"join(",")"#, #"{"a":"x","b":"y"}"#, .outputs([#""x,y""#])),
            JQCase(#"[join(",",";")]"#, #"["a","b"]"#, .outputs([#"["a,b","a;b"]"#])),
        ])
    }

    /// `contains` by substring, subset and equality; differing top-level kinds fail.
    func testContainsComparesStructurally() {
        assertCases([
            JQCase(#"contains("bar")"#, #""foobar""#, .outputs([#"true"#])),
            JQCase(#"contains(["baz", "bar"])"#, #"["foobar", "foobaz", "blarp"]"#, .outputs([#"true"#])),
            JQCase(#"contains({foo: 12, bar: [{barp: 12}]})"#, #"{"foo": 12, "bar":[1,2,{"barp":12, "blip":13}]}"#,
                   .outputs([#"true"#])),
            JQCase(#"contains(1)"#, #""a""#,
                   .runtimeError(#"string ("a") and number (1) cannot have their containment checked"#)),
            JQCase(#"contains(1), contains(2)"#, #"1"#, .outputs([#"true"#, #"false"#])),
            JQCase(#"contains(null)"#, #"null"#, .outputs([#"true"#])),
            JQCase(#"contains(true)"#, #"false"#,
                   .runtimeError(#"boolean (false) and boolean (true) cannot have their containment checked"#)),
            JQCase(#"contains(true)"#, #"true"#, .outputs([#"true"#])),
            JQCase(#"contains({a:true})"#, #"{"a":false}"#, .outputs([#"false"#])),
            JQCase(#"contains({a:1})"#, #"{"b":1}"#, .outputs([#"false"#])),
        ])
    }

    /// `add`, `first`, `last`, `min`, `max`, `sort`, `unique`, `reverse` as jq 1.6 defines them.
    func testCollectionBuiltins() {
        assertCases([
            JQCase(#"add"#, #"[1,2,3]"#, .outputs([#"6"#])),
            JQCase(#"add"#, #"["a","b"]"#, .outputs([#""ab""#])),
            JQCase(#"add"#, #"[[1],[2]]"#, .outputs([#"[1,2]"#])),
            JQCase(#"add"#, #"[]"#, .outputs([#"null"#])),
            JQCase(#"add"#, #"{"a":1,"b":2}"#, .outputs([#"3"#])),
            JQCase(#"add"#, #"[1,"a"]"#, .runtimeError(#"number (1) and string ("a") cannot be added"#)),
            JQCase(#"add"#, #"1"#, .runtimeError(#"Cannot iterate over number (1)"#)),
            JQCase(#"add"#, #"[null,1]"#, .outputs([#"1"#])),
            JQCase(#"add"#, #"[{"a":1},{"b":2}]"#, .outputs([#"{"a":1,"b":2}"#])),
            JQCase(#"first, last"#, #"[1,2]"#, .outputs([#"1"#, #"2"#])),
            JQCase(#"first"#, #"[]"#, .outputs([#"null"#])),
            JQCase(#"first"#, #"null"#, .outputs([#"null"#])),
            JQCase(#"first"#, #""ab""#, .runtimeError(#"Cannot index string with number"#)),
            JQCase(#"last"#, #"{}"#, .runtimeError(#"Cannot index object with number"#)),
            JQCase(#"min, max"#, #"[3,1,2]"#, .outputs([#"1"#, #"3"#])),
            JQCase(#"max"#, #"[3,1,"a",null]"#, .outputs([#""a""#])),
            JQCase(#"min"#, #"[]"#, .outputs([#"null"#])),
            JQCase(#"min"#, #"1"#, .runtimeError(#"number (1) and number (1) cannot be iterated over"#)),
            JQCase(#"max"#, #"{"a":1}"#,
                   .runtimeError(#"object ({"a":1}) and object ({"a":1}) cannot be iterated over"#)),
            JQCase(#"min, max"#, #"[null,1]"#, .outputs([#"null"#, #"1"#])),
            JQCase(#"min, max"#, #"[1,null]"#, .outputs([#"null"#, #"1"#])),
            JQCase(#"sort"#, #"[3,1,null,true,false,"b","a",[2],[1,2],{"b":1},{"a":2},{"a":1,"b":0}]"#,
                   .outputs([#"[null,false,true,1,3,"a","b",[1,2],[2],{"a":2},{"a":1,"b":0},{"b":1}]"#])),
            JQCase(#"sort"#, #""ab""#, .runtimeError(#"string ("ab") cannot be sorted, as it is not an array"#)),
            JQCase(#"unique"#, #"[1,2,1,"a","a",[1],[1]]"#, .outputs([#"[1,2,"a",[1]]"#])),
            JQCase(#"unique"#, #"1"#, .runtimeError(#"Cannot iterate over number (1)"#)),
            JQCase(#"(0/0) as $nan | [$nan, 1, $nan, 0] | sort"#, #"null"#, .outputs([#"[null,null,0,1]"#])),
            JQCase(#"reverse"#, #"[1,2]"#, .outputs([#"[2,1]"#])),
            JQCase(#"reverse"#, #""abc""#, .runtimeError(#"Cannot index string with number"#)),
            JQCase(#"reverse"#, #"null"#, .outputs([#"[]"#])),
            JQCase(#"reverse"#, #""""#, .outputs([#"[]"#])),
        ])
    }

    /// `floor`, `ceil`, `round`, `sqrt` need numbers.
    func testMathBuiltins() {
        assertCases([
            JQCase(#"floor, ceil, round, sqrt"#, #"1.5"#, .outputs([#"1"#, #"2"#, #"2"#, #"1.224744871391589"#])),
            JQCase(#"floor, ceil, round"#, #"-1.5"#, .outputs([#"-2"#, #"-1"#, #"-2"#])),
            JQCase(#"[.[]|floor]"#, #"[1e300, -0.5]"#, .outputs([#"[1e+300,-1]"#])),
            JQCase(#"floor"#, #""a""#, .runtimeError(#"string ("a") number required"#)),
            JQCase(#"sqrt"#, #"-1"#, .outputs([#"null"#])),
            JQCase(#"sqrt"#, #"null"#, .runtimeError(#"null (null) number required"#)),
        ])
    }

    /// Builtin arguments with several outputs give every combination.
    func testArgumentsCombineFirstSlowest() {
        assertCases([
            JQCase(#"[has("a","b")]"#, #"{"a":1}"#, .outputs([#"[true,false]"#])),
            JQCase(#"[split(",",";")]"#, #""a,b;c""#, .outputs([#"[["a","b;c"],["a,b","c"]]"#])),
            JQCase(#"[ltrimstr("a","b")]"#, #""ab""#, .outputs([#"["b","ab"]"#])),
            JQCase(#"[contains("a","b")]"#, #""a""#, .outputs([#"[true,false]"#])),
            JQCase(#"[strftime("%Y","%m")]"#, #"0"#, .outputs([#"["1970","01"]"#])),
        ])
    }
}
