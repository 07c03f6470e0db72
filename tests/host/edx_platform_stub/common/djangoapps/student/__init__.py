"""Stand-in for edx-platform's common.djangoapps.student (tests only)."""
