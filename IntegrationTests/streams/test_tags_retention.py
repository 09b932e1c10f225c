"""Stream tags (by name and by ARN) and the retention period."""

from __future__ import annotations

from support import aws_error, unique_name


def tags_by_paging(kinesis, name, limit):
    collected, start, pages = [], None, 0
    while True:
        params = {"StreamName": name, "Limit": limit}
        if start is not None:
            params["ExclusiveStartTagKey"] = start
        response = kinesis.list_tags_for_stream(**params)
        pages += 1
        assert len(response["Tags"]) <= limit
        collected += response["Tags"]
        if not response["HasMoreTags"]:
            return collected, pages
        assert response["Tags"], "HasMoreTags with an empty page"
        start = response["Tags"][-1]["Key"]
        assert pages < 100


def as_dict(tags):
    return {t["Key"]: t.get("Value", "") for t in tags}


def test_add_list_remove_tags(kinesis, stream):
    created = stream()
    initial = kinesis.list_tags_for_stream(StreamName=created.name)
    assert initial["Tags"] == []
    assert initial["HasMoreTags"] is False
    kinesis.add_tags_to_stream(StreamName=created.name, Tags={"env": "test", "team": "data", "empty": ""})
    listed = kinesis.list_tags_for_stream(StreamName=created.name)
    assert listed["HasMoreTags"] is False
    assert as_dict(listed["Tags"]) == {"env": "test", "team": "data", "empty": ""}
    # Adding an existing key replaces its value.
    kinesis.add_tags_to_stream(StreamName=created.name, Tags={"env": "prod"})
    assert as_dict(kinesis.list_tags_for_stream(StreamName=created.name)["Tags"]) == {
        "env": "prod", "team": "data", "empty": ""}
    kinesis.remove_tags_from_stream(StreamName=created.name, TagKeys=["team", "not-there"])
    assert as_dict(kinesis.list_tags_for_stream(StreamName=created.name)["Tags"]) == {"env": "prod", "empty": ""}


def test_list_tags_paging(kinesis, stream):
    created = stream()
    tags = {f"key-{i:02d}": f"value-{i}" for i in range(7)}
    kinesis.add_tags_to_stream(StreamName=created.name, Tags=tags)
    first = kinesis.list_tags_for_stream(StreamName=created.name, Limit=3)
    assert len(first["Tags"]) == 3
    assert first["HasMoreTags"] is True
    collected, pages = tags_by_paging(kinesis, created.name, 3)
    assert pages == 3
    assert len(collected) == 7
    assert as_dict(collected) == tags
    exact, _ = tags_by_paging(kinesis, created.name, 7)
    assert as_dict(exact) == tags
    everything = kinesis.list_tags_for_stream(StreamName=created.name, Limit=7)
    assert everything["HasMoreTags"] is False
    # ExclusiveStartTagKey skips the keys up to and including the one given.
    keys = [t["Key"] for t in collected]
    rest = kinesis.list_tags_for_stream(StreamName=created.name, ExclusiveStartTagKey=keys[3])
    assert [t["Key"] for t in rest["Tags"]] == keys[4:]
    assert rest["HasMoreTags"] is False


def test_tags_given_at_creation(kinesis, stream):
    created = stream(tags={"origin": "create", "owner": "it"})
    assert as_dict(kinesis.list_tags_for_stream(StreamName=created.name)["Tags"]) == {
        "origin": "create", "owner": "it"}


