"""annotator: an Arabic-first desktop tool for annotating news articles."""

__version__ = "0.1.0"
