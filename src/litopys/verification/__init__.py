"""Verification: review, independence, consistency."""