def test_tag_resource_by_arn(kinesis, stream):
    created = stream()
    kinesis.tag_resource(ResourceARN=created.arn, Tags={"a": "1", "b": "2"})
    listed = kinesis.list_tags_for_resource(ResourceARN=created.arn)
    assert as_dict(listed["Tags"]) == {"a": "1", "b": "2"}
    # Both APIs see the same tags.
    assert as_dict(kinesis.list_tags_for_stream(StreamName=created.name)["Tags"]) == {"a": "1", "b": "2"}
    kinesis.add_tags_to_stream(StreamARN=created.arn, Tags={"c": "3"})
    kinesis.untag_resource(ResourceARN=created.arn, TagKeys=["a"])
    assert as_dict(kinesis.list_tags_for_resource(ResourceARN=created.arn)["Tags"]) == {"b": "2", "c": "3"}
    assert as_dict(kinesis.list_tags_for_stream(StreamARN=created.arn)["Tags"]) == {"b": "2", "c": "3"}
    kinesis.remove_tags_from_stream(StreamARN=created.arn, TagKeys=["b", "c"])
    assert kinesis.list_tags_for_resource(ResourceARN=created.arn)["Tags"] == []


def test_tags_on_unknown_stream_are_not_found(kinesis, stream):
    created = stream()
    missing = unique_name("missing")
    missing_arn = created.arn.rsplit("/", 1)[0] + "/" + missing
    with aws_error("ResourceNotFoundException"):
        kinesis.add_tags_to_stream(StreamName=missing, Tags={"a": "1"})
    with aws_error("ResourceNotFoundException"):
        kinesis.list_tags_for_stream(StreamName=missing)
    with aws_error("ResourceNotFoundException"):
        kinesis.remove_tags_from_stream(StreamName=missing, TagKeys=["a"])
    with aws_error("ResourceNotFoundException"):
        kinesis.list_tags_for_resource(ResourceARN=missing_arn)
    with aws_error("ResourceNotFoundException"):
        kinesis.tag_resource(ResourceARN=missing_arn, Tags={"a": "1"})


def retention(kinesis, name):
    return kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["RetentionPeriodHours"]


def test_retention_increase_and_decrease(kinesis, stream):
    created = stream()
    assert retention(kinesis, created.name) == 24
    kinesis.increase_stream_retention_period(StreamName=created.name, RetentionPeriodHours=48)
    assert retention(kinesis, created.name) == 48
    assert kinesis.describe_stream(StreamName=created.name)["StreamDescription"]["RetentionPeriodHours"] == 48
    kinesis.increase_stream_retention_period(StreamARN=created.arn, RetentionPeriodHours=8760)
    assert retention(kinesis, created.name) == 8760
    kinesis.decrease_stream_retention_period(StreamName=created.name, RetentionPeriodHours=100)
    assert retention(kinesis, created.name) == 100
    kinesis.decrease_stream_retention_period(StreamARN=created.arn, RetentionPeriodHours=24)
    assert retention(kinesis, created.name) == 24


def test_retention_wrong_direction_is_invalid(kinesis, stream):
    created = stream()
    kinesis.increase_stream_retention_period(StreamName=created.name, RetentionPeriodHours=72)
    with aws_error("InvalidArgumentException"):
        kinesis.increase_stream_retention_period(StreamName=created.name, RetentionPeriodHours=48)
    with aws_error("InvalidArgumentException"):
        kinesis.decrease_stream_retention_period(StreamName=created.name, RetentionPeriodHours=96)
    assert retention(kinesis, created.name) == 72


def test_retention_out_of_range_is_invalid(kinesis, stream):
    created = stream()
    # RetentionPeriodHours has no min/max in the service model: the 24..8760 bound is a semantic check.
    with aws_error("InvalidArgumentException"):
        kinesis.increase_stream_retention_period(StreamName=created.name, RetentionPeriodHours=8761)
    with aws_error("InvalidArgumentException"):
        kinesis.decrease_stream_retention_period(StreamName=created.name, RetentionPeriodHours=23)
    with aws_error("InvalidArgumentException"):
        kinesis.decrease_stream_retention_period(StreamName=created.name, RetentionPeriodHours=0)
    assert retention(kinesis, created.name) == 24


def test_retention_on_unknown_stream_is_not_found(kinesis):
    with aws_error("ResourceNotFoundException"):
        kinesis.increase_stream_retention_period(StreamName=unique_name("missing"), RetentionPeriodHours=48)
