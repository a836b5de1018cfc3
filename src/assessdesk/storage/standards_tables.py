"""Tables for the standards library, score sheets and moderation (owned by the standards/scoring work)."""
