"""The demo host: the test host's URLs plus a home page that links the LMS and Studio pages, and the
MFE harness page (the widgets of frontend/ as the MFE slots mount them)."""

from django.urls import path
from django.views.generic import TemplateView

from tests.host.urls import urlpatterns as host_urlpatterns

from .views import mfe_harness

urlpatterns = [
    path("", TemplateView.as_view(template_name="demo/home.html"), name="demo-home"),
    path("demo/mfe-harness/", mfe_harness, name="demo-mfe-harness"),
    *host_urlpatterns,
]
