import Foundation
@testable import TributaryAuth
import TributaryWire
import XCTest

/// Every operation botocore models for the four services (plus PutMedia, and Tributary's
/// GetInApplicationStreamRecords) has an access rule, and no rule names an
/// operation that does not exist.
final class OperationAccessCoverageTests: XCTestCase {
    /// Prints `{"<IAM prefix>": [operation names]}` from the installed botocore's models.
    static let botocoreScript = """
    import gzip, json, os, botocore
    data = os.path.join(os.path.dirname(botocore.__file__), 'data')
    groups = {'kinesis': ['kinesis/2013-12-02'], 'firehose': ['firehose/2015-08-04'],
              'kinesisanalytics': ['kinesisanalytics/2015-08-14'],
              'kinesisvideo': ['kinesisvideo/2017-09-30', 'kinesis-video-media/2017-09-30',
                               'kinesis-video-archived-media/2017-09-30']}
    names = {}
    for service, models in groups.items():
        operations = {'kinesisvideo': {'PutMedia'}, 'kinesisanalytics': {'GetInApplicationStreamRecords'}}.get(service, set())
        for model in models:
            with gzip.open(os.path.join(data, model, 'service-2.json.gz')) as file:
                operations |= set(json.load(file)['operations'])
        names[service] = sorted(operations)
    print(json.dumps(names))
    """

    func testEveryModelledOperationHasARule() {
        for service in AccessService.allCases {
            let modelled = ModelledOperations.byService[service] ?? []
            let mapped = Set(OperationAccess.rules[service]?.keys.map { $0 } ?? [])
            XCTAssertFalse(modelled.isEmpty, "\(service) has no modelled operations")
            XCTAssertEqual(modelled.subtracting(mapped).sorted(), [], "\(service) operations without a rule")
            XCTAssertEqual(mapped.subtracting(modelled).sorted(), [], "\(service) rules for no modelled operation")
        }
    }

    func testEveryOperationResolvesToItsNamesakeAction() {
        let scope = ResourceScope(region: "us-east-1", accountId: "123456789012") { _ in nil }
        for service in AccessService.allCases {
            for operation in ModelledOperations.byService[service] ?? [] {
                let access = OperationAccess.resolve(service: service, operation: operation, request: .object([:]),
                                                     scope: scope)
                XCTAssertEqual(access?.action, "\(service.rawValue):\(operation)")
            }
        }
        XCTAssertNil(OperationAccess.resolve(service: .kinesis, operation: "PutMedia", request: .object([:]),
                                             scope: scope))
    }

    /// The embedded list is what the installed botocore models, so a botocore upgrade that adds an operation fails
    /// here until the list (and so the rules) follow.
    func testEmbeddedListMatchesInstalledBotocore() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.botocoreScript]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("python3 with botocore is not installed") }
        guard case .object(let services) = try JSONDocumentDecoder.decode(Array(bytes)) else {
            return XCTFail("the script printed no JSON object")
        }
        for service in AccessService.allCases {
            guard case .array(let names)? = services[service.rawValue] else { return XCTFail("no \(service)") }
            let installed = Set(names.compactMap { name -> String? in
                guard case .string(let text) = name else { return nil }
                return text
            })
            XCTAssertEqual(installed, ModelledOperations.byService[service], "\(service) differs from botocore")
        }
    }
}
