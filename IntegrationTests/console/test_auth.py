"""The console against a server with `--credentials`: signed out it shows AWS's authentication error and a way to
sign in; the keys entered sign every call of the four services in the browser (the server verifies the SigV4
signature as it does boto3's); a wrong secret and a denying policy show AWS's errors."""

from __future__ import annotations

import boto3
import pytest
from botocore.config import Config

from support import REGION, credentials_server, unique_name, wait_active

from .conftest import Console

ACCOUNT = "123456789012"
ADMIN = ("AKIDCONSOLE", "console-secret")
READER = ("AKIDVIEWER", "viewer-secret")
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
READ_ONLY = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["kinesis:Describe*", "kinesis:List*"], "Resource": "*"}]}


@pytest.fixture(scope="module")
def secured(tmp_path_factory):
    with credentials_server(tmp_path_factory, "console-auth", [
        {"accessKeyId": ADMIN[0], "secretAccessKey": ADMIN[1], "accountId": ACCOUNT, "policies": [ALLOW_ALL]},
        {"accessKeyId": READER[0], "secretAccessKey": READER[1], "accountId": ACCOUNT, "policies": [READ_ONLY]},
    ]) as process:
        yield process


@pytest.fixture
def secured_console(browser, secured):
    view = Console(browser, secured.endpoint)
    view.open("/streams")
    browser.execute_script("sessionStorage.clear()")
    view.open("/streams")
    browser.get_log("browser")
    return view


def sign_in(console: Console, keys, region: str = REGION) -> None:
    console.open("/signin")
    console.fill("#signin-form input[name=accessKeyId]", keys[0])
    console.fill("#signin-form input[name=secretAccessKey]", keys[1])
    console.fill("#signin-form input[name=region]", region)
    console.element("#signin-form button[type=submit]").click()
    console.wait_text("#identity", keys[0])


def test_signed_out_the_console_asks_for_credentials(secured_console):
    banner = secured_console.wait_text("#credentials-banner", "MissingAuthenticationTokenException")
    assert "Sign in" in banner
    secured_console.open("/signin")
    secured_console.element("#signin-form")
    secured_console.screenshot("signin")


def test_a_wrong_secret_is_an_invalid_signature(secured_console):
    sign_in(secured_console, (ADMIN[0], "not-the-secret"))
    secured_console.open("/streams")
    secured_console.wait_text("#credentials-banner", "InvalidSignatureException")


def test_signed_calls_work_for_every_service(secured_console, secured):
    sign_in(secured_console, ADMIN)
    name = unique_name("signed")
    secured_console.open("/streams")
    secured_console.fill("#create-stream input[name=name]", name)
    secured_console.element("#create-stream button[type=submit]").click()
    kinesis = boto3.session.Session().client(
        "kinesis", region_name=REGION, endpoint_url=secured.endpoint, aws_access_key_id=ADMIN[0],
        aws_secret_access_key=ADMIN[1], config=Config(retries={"max_attempts": 0}))
    wait_active(kinesis, name)
    secured_console.open(f"/streams/{name}")
    secured_console.wait_text("#view", f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/{name}")
    for route, ready in [("/firehose", "#delivery-stream-list"), ("/analytics", "#application-list"),
                         ("/video", "#video-stream-list")]:
        secured_console.open(route)
        secured_console.wait(lambda _: secured_console.elements(f"{ready} table"), message=f"{route} never loaded")
        assert secured_console.errors() == [], route


def test_a_denying_policy_shows_access_denied(secured_console, secured):
    kinesis = boto3.session.Session().client(
        "kinesis", region_name=REGION, endpoint_url=secured.endpoint, aws_access_key_id=ADMIN[0],
        aws_secret_access_key=ADMIN[1], config=Config(retries={"max_attempts": 0}))
    name = unique_name("guarded")
    kinesis.create_stream(StreamName=name, ShardCount=1)
    wait_active(kinesis, name)
    sign_in(secured_console, READER)
    secured_console.open("/streams")
    secured_console.wait_text("#stream-list", name)
    button = secured_console.element(f'button[data-stream="{name}"]')
    button.click()
    button.click()
    secured_console.wait_text(".notice.error", "AccessDeniedException")
    assert kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"] == "ACTIVE"
