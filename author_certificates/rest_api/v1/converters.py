"""The ``training_key`` path converter of the REST API's URLs."""

from django.urls import converters, register_converter


class TrainingKeyConverter:
    """One path segment holding a training key, passed on verbatim (validated by the API).

    Training keys keep their ``:`` and ``+`` (``course-v1:Org+Num+Run``); any non-empty segment
    matches and the API answers 400 with the expected forms for a malformed one (rather than a bare
    404 from the URL resolver).
    """

    regex = r"[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


def register_training_key_converter() -> None:
    """Register the converter once (each URL module that uses it calls this)."""
    if "training_key" not in converters.get_converters():
        register_converter(TrainingKeyConverter, "training_key")
