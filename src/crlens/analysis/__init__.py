"""crlens.analysis."""
