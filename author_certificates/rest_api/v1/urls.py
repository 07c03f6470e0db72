"""REST API v1 (DRF) under /api/author-certificates/v1/."""

urlpatterns: list = []
