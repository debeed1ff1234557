"""crlens.web."""
