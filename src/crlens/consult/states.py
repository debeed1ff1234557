"""The states of a recommendation (kept apart from ``project`` so that the command line can name them without
loading the review engine)."""

ACTIVE_STATES = ("proposed", "revised", "accepted", "accepted-with-changes", "rejected", "question", "disputed")
"""States of a recommendation still on the table; ``taken-up`` and ``withdrawn`` ones are not sent to rounds."""
STATES = (*ACTIVE_STATES, "taken-up", "withdrawn")
"""Every state a recommendation can be in."""
