"""Litopys: preserve evidence, extract attributed claims, verify them, publish a sourced chronicle."""

__version__ = "0.1.0"
