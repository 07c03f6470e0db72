"""The "Author certificate" XBlock (entry point ``xblock.v1: author_certificate``).

Imported lazily by the XBlock runtime: importing this package does not import XBlock, so the
plugin works in hosts without it.
"""
