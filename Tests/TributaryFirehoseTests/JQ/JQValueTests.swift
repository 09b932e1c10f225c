import XCTest
@testable import TributaryFirehose

/// `JQValue`: jq 1.6's JSON text, partition-key text, equality and order, and the ordered object.
final class JQValueTests: XCTestCase {
    /// Input text of a number, and jq 1.6's printing of it (from running jq over random doubles of every magnitude).
    private static let printedNumbers: [(String, String)] = [
        ("953078824548.1569", "953078824548.1569"), ("6.858410257358684e+84", "6.858410257358684e+84"),
        ("8.391468627921774e-246", "8.391468627921774e-246"), ("4.29120025221327e-224", "4.29120025221327e-224"),
        ("9.18733656828792e-261", "9.18733656828792e-261"), ("1.3374609259778638e-101", "1.3374609259778638e-101"),
        ("4.763549362336835e+124", "4.763549362336835e+124"), ("1.8164171200947855e-74", "1.8164171200947855e-74"),
        ("1.5319945547109025e+114", "1.5319945547109025e+114"), ("2.11421765034681e+259", "2.11421765034681e+259"),
        ("6.675633241585634e-92", "6.675633241585634e-92"), ("9.529380482113052e+276", "9.529380482113052e+276"),
        ("6.269872803763482e+270", "6.269872803763482e+270"), ("9.78629595033628e-270", "9.78629595033628e-270"),
        ("6.009984081433834e-273", "6.009984081433834e-273"), ("3.6064835769850864e-184", "3.6064835769850864e-184"),
        ("5.8661729697892826e-173", "5.8661729697892826e-173"),
        ("3.7763364169174094e+264", "3.7763364169174094e+264"),
        ("1.9275014119923224e-135", "1.9275014119923224e-135"), ("6.750221220335656e+264", "6.750221220335656e+264"),
        ("1.8768751839526002e+61", "1.8768751839526002e+61"), ("6.07931463820048e-256", "6.07931463820048e-256"),
        ("5.467730456021427e-110", "5.467730456021427e-110"), ("4.848330751024626e+224", "4.848330751024626e+224"),
        ("51.90416792557066", "51.90416792557066"), ("4.254241203501097e+144", "4.254241203501097e+144"),
        ("8.149415333702421e-66", "8.149415333702421e-66"), ("1.7366950971619284e-71", "1.7366950971619284e-71"),
        ("5.726768534303063e-13", "5.726768534303063e-13"),
        ("7.5650076049529585e+31", "75650076049529585000000000000000"),
        ("6.480631171327632e-26", "6.480631171327632e-26"), ("2.0625920042946592e-246", "2.0625920042946592e-246"),
        ("2.484658932792159e+108", "2.484658932792159e+108"),
        ("2.3678608119445431e+30", "2367860811944543100000000000000"),
        ("4.795285190290699e+180", "4.795285190290699e+180"), ("7.881137795915318e-241", "7.881137795915318e-241"),
        ("8.101847543413193e+266", "8.101847543413193e+266"), ("40.61101259720759", "40.61101259720759"),
        ("6.349328893945166e+38", "6.349328893945166e+38"), ("8.172027782394348e+273", "8.172027782394348e+273"),
        ("8.559710024612873e-250", "8.559710024612873e-250"), ("5.2668850367768e-44", "5.2668850367768e-44"),
        ("1.5460248483749773e-254", "1.5460248483749773e-254"), ("0.0068241596907490185", "0.0068241596907490185"),
        ("3.561359788847343e+136", "3.561359788847343e+136"), ("8.983362630142825e+75", "8.983362630142825e+75"),
        ("1.2030663525002971e+35", "1.2030663525002971e+35"), ("4.199176985863115e+152", "4.199176985863115e+152"),
        ("2.053862150335587e+305", "2.053862150335587e+305"), ("2.963869973377115e-260", "2.963869973377115e-260"),
        ("2.1640619981681583e-26", "2.1640619981681583e-26"), ("4.581079106916094e-67", "4.581079106916094e-67"),
        ("1.7252317108012478e+188", "1.7252317108012478e+188"), ("4.614798307008737e+139", "4.614798307008737e+139"),
        ("8.950454437973612e-36", "8.950454437973612e-36"), ("8.775860227286635e+120", "8.775860227286635e+120"),
        ("7.357570385468518e-35", "7.357570385468518e-35"), ("7.144507534487064e+47", "7.144507534487064e+47"),
        ("9.619580835675921e+69", "9.619580835675921e+69"), ("1.7468622519519887e-166", "1.7468622519519887e-166"),
        ("1.159723123546231e-22", "1.159723123546231e-22"), ("5.910963699252187e-21", "5.910963699252187e-21"),
        ("1.0972036134823183e+290", "1.0972036134823183e+290"),
        ("-8.778274695488077e-199", "-8.778274695488077e-199"), ("1.090005303794371e+16", "10900053037943710"),
        ("1.2886468538418473e-303", "1.2886468538418473e-303"), ("4.129480945233413e+208", "4.129480945233413e+208"),
        ("2.337771298955827e+147", "2.337771298955827e+147"), ("-7.318246478204046e-227", "-7.318246478204046e-227"),
        ("-5.4101736923461194e+250", "-5.4101736923461194e+250"), ("-8.92837551424945e-74", "-8.92837551424945e-74"),
        ("-1.4908731087671445e-289", "-1.4908731087671445e-289"),
        ("-1.1529877316586263e-163", "-1.1529877316586263e-163"),
        ("-2.1054384047219783e-91", "-2.1054384047219783e-91"), ("4.329932825186191e-242", "4.329932825186191e-242"),
        ("-5.0554049250550326e+184", "-5.0554049250550326e+184"),
        ("-1.8662594217051923e+37", "-1.8662594217051923e+37"), ("-6.74413055913084e+153", "-6.74413055913084e+153"),
        ("-2.1860199898939037e+59", "-2.1860199898939037e+59"), ("7.496644606117518e+175", "7.496644606117518e+175"),
        ("1.0344777957474994e+184", "1.0344777957474994e+184"), ("5.24366251661249e-181", "5.24366251661249e-181"),
        ("-4.3055245926028695e-143", "-4.3055245926028695e-143"),
        ("6.3351259938441454e-232", "6.3351259938441454e-232"),
        ("1.2534354351553828e-225", "1.2534354351553828e-225"), ("2.9240169314463046e-51", "2.9240169314463046e-51"),
        ("1.5276358721441904e-108", "1.5276358721441904e-108"),
        ("2.2362770983306387e+111", "2.2362770983306387e+111"), ("7.906791990397519e-244", "7.906791990397519e-244"),
        ("2.126087216099329e-308", "2.126087216099329e-308"), ("1e15", "1000000000000000"), ("1e16", "1e+16"),
        ("123456789012345680000", "123456789012345680000"), ("0.000123", "0.000123"), ("0.0000123", "1.23e-05"),
        ("1.5e-7", "1.5e-07"), ("99999999999999990000", "99999999999999980000"), ("4.35", "4.35"), ("0.1", "0.1"),
        ("2.5e-5", "2.5e-05"), ("1e-4", "0.0001"), ("-0.0001", "-0.0001"), ("9007199254740993", "9007199254740992"),
    ]

