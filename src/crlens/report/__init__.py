"""crlens.report."""
