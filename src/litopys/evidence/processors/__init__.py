"""Processors: small steps that read an evidence item and add metadata or derived items."""