    func testNumbersPrintAsJqPrintsThem() throws {
        for (input, expected) in Self.printedNumbers {
            XCTAssertEqual(try jqOutputs(".", input), [expected], input)
        }
        XCTAssertEqual(JQValue.number(.nan).jsonText, "null")
        XCTAssertEqual(JQValue.number(.infinity).jsonText, "1.7976931348623157e+308")
        XCTAssertEqual(JQValue.number(-0.0).jsonText, "-0")
        XCTAssertEqual(JQValue.number(1e-5).jsonText, "1e-05")
        XCTAssertEqual(JQValue.number(1e15).jsonText, "1000000000000000")
        XCTAssertEqual(JQValue.number(1e16).jsonText, "1e+16")
    }

    func testStringsEscapeOnlyWhatJqEscapes() {
        let text = "\u{0}\u{1F}\u{7F}\"\\/\u{8}\u{C}\n\r\té😀\u{2028}"
        XCTAssertEqual(JQValue.string(text).jsonText, #""\u0000\u001f\u007f\"\\/\b\f\n\r\té😀\#u{2028}""#)
    }

    func testPartitionKeyTextOfEachType() {
        XCTAssertEqual(JQValue.string("a b").partitionKeyText, "a b")
        XCTAssertEqual(JQValue.number(2015).partitionKeyText, "2015")
        XCTAssertEqual(JQValue.number(1.5).partitionKeyText, "1.5")
        XCTAssertEqual(JQValue.boolean(true).partitionKeyText, "true")
        XCTAssertNil(JQValue.null.partitionKeyText)
        XCTAssertNil(JQValue.array([.number(1)]).partitionKeyText)
        XCTAssertNil(JQValue.object(["a": .number(1)]).partitionKeyText)
    }

    func testObjectsKeepInsertionOrderAndCompareWithoutIt() {
        var object: JQObject = ["b": .number(1), "a": .number(2)]
        object["b"] = .string("x")
        object["c"] = .null
        XCTAssertEqual(object.keys, ["b", "a", "c"])
        XCTAssertEqual(JQValue.object(object).jsonText, #"{"b":"x","a":2,"c":null}"#)
        XCTAssertEqual(JQValue.object(["a": 1, "b": 2]), JQValue.object(["b": 2, "a": 1]))
        XCTAssertNotEqual(JQValue.object(["a": 1]), JQValue.object(["a": 1, "b": 2]))
        object["a"] = nil
        XCTAssertEqual(object.keys, ["b", "c"])
        XCTAssertEqual(object.weight, 1 + (2 + 2) + (2 + 1))
    }

    func testLargeObjectsIndexTheirKeys() {
        let members = (0 ..< 1000).map { ("key\($0)", JQValue.number(Double($0))) }
        let object = JQObject(members + [("key7", .string("last"))])
        XCTAssertEqual(object.count, 1000)
        XCTAssertEqual(object["key7"], .string("last"))
        XCTAssertEqual(object["key999"], .number(999))
        XCTAssertNil(object["key1000"])
        XCTAssertEqual(object.keys.prefix(3), ["key0", "key1", "key2"])
    }

    func testStringsCompareByBytesNotByCanonicalEquivalence() throws {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        XCTAssertNotEqual(JQValue.string(composed), JQValue.string(decomposed))
        let object = JQObject([(composed, .number(1)), (decomposed, .number(2))])
        XCTAssertEqual(object.count, 2)
        XCTAssertEqual(try jqOutputs("keys", #"{"b":1,"\u00e9":2,"a":3,"B":4}"#), [#"["B","a","b","é"]"#])
    }

    func testContainersTrackDepthAndWeight() {
        let nested = JQValue.array([.array([.string("abc")]), .number(1)])
        XCTAssertEqual(nested.depth, 2)
        XCTAssertEqual(nested.weight, 1 + (1 + 4) + 1)
        XCTAssertEqual(JQValue.array([]).depth, 1)
        XCTAssertEqual(JQValue.null.depth, 0)
    }

    func testTypeNamesAndTruthiness() {
        let values: [JQValue] = [.null, .boolean(false), .boolean(true), .number(0), .string(""), .array([]),
                                 .object([:])]
        XCTAssertEqual(values.map(\.typeName), ["null", "boolean", "boolean", "number", "string", "array", "object"])
        XCTAssertEqual(values.map(\.isTruthy), [false, false, true, true, true, true, true])
    }
}
