"""Scoring use-cases: the scoring queue, drafts and submission, second marking, moderation, peer scores, outcomes."""
