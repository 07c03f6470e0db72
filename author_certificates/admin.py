"""Django admin for every model. Versions, assets, assignments and issued certificates are
read-only here: they are history, and changing them would break R1, R2 and R8."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import api, models
from .exceptions import AuthorCertificatesError, InvalidDesign, InvalidInput
from .views.design_problems import located_sentence


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows rows without letting anyone add, change or delete them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "key", "tenant", "language")
    list_filter = ("kind", "tenant")
    search_fields = ("title", "key")
    readonly_fields = ("kind", "key", "org", "created_at", "updated_at")


class ReadOnlyVersionInline(admin.TabularInline):
    """A design's versions, listed and linked: never added, changed or deleted here."""

    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class VersionInline(ReadOnlyVersionInline):
    model = models.AuthorCertificateVersion
    fields = ("number", "title", "created_at", "created_by", "page_size", "orientation", "language")


@admin.register(models.AuthorCertificate)
class AuthorCertificateAdmin(admin.ModelAdmin):
    list_display = ("title", "tenant", "created_by", "created_at", "latest_version_number")
    list_filter = ("tenant",)
    search_fields = ("title",)
    readonly_fields = ("uuid", "tenant", "created_by", "created_at", "latest_version_number")
    inlines = [VersionInline]

    def has_add_permission(self, request):
        return False  # certificates are created with a validated version 1, in Studio or through the API


@admin.register(models.AuthorCertificateVersion)
class AuthorCertificateVersionAdmin(ReadOnlyAdmin):
    list_display = ("certificate", "number", "created_at", "created_by")
    list_filter = ("certificate__tenant",)


@admin.register(models.DesignAsset)
class DesignAssetAdmin(ReadOnlyAdmin):
    list_display = ("sha256", "content_type", "size")
    exclude = ("data",)


@admin.register(models.VersionAsset)
class VersionAssetAdmin(ReadOnlyAdmin):
    list_display = ("version", "name", "asset")


class ClassicCertificateForm(forms.ModelForm):
    """A tenant classic's design is validated as the Author tool validates a version (syntax,
    placeholders, page settings, a trial render) before it is saved; each problem is shown on its
    field (docs/decisions/0121-classic-certificate-versions.md)."""

    class Meta:
        model = models.ClassicCertificate
        fields = ("tenant", "name", "language", "builtin_language", "html", "css", "page_size", "orientation",
                  "is_active")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("builtin_language") or self.errors:
            return cleaned  # a platform default's design is the package's
        try:
            api.validate_classic_design(
                html=cleaned.get("html") or "", css=cleaned.get("css") or "",
                page_size=cleaned.get("page_size"), orientation=cleaned.get("orientation"),
                language=cleaned.get("language") or "", name=cleaned.get("name") or "",
            )
        except InvalidDesign as error:
            for problem in error.problems:
                field = problem.field if problem.field in ("html", "css", "page_size", "orientation") else None
                # The editor's whole sentence in the page's language ("Line 1 of the HTML: ..."),
                # not the template engine's English words.
                self.add_error(field, located_sentence(problem.message, line=problem.line, field=problem.field))
        except InvalidInput as error:
            self.add_error("html", str(error))
        return cleaned


class ClassicVersionInline(ReadOnlyVersionInline):
    model = models.ClassicCertificateVersion
    fields = ("number", "name", "created_at", "created_by", "page_size", "orientation", "language")


@admin.register(models.ClassicCertificate)
class ClassicCertificateAdmin(admin.ModelAdmin):
    """A tenant classic edited here is validated first, and a changed design becomes a new version;
    older versions, and the certificates issued from them, are untouched."""

    form = ClassicCertificateForm
    list_display = ("name", "tenant", "language", "is_active", "latest_version_number")
    list_filter = ("tenant", "language", "is_active")
    search_fields = ("name",)
    readonly_fields = ("uuid", "latest_version_number")
    inlines = [ClassicVersionInline]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            version = api.current_classic_version(classic=obj, created_by=request.user)
        if version is not None and version.number == obj.latest_version_number and form.changed_data:
            self.message_user(request, _("Version %(number)s of %(name)s is the one new certificates use.") % {
                "number": version.number, "name": obj.name})


@admin.register(models.ClassicCertificateVersion)
class ClassicCertificateVersionAdmin(ReadOnlyAdmin):
    list_display = ("classic", "number", "created_at", "created_by")
    list_filter = ("classic__tenant",)


@admin.register(models.CertificateAssignment)
class CertificateAssignmentAdmin(ReadOnlyAdmin):
    list_display = ("training", "classic", "version", "assigned_by", "assigned_at")
    list_filter = ("training__tenant",)


@admin.register(models.Completion)
class CompletionAdmin(admin.ModelAdmin):
    list_display = ("user", "training", "completed_at", "revoked_at", "source")
    list_filter = ("training__kind", "training__tenant")
    search_fields = ("user__username", "training__title")
    raw_id_fields = ("user", "training")


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=255, help_text=_("Shown to staff only, never on the "
                                                                          "verification page."))


@admin.register(models.IssuedCertificate)
class IssuedCertificateAdmin(ReadOnlyAdmin):
    """Read-only, with two actions through the API (who may, and in which state, is the API's rule):
    invalidate with a reason (asked on an intermediate page), and reissue."""

    list_display = ("training", "user", "state", "failure_code", "requested_at", "generated_at", "invalidated_at")
    list_filter = ("state", "failure_code", "training__tenant", ("invalidated_at", admin.EmptyFieldListFilter))
    search_fields = ("user__username", "training__title", "uuid")
    actions = ["invalidate_certificates", "reissue_certificates"]

    @admin.action(description=_("Invalidate the selected certificates"))
    def invalidate_certificates(self, request, queryset):
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._each(request, queryset, lambda issued: api.invalidate_certificate(
                user=request.user, certificate=issued.uuid, reason=form.cleaned_data["reason"]),
                _("%(count)s certificate(s) invalidated."))
            return None
        return TemplateResponse(request, "admin/author_certificates/invalidate_certificates.html", {
            **self.admin_site.each_context(request),
            "title": _("Invalidate certificates"),
            "opts": self.model._meta,
            "certificates": queryset.select_related("training", "user"),
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        })

    @admin.action(description=_("Reissue the selected invalidated certificates"))
    def reissue_certificates(self, request, queryset):
        self._each(request, queryset, lambda issued: api.reissue_certificate(
            user=request.user, certificate=issued.uuid), _("%(count)s certificate(s) reissued."))

    def _each(self, request, queryset, act, done_message) -> None:
        done = 0
        for issued in queryset.select_related("user"):
            try:
                act(issued)
            except AuthorCertificatesError as error:
                self.message_user(request, f"{issued.user.get_username()}: {error}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)


@admin.register(models.SupersededCertificate)
class SupersededCertificateAdmin(ReadOnlyAdmin):
    list_display = ("training", "uuid", "generated_at", "invalidated_at", "superseded_at")
    list_filter = ("training__tenant",)
    search_fields = ("uuid", "training__title")


@admin.register(models.CertificateEvent)
class CertificateEventAdmin(ReadOnlyAdmin):
    list_display = ("training", "kind", "certificate_uuid", "done_by", "done_at", "reason")
    list_filter = ("kind", "training__tenant")
    search_fields = ("certificate_uuid", "training__title")


@admin.register(models.RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "tenant", "training", "granted_at")
    list_filter = ("role", "tenant")
    raw_id_fields = ("user", "training", "granted_by")
