"""Showing an annotated article outside the window: the terminal and standalone HTML."""
