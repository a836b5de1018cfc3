"""assessdesk: proctored practical skill assessments for micro-credentials."""

__version__ = "0.1.0"
