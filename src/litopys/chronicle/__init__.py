"""Public chronicle."""
