@testable import TributaryFirehose
import XCTest

final class S3XMLDocumentTests: XCTestCase {
    func testListingKeysAreReadFromContentsOnly() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>p</Prefix>
            <Contents><Key>p/one</Key><Size>3</Size></Contents>
            <CommonPrefixes><Prefix>p/dir/</Prefix></CommonPrefixes>
            <Contents><Key>p/two &amp; &lt;three&gt;</Key></Contents>
            <IsTruncated>true</IsTruncated><NextContinuationToken>tok/en==</NextContinuationToken></ListBucketResult>
            """
        let document = try XCTUnwrap(S3XMLDocument(parsing: Array(xml.utf8)))
        XCTAssertEqual(document.rootName, "ListBucketResult")
        XCTAssertEqual(document.texts(at: ["Contents", "Key"]), ["p/one", "p/two & <three>"])
        XCTAssertEqual(document.text(at: ["NextContinuationToken"]), "tok/en==")
        XCTAssertEqual(document.text(at: ["IsTruncated"]), "true")
    }

    func testErrorBodyBecomesS3Error() {
        let xml = "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not "
            + "match.</Message><RequestId>1</RequestId></Error>"
        let error = S3Error(response: HTTPResponseData(status: 403, headers: [:], body: Array(xml.utf8)))
        XCTAssertEqual(error, S3Error(status: 403, code: "SignatureDoesNotMatch",
                                      message: "The request signature we calculated does not match."))
    }

    func testBodiesThatAreNotXMLBecomeHTTPStatusErrors() {
        for body in ["", "<html><body>Bad gateway", "<Error><Code>x</Code>", "not xml at all"] {
            let error = S3Error(response: HTTPResponseData(status: 502, headers: [:], body: Array(body.utf8)))
            XCTAssertEqual(error.code, "HTTP502", body)
            XCTAssertEqual(error.status, 502)
        }
        XCTAssertNil(S3XMLDocument(parsing: Array("<a><b></a>".utf8)))
        XCTAssertNil(S3XMLDocument(parsing: []))
    }

    func testExternalEntitiesAreNotResolved() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <Error><Code>&secret;</Code></Error>
            """
        if let document = S3XMLDocument(parsing: Array(xml.utf8)) {
            let code = document.text(at: ["Code"]) ?? ""
            let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? "\u{0}"
            XCTAssertFalse(code.contains(hostname.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
    }
}
