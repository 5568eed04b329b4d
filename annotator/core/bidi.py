"""The invisible marks that steer the direction of text."""

# A span never starts or ends on one; tokens never hold one.
BIDI_MARKS = frozenset(
    "\u200e\u200f\u061c"  # LRM, RLM, ALM
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, overrides, PDF
    "\u2066\u2067\u2068\u2069"  # isolates
    "\ufeff"  # a stray BOM / zero-width no-break space
)
