"""moto's standalone S3 server on 127.0.0.1, speaking the real S3 protocol over HTTP, for the S3 vault's tests."""

import uuid

import pytest

CREDENTIALS = {"access_key": "synthetic-test-key", "secret_key": "synthetic-test-secret", "region_name": "us-east-1"}


@pytest.fixture(scope="session")
def s3_endpoint():
    """Start moto's server on a free port of 127.0.0.1 for the session; return its URL."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_options(s3_endpoint, monkeypatch):
    """Create an empty bucket of its own for one test; return the vault options that reach it."""
    import boto3

    # Credentials are given; never look for others (an instance's metadata service is not 127.0.0.1).
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    bucket = f"litopys-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, aws_access_key_id=CREDENTIALS["access_key"],
                          aws_secret_access_key=CREDENTIALS["secret_key"], region_name=CREDENTIALS["region_name"])
    client.create_bucket(Bucket=bucket)
    return {"bucket_name": bucket, "endpoint_url": s3_endpoint, **CREDENTIALS}


@pytest.fixture
def s3_vault(settings, tmp_path, s3_options):
    """Point the evidence vault at the bucket (and the signing key at a fresh folder); return the vault."""
    from litopys.evidence.vault import get_vault

    settings.LITOPYS_VAULT = {"BACKEND": "litopys.evidence.storage_s3.S3Vault", "OPTIONS": s3_options}
    settings.LITOPYS_SIGNING_KEY = tmp_path / "custody-ed25519.pem"
    return get_vault()
