"""Which storage errors are retried: network trouble and throttling, not misconfiguration."""

import pytest

from author_certificates.storage import is_transient_error


class EndpointConnectionError(Exception):
    """Stands in for botocore's class of that name (matched by name, botocore is not required)."""


class ClientError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


@pytest.mark.parametrize("error", [
    ConnectionResetError("reset by peer"),
    TimeoutError("timed out"),
    OSError(5, "Input/output error"),
    EndpointConnectionError("could not connect to the endpoint URL"),
    ClientError("SlowDown"),
    ClientError("ServiceUnavailable"),
])
def test_network_and_throttling_errors_are_transient(error):
    assert is_transient_error(error)


@pytest.mark.parametrize("error", [
    PermissionError("read-only file system"),
    ValueError("bad name"),
    ClientError("AccessDenied"),
    ClientError("NoSuchBucket"),
])
def test_misconfiguration_is_not_retried(error):
    assert not is_transient_error(error)
