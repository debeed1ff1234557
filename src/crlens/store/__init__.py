"""crlens.store."""
