"""Forms of the Studio pages: the design editor and the certificate assignment of a training.

They only parse and check the shape of what was posted; the rules (validation of the design,
tenants, permissions) live behind ``author_certificates.api``.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import api

# Languages a design may be written in: those of the classic certificates, plus any the host lists.
DESIGN_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("pt", _("Portuguese")),
]


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that accepts several files at once (Django needs the opt-in)."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A list of uploaded files; empty when nothing was chosen."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class DesignForm(forms.Form):
    """Title, HTML, CSS, page set-up and assets of an author certificate."""

    title = forms.CharField(label=_("Title"), max_length=255)
    html = forms.CharField(
        label=_("HTML"),
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false", "class": "code"}),
        help_text=_("Use the placeholders listed below, e.g. {{ learner_full_name }}."),
    )
    css = forms.CharField(
        label=_("CSS"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false", "class": "code"}),
    )
    page_size = forms.ChoiceField(label=_("Page size"), choices=api.DESIGN_PAGE_SIZES, initial=api.DEFAULT_PAPER_SIZE)
    orientation = forms.ChoiceField(label=_("Orientation"), choices=api.DESIGN_ORIENTATIONS,
                                    initial=api.DEFAULT_ORIENTATION)
    language = forms.ChoiceField(label=_("Language"), choices=DESIGN_LANGUAGES, initial="en")
    assets = MultipleFileField(
        label=_("Add images or fonts"),
        required=False,
        help_text=_('In the HTML write {{ asset("name.png") }}; in the CSS write url("asset:name.png").'),
    )
    remove_assets = forms.MultipleChoiceField(
        label=_("Remove assets"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, asset_names: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # {"field": "html" or "css", "line": n, "message": sentence}: marked in the code editor.
        self.problem_marks: list[dict] = []
        self._uploaded: dict[str, bytes] | None = None
        self.fields["remove_assets"].choices = [(name, name) for name in asset_names or []]
        if not asset_names:
            del self.fields["remove_assets"]
        # Screen readers read a field's problems and help with it (the template renders both lists).
        for name, field in self.fields.items():
            described_by = [f"id_{name}-errors"] + ([f"id_{name}-help"] if field.help_text else [])
            field.widget.attrs["aria-describedby"] = " ".join(described_by)

    # Browsers post a textarea's line breaks as CRLF: store LF, so that saving a design unchanged
    # from the browser compares equal to the version it was loaded from, whoever saved that.
    def clean_html(self) -> str:
        return self.cleaned_data["html"].replace("\r\n", "\n")

    def clean_css(self) -> str:
        return (self.cleaned_data.get("css") or "").replace("\r\n", "\n")

    def add_error(self, field, error):
        super().add_error(field, error)
        if field in self.fields:
            self.fields[field].widget.attrs["aria-invalid"] = "true"

    def design_kwargs(self) -> dict:
        """The cleaned design fields as keyword arguments of the api functions."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "html": data["html"],
            "css": data.get("css") or "",
            "page_size": data["page_size"],
            "orientation": data["orientation"],
            "language": data["language"],
        }

    def uploaded_assets(self) -> dict[str, bytes]:
        """Uploaded files by their file name (the name the template uses in asset("...")."""
        if self._uploaded is None:
            cleaned = getattr(self, "cleaned_data", None) or {}
            uploads = cleaned.get("assets")
            if uploads is None:  # the form did not validate: take the files as they came
                uploads = [upload for upload in self.files.getlist(self.add_prefix("assets")) if upload]
            self._uploaded = {upload.name: upload.read() for upload in uploads}
        return self._uploaded

    def removed_assets(self) -> list[str]:
        return list(self.cleaned_data.get("remove_assets") or [])


class AssignForm(forms.Form):
    """Exactly one of: a classic certificate or a version of an author certificate (by uuid)."""

    classic = forms.UUIDField(required=False, widget=forms.HiddenInput)
    version = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if bool(data.get("classic")) == bool(data.get("version")):
            raise forms.ValidationError(
                _("Choose exactly one certificate: a classic certificate or a version of an author certificate.")
            )
        return data
