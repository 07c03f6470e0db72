from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo's home page, the MFE harness page and the seed command (URLs only in `make demo`
    and the tests that mount tests.host.demo.urls)."""

    name = "tests.host.demo"
    label = "demo"
