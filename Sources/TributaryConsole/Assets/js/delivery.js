// What the Firehose pages say about a delivery stream: where its records come from, where they go, how they are
// buffered, and the delivery counters from the metrics.
import { valueOf } from "./metrics.js";

/** `Direct PUT` or the source data stream's name. */
export function sourceOf(description) {
  const stream = description.Source?.KinesisStreamSourceDescription?.KinesisStreamARN;
  return stream ? `Data stream ${stream.split("/").pop()}` : "Direct PUT";
}

/** The destination's kind, its target and its buffering hints. */
export function destinationOf(description) {
  const destination = description.Destinations?.[0] ?? {};
  const s3 = destination.ExtendedS3DestinationDescription ?? destination.S3DestinationDescription;
  if (s3) {
    return {
      kind: "Amazon S3",
      target: `${s3.BucketARN.replace("arn:aws:s3:::", "s3://")}/${s3.Prefix ?? ""}`,
      buffering: s3.BufferingHints,
      compression: s3.CompressionFormat,
    };
  }
  const http = destination.HttpEndpointDestinationDescription;
  if (http) {
    return { kind: "HTTP endpoint", target: http.EndpointConfiguration?.Url ?? http.EndpointConfiguration?.Name,
             buffering: http.BufferingHints, compression: http.RequestConfiguration?.ContentEncoding };
  }
  const [name, settings] = Object.entries(destination).find(([key]) => key.endsWith("DestinationDescription")) ?? ["—", {}];
  return { kind: name.replace("DestinationDescription", ""), target: "", buffering: settings.BufferingHints };
}

export function bufferingText(hints) {
  return hints ? `${hints.SizeInMBs} MiB or ${hints.IntervalInSeconds} s` : "—";
}

/** Records and bytes delivered, failed attempts and the last delivery (epoch seconds) of `name`, from /metrics. */
export function deliveryCounters(samples, name) {
  const labels = { DeliveryStreamName: name };
  const sum = (suffix) => ["DeliveryToS3", "DeliveryToHttpEndpoint"]
    .reduce((total, prefix) => total + valueOf(samples, `${prefix}.${suffix}`, labels), 0);
  return {
    incoming: valueOf(samples, "IncomingRecords", labels),
    delivered: sum("Records"),
    deliveredBytes: sum("Bytes"),
    failedAttempts: sum("Attempts") - sum("Success"),
    lastDelivery: valueOf(samples, "LastDeliveryTimestamp", labels) || null,
  };
}
