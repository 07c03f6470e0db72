from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo's home page and its seed command (only in `make demo`)."""

    name = "tests.host.demo"
    label = "demo"
