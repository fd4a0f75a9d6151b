"""Casualty records."""
