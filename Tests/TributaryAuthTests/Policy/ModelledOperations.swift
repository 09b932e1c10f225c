import TributaryAuth

// Generated from botocore 1.43.11: the operation names of data/<model>/<version>/service-2.json.gz for
// kinesis 2013-12-02, firehose 2015-08-04, kinesisanalytics 2015-08-14 and kinesisvideo, kinesis-video-media and
// kinesis-video-archived-media 2017-09-30, plus PutMedia (which only the producer SDKs model) and Tributary's own
// GetInApplicationStreamRecords. Regenerate with `OperationAccessCoverageTests.botocoreScript` when botocore adds
// operations; a test checks this list against the installed botocore.

/// Every modelled operation of the four services, by IAM service prefix.
enum ModelledOperations {
    static let byService: [AccessService: Set<String>] = [
        .kinesis: [
            "AddTagsToStream", "CreateStream", "DecreaseStreamRetentionPeriod", "DeleteResourcePolicy",
            "DeleteStream", "DeregisterStreamConsumer", "DescribeAccountSettings", "DescribeLimits", "DescribeStream",
            "DescribeStreamConsumer", "DescribeStreamSummary", "DisableEnhancedMonitoring",
            "EnableEnhancedMonitoring", "GetRecords", "GetResourcePolicy", "GetShardIterator",
            "IncreaseStreamRetentionPeriod", "ListShards", "ListStreamConsumers", "ListStreams",
            "ListTagsForResource", "ListTagsForStream", "MergeShards", "PutRecord", "PutRecords", "PutResourcePolicy",
            "RegisterStreamConsumer", "RemoveTagsFromStream", "SplitShard", "StartStreamEncryption",
            "StopStreamEncryption", "SubscribeToShard", "TagResource", "UntagResource", "UpdateAccountSettings",
            "UpdateMaxRecordSize", "UpdateShardCount", "UpdateStreamMode", "UpdateStreamWarmThroughput",
        ],
        .firehose: [
            "CreateDeliveryStream", "DeleteDeliveryStream", "DescribeDeliveryStream", "ListDeliveryStreams",
            "ListTagsForDeliveryStream", "PutRecord", "PutRecordBatch", "StartDeliveryStreamEncryption",
            "StopDeliveryStreamEncryption", "TagDeliveryStream", "UntagDeliveryStream", "UpdateDestination",
        ],
        .kinesisanalytics: [
            "AddApplicationCloudWatchLoggingOption", "AddApplicationInput",
            "AddApplicationInputProcessingConfiguration", "AddApplicationOutput", "AddApplicationReferenceDataSource",
            "CreateApplication", "DeleteApplication", "DeleteApplicationCloudWatchLoggingOption",
            "DeleteApplicationInputProcessingConfiguration", "DeleteApplicationOutput",
            "DeleteApplicationReferenceDataSource", "DescribeApplication", "DiscoverInputSchema",
            "GetInApplicationStreamRecords", "ListApplications",
            "ListTagsForResource", "StartApplication", "StopApplication", "TagResource", "UntagResource",
            "UpdateApplication",
        ],
        .kinesisvideo: [
            "CreateSignalingChannel", "CreateStream", "DeleteEdgeConfiguration", "DeleteSignalingChannel",
            "DeleteStream", "DescribeEdgeConfiguration", "DescribeImageGenerationConfiguration",
            "DescribeMappedResourceConfiguration", "DescribeMediaStorageConfiguration",
            "DescribeNotificationConfiguration", "DescribeSignalingChannel", "DescribeStream",
            "DescribeStreamStorageConfiguration", "GetClip", "GetDASHStreamingSessionURL", "GetDataEndpoint",
            "GetHLSStreamingSessionURL", "GetImages", "GetMedia", "GetMediaForFragmentList",
            "GetSignalingChannelEndpoint", "ListEdgeAgentConfigurations", "ListFragments", "ListSignalingChannels",
            "ListStreams", "ListTagsForResource", "ListTagsForStream", "PutMedia", "StartEdgeConfigurationUpdate",
            "TagResource", "TagStream", "UntagResource", "UntagStream", "UpdateDataRetention",
            "UpdateImageGenerationConfiguration", "UpdateMediaStorageConfiguration",
            "UpdateNotificationConfiguration", "UpdateSignalingChannel", "UpdateStream",
            "UpdateStreamStorageConfiguration",
        ],
    ]
}
