import TributaryAuth
import TributaryWire
import XCTest

/// Which resource each kind of request names, built from its members with the server's region and account.
final class OperationAccessTests: XCTestCase {
    private let scope = ResourceScope(region: "us-east-1", accountId: "123456789012") { token in
        token == "iterator-of-orders" ? "orders" : nil
    }
    private let base = "arn:aws:kinesis:us-east-1:123456789012:"
    private let video = "arn:aws:kinesisvideo:us-east-1:123456789012:"
    private var someStream: RequestedResource {
        .anyARN(withPrefix: base + "stream/", completion: .name, shownAs: base + "stream/*")
    }

    private func resource(_ service: AccessService, _ operation: String, _ members: [String: String])
        -> RequestedResource? {
        OperationAccess.resolve(service: service, operation: operation,
                                request: .object(members.mapValues(Document.string)), scope: scope)?.resource
    }

    func testKinesisStreamsByNameOrARN() {
        XCTAssertEqual(resource(.kinesis, "PutRecord", ["StreamName": "orders"]), .arn(base + "stream/orders"))
        XCTAssertEqual(resource(.kinesis, "PutRecords", ["StreamARN": "arn:aws:kinesis:eu-west-1:1:stream/x"]),
                       .arn("arn:aws:kinesis:eu-west-1:1:stream/x"))
        XCTAssertEqual(resource(.kinesis, "CreateStream", ["StreamName": "new"]), .arn(base + "stream/new"))
        XCTAssertEqual(resource(.kinesis, "RegisterStreamConsumer", ["StreamARN": base + "stream/orders",
                                                                     "ConsumerName": "c"]),
                       .arn(base + "stream/orders"))
        XCTAssertEqual(resource(.kinesis, "DescribeStream", [:]),
                       someStream)
        XCTAssertEqual(OperationAccess.resolve(service: .kinesis, operation: "DescribeStream",
                                               request: .object(["StreamName": .integer(3)]), scope: scope)?.resource,
                       someStream)
    }

    func testGetRecordsAndListShardsFindTheirStreamInTheirToken() {
        XCTAssertEqual(resource(.kinesis, "GetRecords", ["ShardIterator": "iterator-of-orders"]),
                       .arn(base + "stream/orders"))
        XCTAssertEqual(resource(.kinesis, "ListShards", ["NextToken": "iterator-of-orders"]),
                       .arn(base + "stream/orders"))
        XCTAssertEqual(resource(.kinesis, "GetRecords", ["ShardIterator": "forged"]),
                       someStream)
    }

    func testConsumersByARNOrByStreamAndName() {
        let consumer = base + "stream/orders/consumer/reader:1700000000"
        XCTAssertEqual(resource(.kinesis, "SubscribeToShard", ["ConsumerARN": consumer]), .arn(consumer))
        XCTAssertEqual(resource(.kinesis, "DescribeStreamConsumer", ["StreamARN": base + "stream/orders",
                                                                     "ConsumerName": "reader"]),
                       .anyARN(withPrefix: base + "stream/orders/consumer/reader:", completion: .creationTime,
                               shownAs: base + "stream/orders/consumer/reader"))
    }

    func testResourceARNMembersAndAccountOperations() {
        XCTAssertEqual(resource(.kinesis, "PutResourcePolicy", ["ResourceARN": base + "stream/orders"]),
                       .arn(base + "stream/orders"))
        XCTAssertEqual(resource(.kinesis, "ListStreams", [:]), .all)
        XCTAssertEqual(resource(.kinesis, "DescribeLimits", [:]), .all)
        XCTAssertEqual(resource(.firehose, "ListDeliveryStreams", [:]), .all)
        XCTAssertEqual(resource(.kinesisanalytics, "DiscoverInputSchema",
                                ["ResourceARN": base + "stream/orders"]), .all)
    }

    func testFirehoseAndAnalyticsByName() {
        XCTAssertEqual(resource(.firehose, "PutRecordBatch", ["DeliveryStreamName": "logs"]),
                       .arn("arn:aws:firehose:us-east-1:123456789012:deliverystream/logs"))
        XCTAssertEqual(resource(.kinesisanalytics, "CreateApplication", ["ApplicationName": "app"]),
                       .arn("arn:aws:kinesisanalytics:us-east-1:123456789012:application/app"))
        let appARN = "arn:aws:kinesisanalytics:us-east-1:123456789012:application/app"
        XCTAssertEqual(resource(.kinesisanalytics, "TagResource", ["ResourceARN": appARN]), .arn(appARN))
    }

    func testVideoStreamsAndChannelsByARNOrName() {
        let streamARN = "arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam/1700000000000"
        XCTAssertEqual(resource(.kinesisvideo, "GetMedia", ["StreamARN": streamARN]), .arn(streamARN))
        XCTAssertEqual(resource(.kinesisvideo, "PutMedia", ["StreamName": "cam"]),
                       .anyARN(withPrefix: video + "stream/cam/", completion: .creationTime, shownAs: "cam"))
        XCTAssertEqual(resource(.kinesisvideo, "GetHLSStreamingSessionURL", ["StreamName": "cam"]),
                       .anyARN(withPrefix: video + "stream/cam/", completion: .creationTime, shownAs: "cam"))
        XCTAssertEqual(resource(.kinesisvideo, "CreateSignalingChannel", ["ChannelName": "door"]),
                       .anyARN(withPrefix: video + "channel/door/", completion: .creationTime, shownAs: "door"))
        XCTAssertEqual(resource(.kinesisvideo, "ListStreams", [:]), .all)
        XCTAssertEqual(resource(.kinesisvideo, "DescribeStream", [:]),
                       .anyARN(withPrefix: video + "stream/", completion: .nameAndCreationTime,
                               shownAs: video + "stream/*"))
    }

    func testActionsAreNamedAfterTheirOperations() {
        let access = OperationAccess.resolve(service: .kinesisvideo, operation: "GetHLSStreamingSessionURL",
                                             request: .object(["StreamName": .string("cam")]), scope: scope)
        XCTAssertEqual(access?.action, "kinesisvideo:GetHLSStreamingSessionURL")
        XCTAssertEqual(OperationAccess.resolve(service: .firehose, operation: "PutRecordBatch", request: .object([:]),
                                               scope: scope)?.action, "firehose:PutRecordBatch")
        XCTAssertNil(OperationAccess.resolve(service: .firehose, operation: "Nonsense", request: .object([:]),
                                             scope: scope))
    }
}
