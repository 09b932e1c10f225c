import Foundation
import XCTest
@testable import TributaryFirehose

/// Hostile prefixes: whatever the text, parsing either succeeds or throws NamingError, and rendering never traps.
final class PrefixParsingFuzzTests: XCTestCase {
    func testRandomTextsFromTheGrammarsAlphabetParseOrThrowNamingError() {
        let alphabet = Array("!{}:'[]#pyYMdDHhSsEeXxVvzZOBQgAnNw/- é\u{301}")
        let namespaces = ["timestamp:", "firehose:", "partitionKeyFromQuery:", "partitionKeyFromLambda:", "x:"]
        var generator = SeededGenerator(seed: 2024)
        var parsedCount = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                if Int.random(in: 0..<6, using: &generator) == 0 {
                    text += "!{" + (namespaces.randomElement(using: &generator) ?? "")
                } else {
                    text.append(alphabet.randomElement(using: &generator) ?? "a")
                }
            }
            do {
                let template = try S3PrefixTemplate(parsing: text)
                parsedCount += 1
                _ = try? template.render(arrival: NamingFixtures.august27, random: &generator,
                                         errorOutputType: .processingFailed,
                                         partitionKeysFromQuery: [:], partitionKeysFromLambda: [:])
                _ = try? PrefixRules.validate(prefix: text, errorOutputPrefix: text, dynamicPartitioningEnabled: true)
            } catch {
                XCTAssertTrue(error is NamingError, "\(text): \(error)")
            }
        }
        XCTAssertGreaterThan(parsedCount, 100, "the generator should also produce valid prefixes")
    }
}
