"""Imports, exports and the API."""
