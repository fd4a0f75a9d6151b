"""Extraction: text to attributed claims."""
