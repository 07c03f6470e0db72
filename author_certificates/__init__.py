"""author-certificates: author-designed, versioned certificates for Open edX."""

__version__ = "0.1.0"
