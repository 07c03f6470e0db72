"""The demo host: the test host's URLs plus a home page that links the LMS and Studio pages."""

from django.urls import path
from django.views.generic import TemplateView

from tests.host.urls import urlpatterns as host_urlpatterns

urlpatterns = [
    path("", TemplateView.as_view(template_name="demo/home.html"), name="demo-home"),
    *host_urlpatterns,
]
