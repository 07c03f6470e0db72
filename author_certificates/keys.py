"""Training keys: parse and describe the three documented forms.

* course:   an edx-opaque-keys ``CourseKey`` string, ``course-v1:Org+Number+Run``
* pathway:  ``pathway-v1:Org+slug``
* program:  ``program-v1:Org+slug``

Pathways and programs have no opaque-key type in Open edX, so they get a string form of their
own with the same shape (a versioned kind prefix, then ``+``-separated parts) so that a key
alone says what kind of training it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from .exceptions import MalformedTrainingKey

COURSE, PATHWAY, PROGRAM = "course", "pathway", "program"
KINDS = (COURSE, PATHWAY, PROGRAM)

EXPECTED_FORMS = "course-v1:Org+Number+Run, pathway-v1:Org+slug or program-v1:Org+slug"

_PART = r"[A-Za-z0-9_.~-]+"
_OWN_FORM = re.compile(rf"^(?P<kind>pathway|program)-v1:(?P<org>{_PART})\+(?P<slug>{_PART})$")


@dataclass(frozen=True)
class TrainingKey:
    """A validated training key: its kind, its organisation and its canonical string."""

    kind: str
    org: str
    value: str

    def __str__(self) -> str:
        return self.value


def parse_training_key(value: str) -> TrainingKey:
    """Parse ``value`` into a TrainingKey.

    Raises MalformedTrainingKey, whose message quotes the value and shows the expected forms.
    """
    if not isinstance(value, str) or not value.strip():
        raise MalformedTrainingKey(f"A training key is required; expected {EXPECTED_FORMS}.")
    value = value.strip()
    own = _OWN_FORM.match(value)
    if own:
        return TrainingKey(kind=own["kind"], org=own["org"], value=value)
    if value.startswith(("pathway", "program")):
        raise MalformedTrainingKey(f"'{value}' is not a valid training key; expected {EXPECTED_FORMS}.")
    try:
        course_key = CourseKey.from_string(value)
    except InvalidKeyError:
        raise MalformedTrainingKey(f"'{value}' is not a valid training key; expected {EXPECTED_FORMS}.") from None
    return TrainingKey(kind=COURSE, org=course_key.org, value=str(course_key))
