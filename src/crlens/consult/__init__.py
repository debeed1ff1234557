"""crlens.consult."""
