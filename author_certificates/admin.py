"""Django admin for every model. Versions, assets, assignments and issued certificates are
read-only here: they are history, and changing them would break R1, R2 and R8."""

from django.contrib import admin

from . import models


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


class VersionInline(admin.TabularInline):
    model = models.AuthorCertificateVersion
    fields = ("number", "title", "created_at", "created_by", "page_size", "orientation", "language")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


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


@admin.register(models.ClassicCertificate)
class ClassicCertificateAdmin(admin.ModelAdmin):
    list_display = ("name", "tenant", "language", "is_active")
    list_filter = ("tenant", "language", "is_active")
    search_fields = ("name",)
    readonly_fields = ("uuid",)


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


@admin.register(models.IssuedCertificate)
class IssuedCertificateAdmin(ReadOnlyAdmin):
    list_display = ("training", "user", "state", "failure_code", "requested_at", "generated_at")
    list_filter = ("state", "failure_code", "training__tenant")
    search_fields = ("user__username", "training__title", "uuid")


@admin.register(models.RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "tenant", "training", "granted_at")
    list_filter = ("role", "tenant")
    raw_id_fields = ("user", "training", "granted_by")
