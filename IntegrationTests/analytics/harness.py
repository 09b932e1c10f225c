"""Helpers for the Analytics integration tests: clients, application states and clean-up.

Everything here drives the server over its public surfaces only (boto3). AWS's API reference and botocore's
`kinesisanalytics` model are the specification.
"""

from __future__ import annotations

import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from support import ACCESS_KEY, REGION, SECRET_KEY, wait_until

ACCOUNT_ID = "000000000000"
ROLE_ARN = "arn:aws:iam::000000000000:role/analytics"
STATE_TIMEOUT_SECONDS = 30.0


def analytics_client(endpoint: str, validate: bool = True):
    """A boto3 `kinesisanalytics` client without retries; `validate=False` skips botocore's own parameter checks so
    that model violations reach the server."""
    config = Config(retries={"max_attempts": 0}, connect_timeout=5, read_timeout=60, parameter_validation=validate)
    return boto3.session.Session().client(
        "kinesisanalytics", region_name=REGION, endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, config=config,
    )


def firehose_client(endpoint: str):
    config = Config(retries={"max_attempts": 0}, connect_timeout=5, read_timeout=60)
    return boto3.session.Session().client(
        "firehose", region_name=REGION, endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, config=config,
    )


def application_status(analytics, name: str) -> str | None:
    try:
        return analytics.describe_application(ApplicationName=name)["ApplicationDetail"]["ApplicationStatus"]
    except ClientError as error:
        if error.response["Error"]["Code"] == "ResourceNotFoundException":
            return None
        raise


def wait_status(analytics, name: str, status: str | None, timeout_seconds: float = STATE_TIMEOUT_SECONDS) -> None:
    wait_until(lambda: application_status(analytics, name) == status, timeout_seconds,
               what=f"application {name} in status {status}")


def delete_application_and_wait(analytics, name: str) -> None:
    """Deletes the application whatever its state (waiting out transient ones) and waits until it is gone."""
    deadline = time.monotonic() + STATE_TIMEOUT_SECONDS
    while True:
        try:
            detail = analytics.describe_application(ApplicationName=name)["ApplicationDetail"]
        except ClientError as error:
            if error.response["Error"]["Code"] == "ResourceNotFoundException":
                return
            raise
        if detail["ApplicationStatus"] == "DELETING":
            break
        try:
            analytics.delete_application(ApplicationName=name, CreateTimestamp=detail["CreateTimestamp"])
            break
        except ClientError as error:
            if error.response["Error"]["Code"] != "ResourceInUseException" or time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    wait_status(analytics, name, None)


