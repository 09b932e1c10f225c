/// The REST paths of Kinesis Video Streams and the operations they name: every `requestUri` of botocore's
/// kinesisvideo, kinesis-video-media and kinesis-video-archived-media 2017-09-30 models, and `/putMedia`, which the
/// models leave out (PutMedia is only in AWS's producer SDKs).
///
/// All are `POST` with a JSON body (PutMedia's and GetMedia's bodies are media). The tags-on-resource paths are
/// capitalized in AWS's model, and so here.
enum VideoOperationPaths {
    static let operations: [String: String] = [
        // kinesisvideo (control plane)
        "/createSignalingChannel": "CreateSignalingChannel",
        "/createStream": "CreateStream",
        "/deleteEdgeConfiguration": "DeleteEdgeConfiguration",
        "/deleteSignalingChannel": "DeleteSignalingChannel",
        "/deleteStream": "DeleteStream",
        "/describeEdgeConfiguration": "DescribeEdgeConfiguration",
        "/describeImageGenerationConfiguration": "DescribeImageGenerationConfiguration",
        "/describeMappedResourceConfiguration": "DescribeMappedResourceConfiguration",
        "/describeMediaStorageConfiguration": "DescribeMediaStorageConfiguration",
        "/describeNotificationConfiguration": "DescribeNotificationConfiguration",
        "/describeSignalingChannel": "DescribeSignalingChannel",
        "/describeStream": "DescribeStream",
        "/describeStreamStorageConfiguration": "DescribeStreamStorageConfiguration",
        "/getDataEndpoint": "GetDataEndpoint",
        "/getSignalingChannelEndpoint": "GetSignalingChannelEndpoint",
        "/listEdgeAgentConfigurations": "ListEdgeAgentConfigurations",
        "/listSignalingChannels": "ListSignalingChannels",
        "/listStreams": "ListStreams",
        "/ListTagsForResource": "ListTagsForResource",
        "/listTagsForStream": "ListTagsForStream",
        "/startEdgeConfigurationUpdate": "StartEdgeConfigurationUpdate",
        "/TagResource": "TagResource",
        "/tagStream": "TagStream",
        "/UntagResource": "UntagResource",
        "/untagStream": "UntagStream",
        "/updateDataRetention": "UpdateDataRetention",
        "/updateImageGenerationConfiguration": "UpdateImageGenerationConfiguration",
        "/updateMediaStorageConfiguration": "UpdateMediaStorageConfiguration",
        "/updateNotificationConfiguration": "UpdateNotificationConfiguration",
        "/updateSignalingChannel": "UpdateSignalingChannel",
        "/updateStream": "UpdateStream",
        "/updateStreamStorageConfiguration": "UpdateStreamStorageConfiguration",
        // kinesis-video-media
        "/getMedia": "GetMedia",
        "/putMedia": "PutMedia",
        // kinesis-video-archived-media
        "/getClip": "GetClip",
        "/getDASHStreamingSessionURL": "GetDASHStreamingSessionURL",
        "/getHLSStreamingSessionURL": "GetHLSStreamingSessionURL",
        "/getImages": "GetImages",
        "/getMediaForFragmentList": "GetMediaForFragmentList",
        "/listFragments": "ListFragments",
    ]
}
