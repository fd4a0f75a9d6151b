"""Datasets researchers read: the public record as tables (CSV, XLSX, JSON), points (GeoJSON), and HURIDOCS- and
ACLED-style event files. Only what the public pages show ever goes in."""
