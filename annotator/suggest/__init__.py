"""Suggestions: spans proposed by lists of names and by patterns, kept under an annotator
of their own for review to accept or reject."""
