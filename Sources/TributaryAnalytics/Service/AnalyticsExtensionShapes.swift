import TributaryWire

/// The request shapes of the operations Tributary adds to `KinesisAnalytics_20150814` (not in AWS's model), in the
/// generated models' format, so their requests are validated by the same `ShapeModel` and fail with the same
/// SerializationException and ValidationException wording as AWS's own operations.
///
/// - GetInApplicationStreamRecords (the web console's live view of an in-application stream): ApplicationName as
///   AWS's; InAppStreamName 1 to 34 characters (AWS's 32 for a name, plus the double quotes of a quoted one);
///   AfterSequence a non-negative long.
enum AnalyticsExtensionShapes {
    static let model = ShapeModel(json: #"""
{"metadata":{"service":"kinesisanalytics","apiVersion":"2015-08-14","protocol":"json","targetPrefix":"KinesisAnalytics_20150814","javaPackage":"com.amazonaws.kinesisanalytics.v20150814"},
"operations":{"GetInApplicationStreamRecords":"GetInApplicationStreamRecordsRequest"},
"shapes":{
"ApplicationName":{"type":"string","min":1,"max":128,"pattern":"[a-zA-Z0-9_.-]+"},
"GetInApplicationStreamRecordsRequest":{"type":"structure","required":["ApplicationName","InAppStreamName"],"members":[["ApplicationName","ApplicationName"],["InAppStreamName","InAppStreamReference"],["AfterSequence","RowSequence"]]},
"InAppStreamReference":{"type":"string","min":1,"max":34},
"RowSequence":{"type":"long","min":0}
}}
"""#)

    /// The model that describes `operation`: this one for Tributary's operations, AWS's for every other (which
    /// also rejects unknown operations).
    static func model(for operation: String) -> ShapeModel {
        model.inputShape(of: operation) != nil ? model : AnalyticsShapes.model
    }
}
