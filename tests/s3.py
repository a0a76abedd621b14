"""One moto S3 server for the test run, spoken to over HTTP, and the ``private`` storage
alias pointed at it with the options production gives it (``website.settings.base``).

moto keeps its buckets per process, so every S3 test shares one server and one bucket, and
each test starts from an empty bucket.
"""

import boto3
import pytest

BUCKET = "chamber-private"
REGION = "eu-west-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def s3_client(endpoint: str):
    return boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS)


def keys(client) -> list[str]:
    """The object keys in the bucket now."""
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.fixture(scope="session")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    s3_client(endpoint).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    yield endpoint
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings):
    """The ``private`` storage alias on S3 (encrypted, private, never overwriting, presigned
    URLs of 60 seconds signed with Signature V4); returns a boto3 client of the bucket."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "region_name": REGION,
                "endpoint_url": s3_endpoint,
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
                "signature_version": "s3v4",
                "file_overwrite": False,
                "object_parameters": {"ServerSideEncryption": "AES256"},
            },
        },
    }
    client = s3_client(s3_endpoint)
    for key in keys(client):
        client.delete_object(Bucket=BUCKET, Key=key)
    return client
