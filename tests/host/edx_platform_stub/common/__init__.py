"""Stand-in for edx-platform (tests only)."""
