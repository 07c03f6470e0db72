"""openedx-events receivers (connected in AppConfig.ready)."""
