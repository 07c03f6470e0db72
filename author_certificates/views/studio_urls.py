"""Studio and staff pages: the Author tool, certificate selection for a training, the progress report."""

urlpatterns: list = []
