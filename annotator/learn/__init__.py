"""Suggestions that learn from the project: recommenders trained on its own annotations.

A recommender is trained from spans (the gold layer, or chosen annotators' finished
documents) and proposes spans in other texts. Two kinds are combined: a CRF over the
project's tokens with Arabic-aware features, one per layer (entities, claims, quotes) so
spans of different layers may nest, and a string matcher that proposes every text that
was annotated before (INCEpTION's default recommender). Nothing here imports Qt.
"""
