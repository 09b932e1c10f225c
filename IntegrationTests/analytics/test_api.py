"""The Kinesis Data Analytics for SQL control plane through boto3's `kinesisanalytics` client: every operation of
the 2015-08-14 model, application versions, lifecycle states and AWS's errors.

The AWS API reference (Amazon Kinesis Data Analytics SQL, API version 2015-08-14) is the specification.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from support import aws_error, unique_name

from .harness import ACCOUNT_ID, REGION, ROLE_ARN, application_status, delete_application_and_wait, wait_status

CODE = """
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" ("TICKER_SYMBOL" VARCHAR(4), "PRICE" REAL);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM "TICKER_SYMBOL", "PRICE" FROM "SOURCE_SQL_STREAM_001";
"""

SCHEMA = {
    "RecordFormat": {
        "RecordFormatType": "JSON",
        "MappingParameters": {"JSONMappingParameters": {"RecordRowPath": "$"}},
    },
    "RecordEncoding": "UTF-8",
    "RecordColumns": [
        {"Name": "TICKER_SYMBOL", "Mapping": "$.TICKER_SYMBOL", "SqlType": "VARCHAR(4)"},
        {"Name": "PRICE", "Mapping": "$.PRICE", "SqlType": "REAL"},
    ],
}

CSV_SCHEMA = {
    "RecordFormat": {
        "RecordFormatType": "CSV",
        "MappingParameters": {"CSVMappingParameters": {"RecordRowDelimiter": "\n", "RecordColumnDelimiter": ","}},
    },
    "RecordColumns": [
        {"Name": "TICKER", "SqlType": "VARCHAR(4)"},
        {"Name": "COMPANY", "SqlType": "VARCHAR(64)"},
    ],
}

LOG_STREAM_ARN = f"arn:aws:logs:{REGION}:{ACCOUNT_ID}:log-group:analytics:log-stream:errors"
LAMBDA_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:preprocess"


def stream_input(stream_arn: str, prefix: str = "SOURCE_SQL_STREAM", count: int = 1, schema: dict = SCHEMA) -> dict:
    return {
        "NamePrefix": prefix,
        "KinesisStreamsInput": {"ResourceARN": stream_arn, "RoleARN": ROLE_ARN},
        "InputParallelism": {"Count": count},
        "InputSchema": schema,
    }


def stream_output(stream_arn: str, name: str = "DESTINATION_SQL_STREAM", format_type: str = "JSON") -> dict:
    return {
        "Name": name,
        "KinesisStreamsOutput": {"ResourceARN": stream_arn, "RoleARN": ROLE_ARN},
        "DestinationSchema": {"RecordFormatType": format_type},
    }


def detail(analytics, name: str) -> dict:
    return analytics.describe_application(ApplicationName=name)["ApplicationDetail"]


def version(analytics, name: str) -> int:
    return detail(analytics, name)["ApplicationVersionId"]


def full_application(application, data_stream, **params) -> tuple[str, str, str]:
    """An application reading one data stream and writing another; returns (name, source ARN, sink ARN)."""
    source, sink = data_stream(), data_stream()
    name = application(Inputs=[stream_input(source)], Outputs=[stream_output(sink)], ApplicationCode=CODE, **params)
    return name, source, sink


def start(analytics, name: str, position: str = "TRIM_HORIZON") -> None:
    analytics.start_application(ApplicationName=name, InputConfigurations=[
        {"Id": "1.1", "InputStartingPositionConfiguration": {"InputStartingPosition": position}}])


# ----------------------------------------------------------------------------------------------- create / describe

def test_create_answers_the_summary_and_describe_the_whole_detail(analytics, application, data_stream):
    source, sink = data_stream(), data_stream()
    name = unique_name("ka-app")
    before = datetime.now().astimezone() - timedelta(seconds=5)
    application(
        name, ApplicationDescription="stock ticker demo", ApplicationCode=CODE,
        Inputs=[stream_input(source, count=2)], Outputs=[stream_output(sink, format_type="CSV")],
        CloudWatchLoggingOptions=[{"LogStreamARN": LOG_STREAM_ARN, "RoleARN": ROLE_ARN}])
    summaries = analytics.list_applications()["ApplicationSummaries"]
    arn = f"arn:aws:kinesisanalytics:{REGION}:{ACCOUNT_ID}:application/{name}"
    assert {"ApplicationName": name, "ApplicationARN": arn, "ApplicationStatus": "READY"} in summaries

    described = detail(analytics, name)
    assert described["ApplicationName"] == name
    assert described["ApplicationARN"] == arn
    assert described["ApplicationStatus"] == "READY"
    assert described["ApplicationVersionId"] == 1
    assert described["ApplicationDescription"] == "stock ticker demo"
    assert described["ApplicationCode"] == CODE
    assert described["CreateTimestamp"] >= before
    assert described["LastUpdateTimestamp"] >= described["CreateTimestamp"] - timedelta(seconds=1)
    [description] = described["InputDescriptions"]
    assert description["InputId"] == "1.1"
    assert description["NamePrefix"] == "SOURCE_SQL_STREAM"
    assert description["InAppStreamNames"] == ["SOURCE_SQL_STREAM_001", "SOURCE_SQL_STREAM_002"]
    assert description["InputParallelism"] == {"Count": 2}
    assert description["InputSchema"] == SCHEMA
    assert description["KinesisStreamsInputDescription"] == {"ResourceARN": source, "RoleARN": ROLE_ARN}
    assert "KinesisFirehoseInputDescription" not in description
    assert described["OutputDescriptions"] == [{
        "OutputId": "1.1", "Name": "DESTINATION_SQL_STREAM",
        "KinesisStreamsOutputDescription": {"ResourceARN": sink, "RoleARN": ROLE_ARN},
        "DestinationSchema": {"RecordFormatType": "CSV"},
    }]
    assert described["ReferenceDataSourceDescriptions"] == []
    assert described["CloudWatchLoggingOptionDescriptions"] == [
        {"CloudWatchLoggingOptionId": "1.1", "LogStreamARN": LOG_STREAM_ARN, "RoleARN": ROLE_ARN}]


def test_create_returns_the_summary(analytics):
    name = unique_name("ka-app")
    answer = analytics.create_application(ApplicationName=name)
    try:
        assert answer["ApplicationSummary"] == {
            "ApplicationName": name,
            "ApplicationARN": f"arn:aws:kinesisanalytics:{REGION}:{ACCOUNT_ID}:application/{name}",
            "ApplicationStatus": "READY",
        }
    finally:
        delete_application_and_wait(analytics, name)


def test_firehose_input_and_outputs_of_every_kind(analytics, application, delivery_stream, data_stream):
    source, sink_stream, sink_firehose = delivery_stream(), data_stream(), delivery_stream()
    name = application(
        Inputs=[{"NamePrefix": "SOURCE_SQL_STREAM", "KinesisFirehoseInput": {"ResourceARN": source, "RoleARN": ROLE_ARN},
                 "InputSchema": SCHEMA}],
        Outputs=[stream_output(sink_stream, "A"),
                 {"Name": "B", "KinesisFirehoseOutput": {"ResourceARN": sink_firehose, "RoleARN": ROLE_ARN},
                  "DestinationSchema": {"RecordFormatType": "JSON"}},
                 {"Name": "C", "LambdaOutput": {"ResourceARN": LAMBDA_ARN, "RoleARN": ROLE_ARN},
                  "DestinationSchema": {"RecordFormatType": "JSON"}}])
    described = detail(analytics, name)
    [description] = described["InputDescriptions"]
    assert description["KinesisFirehoseInputDescription"] == {"ResourceARN": source, "RoleARN": ROLE_ARN}
    assert description["InputParallelism"] == {"Count": 1}
    assert description["InAppStreamNames"] == ["SOURCE_SQL_STREAM_001"]
    outputs = described["OutputDescriptions"]
    assert [output["OutputId"] for output in outputs] == ["1.1", "2.1", "3.1"]
    assert outputs[1]["KinesisFirehoseOutputDescription"] == {"ResourceARN": sink_firehose, "RoleARN": ROLE_ARN}
    assert outputs[2]["LambdaOutputDescription"] == {"ResourceARN": LAMBDA_ARN, "RoleARN": ROLE_ARN}
    # A Lambda output is described but cannot run here: StartApplication says so and the application stays READY.
    with aws_error("InvalidApplicationConfigurationException", message_contains="Lambda function"):
        analytics.start_application(ApplicationName=name, InputConfigurations=[{
            "Id": "1.1", "InputStartingPositionConfiguration": {"InputStartingPosition": "NOW"}}])
    assert detail(analytics, name)["ApplicationStatus"] == "READY"


def test_names_are_unique(analytics, application):
    name = application()
    with aws_error("ResourceInUseException"):
        analytics.create_application(ApplicationName=name)


def test_code_that_does_not_compile_is_refused(analytics):
    name = unique_name("ka-app")
    with aws_error("CodeValidationException"):
        analytics.create_application(ApplicationName=name, ApplicationCode="CREATE STREAM FORM nothing;")
    with aws_error("ResourceNotFoundException", message_contains=name):
        analytics.describe_application(ApplicationName=name)


def test_parse_and_type_errors_name_their_position(analytics, application, data_stream):
    name = application()
    version = analytics.describe_application(ApplicationName=name)["ApplicationDetail"]["ApplicationVersionId"]
    # A syntax error: the parser's position of the offending token.
    with aws_error("CodeValidationException", message_contains='Encountered "FROM" at line 2, column 53'):
        analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=version, ApplicationUpdate={
            "ApplicationCodeUpdate": 'CREATE STREAM "O" (a INTEGER);\nCREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM a, FROM "O";'})
    # A type error: VARCHAR plus INTEGER, pointed at by line and column.
    with aws_error("CodeValidationException", message_contains="From line 2, column 53: Cannot apply '+'"):
        analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=version, ApplicationUpdate={
            "ApplicationCodeUpdate": 'CREATE STREAM "O" (a INTEGER, b VARCHAR(4));\n'
                                     'CREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM a, b + 1, b FROM "O";'})
    assert analytics.describe_application(ApplicationName=name)["ApplicationDetail"]["ApplicationVersionId"] == version


def test_configurations_aws_refuses(analytics, data_stream):
    source, sink = data_stream(), data_stream()
    name = unique_name("ka-app")
    missing = f"arn:aws:kinesis:{REGION}:{ACCOUNT_ID}:stream/{unique_name('missing')}"
    with aws_error("InvalidArgumentException"):
        analytics.create_application(ApplicationName=name, Inputs=[stream_input(missing)])
    with aws_error("InvalidArgumentException"):
        analytics.create_application(ApplicationName=name, Inputs=[stream_input(source), stream_input(source, "B")])
    with aws_error("InvalidArgumentException"):
        analytics.create_application(ApplicationName=name, Outputs=[stream_output(sink, f"S{i}") for i in range(4)])
    with aws_error("InvalidArgumentException"):
        analytics.create_application(ApplicationName=name, Inputs=[{
            "NamePrefix": "SOURCE_SQL_STREAM", "InputSchema": SCHEMA}])
    bad_type = json.loads(json.dumps(SCHEMA))
    bad_type["RecordColumns"][1]["SqlType"] = "NUMBERISH(3"
    with aws_error("InvalidArgumentException"):
        analytics.create_application(ApplicationName=name, Inputs=[stream_input(source, schema=bad_type)])
    assert application_status(analytics, name) is None


def test_model_constraints_are_validation_exceptions(unvalidated_analytics):
    with aws_error("ValidationException"):
        unvalidated_analytics.create_application(ApplicationName="not a valid name!")
    with aws_error("ValidationException"):
        unvalidated_analytics.list_applications(Limit=51)
    with aws_error("ValidationException"):
        unvalidated_analytics.describe_application()


def test_unknown_applications_are_not_found(analytics):
    name = unique_name("ka-missing")
    with aws_error("ResourceNotFoundException", message_contains=f"Application {name} is not found"):
        analytics.describe_application(ApplicationName=name)
    with aws_error("ResourceNotFoundException"):
        analytics.stop_application(ApplicationName=name)
    with aws_error("ResourceNotFoundException"):
        analytics.add_application_output(ApplicationName=name, CurrentApplicationVersionId=1, Output={
            "Name": "X", "LambdaOutput": {"ResourceARN": LAMBDA_ARN, "RoleARN": ROLE_ARN},
            "DestinationSchema": {"RecordFormatType": "JSON"}})


# ----------------------------------------------------------------------------------------------- list

def test_list_is_alphabetical_and_pages(analytics, application):
    prefix = unique_name("ka-list")
    names = [application(f"{prefix}-{suffix}") for suffix in ("c", "a", "b")]
    start_after = f"{prefix}-"
    first = analytics.list_applications(Limit=2, ExclusiveStartApplicationName=start_after)
    assert [summary["ApplicationName"] for summary in first["ApplicationSummaries"]] == sorted(names)[:2]
    assert first["HasMoreApplications"] is True
    rest = analytics.list_applications(ExclusiveStartApplicationName=sorted(names)[1])
    listed = [summary["ApplicationName"] for summary in rest["ApplicationSummaries"]]
    assert listed[0] == sorted(names)[2]
    everything = analytics.list_applications()["ApplicationSummaries"]
    assert [s["ApplicationName"] for s in everything] == sorted(s["ApplicationName"] for s in everything)


# ----------------------------------------------------------------------------------------------- lifecycle

def test_start_and_stop_go_through_their_states(analytics, application, data_stream):
    name, _, _ = full_application(application, data_stream)
    start(analytics, name)
    assert application_status(analytics, name) in ("STARTING", "RUNNING")
    wait_status(analytics, name, "RUNNING")
    described = detail(analytics, name)
    assert described["InputDescriptions"][0]["InputStartingPositionConfiguration"] == {
        "InputStartingPosition": "TRIM_HORIZON"}
    assert described["ApplicationVersionId"] == 1
    with aws_error("ResourceInUseException"):
        start(analytics, name)
    analytics.stop_application(ApplicationName=name)
    assert application_status(analytics, name) in ("STOPPING", "READY")
    wait_status(analytics, name, "READY")
    with aws_error("ResourceInUseException"):
        analytics.stop_application(ApplicationName=name)
    start(analytics, name, "LAST_STOPPED_POINT")
    wait_status(analytics, name, "RUNNING")
    assert detail(analytics, name)["InputDescriptions"][0]["InputStartingPositionConfiguration"] == {
        "InputStartingPosition": "LAST_STOPPED_POINT"}


def test_start_checks_its_input_configurations(analytics, application, data_stream):
    empty = application()
    with aws_error("InvalidApplicationConfigurationException"):
        analytics.start_application(ApplicationName=empty, InputConfigurations=[])
    name, _, _ = full_application(application, data_stream)
    with aws_error("InvalidArgumentException"):
        analytics.start_application(ApplicationName=name, InputConfigurations=[
            {"Id": "7.1", "InputStartingPositionConfiguration": {"InputStartingPosition": "NOW"}}])
    assert application_status(analytics, name) == "READY"


def test_delete_needs_the_create_timestamp(analytics, data_stream, application):
    name, _, _ = full_application(application, data_stream)
    created = detail(analytics, name)["CreateTimestamp"]
    with aws_error("InvalidArgumentException"):
        analytics.delete_application(ApplicationName=name, CreateTimestamp=created - timedelta(hours=1))
    start(analytics, name)
    wait_status(analytics, name, "RUNNING")
    analytics.delete_application(ApplicationName=name, CreateTimestamp=created)
    assert application_status(analytics, name) in ("DELETING", None)
    wait_status(analytics, name, None)
    with aws_error("ResourceNotFoundException"):
        analytics.delete_application(ApplicationName=name, CreateTimestamp=created)


# ----------------------------------------------------------------------------------------------- update / versions

def test_update_checks_the_version_and_increments_it(analytics, application, data_stream):
    name, source, sink = full_application(application, data_stream)
    with aws_error("ConcurrentModificationException"):
        analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=2,
                                     ApplicationUpdate={"ApplicationCodeUpdate": CODE})
    new_sink = data_stream()
    analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=1, ApplicationUpdate={
        "ApplicationCodeUpdate": CODE.replace("STREAM_PUMP", "OTHER_PUMP"),
        "InputUpdates": [{"InputId": "1.1", "InputParallelismUpdate": {"CountUpdate": 2},
                          "InputSchemaUpdate": {"RecordColumnUpdates": SCHEMA["RecordColumns"] + [
                              {"Name": "SECTOR", "Mapping": "$.SECTOR", "SqlType": "VARCHAR(16)"}]}}],
        "OutputUpdates": [{"OutputId": "1.1", "KinesisStreamsOutputUpdate": {"ResourceARNUpdate": new_sink},
                           "DestinationSchemaUpdate": {"RecordFormatType": "CSV"}}],
    })
    described = detail(analytics, name)
    assert described["ApplicationVersionId"] == 2
    assert "OTHER_PUMP" in described["ApplicationCode"]
    [description] = described["InputDescriptions"]
    assert description["InAppStreamNames"] == ["SOURCE_SQL_STREAM_001", "SOURCE_SQL_STREAM_002"]
    assert [column["Name"] for column in description["InputSchema"]["RecordColumns"]] == [
        "TICKER_SYMBOL", "PRICE", "SECTOR"]
    assert description["InputSchema"]["RecordFormat"] == SCHEMA["RecordFormat"]
    assert described["OutputDescriptions"][0]["KinesisStreamsOutputDescription"]["ResourceARN"] == new_sink
    assert described["OutputDescriptions"][0]["DestinationSchema"] == {"RecordFormatType": "CSV"}
    with aws_error("CodeValidationException"):
        analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=2,
                                     ApplicationUpdate={"ApplicationCodeUpdate": "SELECT FROM WHERE"})
    assert version(analytics, name) == 2
    with aws_error("ResourceNotFoundException"):
        analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=2, ApplicationUpdate={
            "InputUpdates": [{"InputId": "9.1", "NamePrefixUpdate": "X"}]})


def test_updating_a_running_application_keeps_it_running(analytics, application, data_stream):
    name, _, _ = full_application(application, data_stream)
    start(analytics, name)
    wait_status(analytics, name, "RUNNING")
    analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=1, ApplicationUpdate={
        "ApplicationCodeUpdate": CODE.replace("STREAM_PUMP", "NEW_PUMP")})
    assert application_status(analytics, name) in ("UPDATING", "RUNNING")
    wait_status(analytics, name, "RUNNING")
    assert version(analytics, name) == 2


# ----------------------------------------------------------------------------------------------- add / delete

def test_outputs_are_numbered_and_limited_to_three(analytics, application, data_stream):
    name, _, sink = full_application(application, data_stream)
    for index, output_name in enumerate(["B", "C"], start=1):
        analytics.add_application_output(ApplicationName=name, CurrentApplicationVersionId=index,
                                         Output=stream_output(sink, output_name))
    with aws_error("InvalidArgumentException"):
        analytics.add_application_output(ApplicationName=name, CurrentApplicationVersionId=3,
                                         Output=stream_output(sink, "D"))
    with aws_error("ConcurrentModificationException"):
        analytics.delete_application_output(ApplicationName=name, CurrentApplicationVersionId=1, OutputId="2.1")
    analytics.delete_application_output(ApplicationName=name, CurrentApplicationVersionId=3, OutputId="2.1")
    with aws_error("ResourceNotFoundException"):
        analytics.delete_application_output(ApplicationName=name, CurrentApplicationVersionId=4, OutputId="2.1")
    described = detail(analytics, name)
    assert [output["OutputId"] for output in described["OutputDescriptions"]] == ["1.1", "3.1"]
    assert described["ApplicationVersionId"] == 4


def test_an_input_and_its_processing_configuration(analytics, application, data_stream):
    name = application()
    source = data_stream()
    analytics.add_application_input(ApplicationName=name, CurrentApplicationVersionId=1, Input=stream_input(source))
    with aws_error("InvalidArgumentException"):
        analytics.add_application_input(ApplicationName=name, CurrentApplicationVersionId=2,
                                        Input=stream_input(source, "OTHER"))
    analytics.add_application_input_processing_configuration(
        ApplicationName=name, CurrentApplicationVersionId=2, InputId="1.1",
        InputProcessingConfiguration={"InputLambdaProcessor": {"ResourceARN": LAMBDA_ARN, "RoleARN": ROLE_ARN}})
    [description] = detail(analytics, name)["InputDescriptions"]
    assert description["InputId"] == "1.1"
    assert description["InputProcessingConfigurationDescription"] == {
        "InputLambdaProcessorDescription": {"ResourceARN": LAMBDA_ARN, "RoleARN": ROLE_ARN}}
    analytics.delete_application_input_processing_configuration(
        ApplicationName=name, CurrentApplicationVersionId=3, InputId="1.1")
    [description] = detail(analytics, name)["InputDescriptions"]
    assert "InputProcessingConfigurationDescription" not in description
    with aws_error("ResourceNotFoundException"):
        analytics.delete_application_input_processing_configuration(
            ApplicationName=name, CurrentApplicationVersionId=4, InputId="2.1")
    assert version(analytics, name) == 4


def test_reference_data_sources(analytics, application, s3_root):
    name = application()
    bucket = unique_name("ka-bucket")
    (s3_root / bucket).mkdir()
    (s3_root / bucket / "companies.csv").write_text("AMZN,Amazon\nMSFT,Microsoft\n")
    source = {
        "TableName": "COMPANIES",
        "S3ReferenceDataSource": {"BucketARN": f"arn:aws:s3:::{bucket}", "FileKey": "companies.csv",
                                  "ReferenceRoleARN": ROLE_ARN},
        "ReferenceSchema": CSV_SCHEMA,
    }
    analytics.add_application_reference_data_source(ApplicationName=name, CurrentApplicationVersionId=1,
                                                    ReferenceDataSource=source)
    [description] = detail(analytics, name)["ReferenceDataSourceDescriptions"]
    assert description == {
        "ReferenceId": "1.1", "TableName": "COMPANIES",
        "S3ReferenceDataSourceDescription": {"BucketARN": f"arn:aws:s3:::{bucket}", "FileKey": "companies.csv",
                                             "ReferenceRoleARN": ROLE_ARN},
        "ReferenceSchema": {**CSV_SCHEMA, "RecordEncoding": "UTF-8"},
    }
    analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=2, ApplicationUpdate={
        "ReferenceDataSourceUpdates": [{"ReferenceId": "1.1", "TableNameUpdate": "COMPANY",
                                        "S3ReferenceDataSourceUpdate": {"FileKeyUpdate": "v2.csv"}}]})
    [description] = detail(analytics, name)["ReferenceDataSourceDescriptions"]
    assert description["TableName"] == "COMPANY"
    assert description["S3ReferenceDataSourceDescription"]["FileKey"] == "v2.csv"
    assert description["S3ReferenceDataSourceDescription"]["BucketARN"] == f"arn:aws:s3:::{bucket}"
    analytics.delete_application_reference_data_source(ApplicationName=name, CurrentApplicationVersionId=3,
                                                       ReferenceId="1.1")
    assert detail(analytics, name)["ReferenceDataSourceDescriptions"] == []
    with aws_error("ResourceNotFoundException"):
        analytics.delete_application_reference_data_source(ApplicationName=name, CurrentApplicationVersionId=4,
                                                           ReferenceId="1.1")


def test_cloudwatch_logging_options(analytics, application):
    name = application()
    analytics.add_application_cloud_watch_logging_option(
        ApplicationName=name, CurrentApplicationVersionId=1,
        CloudWatchLoggingOption={"LogStreamARN": LOG_STREAM_ARN, "RoleARN": ROLE_ARN})
    assert detail(analytics, name)["CloudWatchLoggingOptionDescriptions"] == [
        {"CloudWatchLoggingOptionId": "1.1", "LogStreamARN": LOG_STREAM_ARN, "RoleARN": ROLE_ARN}]
    other_stream = LOG_STREAM_ARN.replace("errors", "other")
    analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=2, ApplicationUpdate={
        "CloudWatchLoggingOptionUpdates": [{"CloudWatchLoggingOptionId": "1.1", "LogStreamARNUpdate": other_stream}]})
    assert detail(analytics, name)["CloudWatchLoggingOptionDescriptions"][0]["LogStreamARN"] == other_stream
    analytics.delete_application_cloud_watch_logging_option(ApplicationName=name, CurrentApplicationVersionId=3,
                                                            CloudWatchLoggingOptionId="1.1")
    assert detail(analytics, name)["CloudWatchLoggingOptionDescriptions"] == []
    with aws_error("ResourceNotFoundException"):
        analytics.delete_application_cloud_watch_logging_option(ApplicationName=name, CurrentApplicationVersionId=4,
                                                                CloudWatchLoggingOptionId="1.1")


# ----------------------------------------------------------------------------------------------- tags

def test_tags(analytics, application):
    name = application(Tags=[{"Key": "team", "Value": "data"}])
    arn = detail(analytics, name)["ApplicationARN"]
    analytics.tag_resource(ResourceARN=arn, Tags=[{"Key": "team", "Value": "streams"}, {"Key": "env", "Value": "ci"}])
    tags = analytics.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert sorted((tag["Key"], tag.get("Value")) for tag in tags) == [("env", "ci"), ("team", "streams")]
    analytics.untag_resource(ResourceARN=arn, TagKeys=["team"])
    assert analytics.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "env", "Value": "ci"}]
    with aws_error("TooManyTagsException"):
        analytics.tag_resource(ResourceARN=arn, Tags=[{"Key": f"k{index}", "Value": "v"} for index in range(50)])
    assert version(analytics, name) == 1
    missing = f"arn:aws:kinesisanalytics:{REGION}:{ACCOUNT_ID}:application/{unique_name('ka-missing')}"
    with aws_error("ResourceNotFoundException"):
        analytics.list_tags_for_resource(ResourceARN=missing)
    with aws_error("TooManyTagsException"):
        analytics.create_application(ApplicationName=unique_name("ka-app"),
                                     Tags=[{"Key": f"k{index}", "Value": "v"} for index in range(51)])


# ----------------------------------------------------------------------------------------------- discovery

def test_discover_input_schema_of_a_data_stream(analytics, kinesis, data_stream):
    arn = data_stream()
    stream_name = arn.split("/")[-1]
    records = [{"TICKER_SYMBOL": ticker, "SECTOR": sector, "CHANGE": change, "PRICE": price}
               for ticker, sector, change, price in [("AMZN", "RETAIL", -0.5, 10.25), ("MSFT", "TECH", 1.5, 20.5)]]
    for record in records:
        kinesis.put_record(StreamName=stream_name, PartitionKey="k", Data=json.dumps(record).encode())
    answer = analytics.discover_input_schema(
        ResourceARN=arn, RoleARN=ROLE_ARN,
        InputStartingPositionConfiguration={"InputStartingPosition": "TRIM_HORIZON"})
    schema = answer["InputSchema"]
    assert schema["RecordFormat"]["RecordFormatType"] == "JSON"
    assert schema["RecordFormat"]["MappingParameters"] == {"JSONMappingParameters": {"RecordRowPath": "$"}}
    assert [column["Name"] for column in schema["RecordColumns"]] == ["TICKER_SYMBOL", "SECTOR", "CHANGE", "PRICE"]
    assert [column["Mapping"] for column in schema["RecordColumns"]] == [
        "$.TICKER_SYMBOL", "$.SECTOR", "$.CHANGE", "$.PRICE"]
    assert [json.loads(raw) for raw in answer["RawInputRecords"]] == records
    assert len(answer["ParsedInputRecords"]) == 2


def test_discover_input_schema_of_an_object(analytics, s3_root):
    bucket = unique_name("ka-bucket")
    (s3_root / bucket / "in").mkdir(parents=True)
    (s3_root / bucket / "in" / "ticks.csv").write_text("AMZN,RETAIL,10\nMSFT,TECH,20\n")
    answer = analytics.discover_input_schema(S3Configuration={
        "RoleARN": ROLE_ARN, "BucketARN": f"arn:aws:s3:::{bucket}", "FileKey": "in/ticks.csv"})
    assert answer["InputSchema"]["RecordFormat"]["RecordFormatType"] == "CSV"
    assert len(answer["InputSchema"]["RecordColumns"]) == 3
    assert answer["RawInputRecords"] == ["AMZN,RETAIL,10", "MSFT,TECH,20"]


def test_discover_input_schema_errors(analytics, data_stream):
    with aws_error("UnableToDetectSchemaException"):
        analytics.discover_input_schema(
            ResourceARN=data_stream(), RoleARN=ROLE_ARN,
            InputStartingPositionConfiguration={"InputStartingPosition": "TRIM_HORIZON"})
    with aws_error("InvalidArgumentException"):
        analytics.discover_input_schema()
    missing = f"arn:aws:kinesis:{REGION}:{ACCOUNT_ID}:stream/{unique_name('missing')}"
    with aws_error("InvalidArgumentException"):
        analytics.discover_input_schema(ResourceARN=missing, RoleARN=ROLE_ARN,
                                        InputStartingPositionConfiguration={"InputStartingPosition": "NOW"})
