import TributaryAuth
import TributaryWire
import XCTest

final class AccessDeniedErrorTests: XCTestCase {
    private let alice = PolicyTestSupport.alice

    func testImplicitDenyWording() {
        let error = AccessDeniedError(caller: alice, action: "kinesis:PutRecord",
                                      resource: .arn(PolicyTestSupport.ordersARN), decision: .implicitlyDenied)
        XCTAssertEqual(error.serviceError, ServiceError(
            code: "AccessDeniedException",
            message: "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: kinesis:PutRecord on "
                + "resource: arn:aws:kinesis:us-east-1:123456789012:stream/orders because no identity-based policy "
                + "allows the kinesis:PutRecord action",
            status: 400))
    }

    func testExplicitDenyWordingNamesThePolicyType() {
        let resource = RequestedResource.arn("arn:aws:firehose:us-east-1:123456789012:deliverystream/logs")
        let identity = AccessDeniedError(caller: alice, action: "firehose:PutRecordBatch", resource: resource,
                                         decision: .explicitlyDenied(by: .identity))
        XCTAssertEqual(identity.message, "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: "
            + "firehose:PutRecordBatch on resource: arn:aws:firehose:us-east-1:123456789012:deliverystream/logs "
            + "with an explicit deny in an identity-based policy")
        let resourceBased = AccessDeniedError(caller: alice, action: "kinesis:GetRecords",
                                              resource: .arn(PolicyTestSupport.ordersARN),
                                              decision: .explicitlyDenied(by: .resource))
        XCTAssertTrue(resourceBased.message.hasSuffix("stream/orders with an explicit deny in a resource-based policy"))
    }

    func testOperationsWithoutResourcesNameNone() {
        let error = AccessDeniedError(caller: CallerIdentity(accountId: "123456789012", userName: "AKIDEXAMPLE"),
                                      action: "kinesis:ListStreams", resource: .all, decision: .implicitlyDenied)
        XCTAssertEqual(error.message, "User: arn:aws:iam::123456789012:user/AKIDEXAMPLE is not authorized to perform: "
            + "kinesis:ListStreams because no identity-based policy allows the kinesis:ListStreams action")
    }

    func testKinesisVideoAnswers403AndNamesAStreamGivenByNameByItsName() {
        let error = AccessDeniedError(
            caller: alice, action: "kinesisvideo:DescribeStream",
            resource: .anyARN(withPrefix: "arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam/",
                              completion: .creationTime, shownAs: "cam"),
            decision: .implicitlyDenied)
        XCTAssertEqual(error.serviceError.status, 403)
        XCTAssertEqual(error.serviceError.code, "AccessDeniedException")
        XCTAssertEqual(error.message, "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: "
            + "kinesisvideo:DescribeStream on resource: cam because no identity-based policy allows the "
            + "kinesisvideo:DescribeStream action")
    }

    func testAnalyticsAnswers400() {
        let error = AccessDeniedError(caller: alice, action: "kinesisanalytics:CreateApplication",
                                      resource: .all, decision: .implicitlyDenied)
        XCTAssertEqual(error.serviceError.status, 400)
    }
}
