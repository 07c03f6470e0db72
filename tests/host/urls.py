"""URLs of the stand-in host: admin, login, and the plugin mounted as Open edX would mount it."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tests.host.hostapp.views import signed_in

urlpatterns = [
    path("signed-in/", signed_in, name="signed-in"),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(template_name="host/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("author_certificates.urls", namespace="author_certificates")),
]
