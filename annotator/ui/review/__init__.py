"""Review mode, the agreement dashboard and the comparison with gold."""
