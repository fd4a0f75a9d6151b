"""The synthetic record of tests/record/test_pages.py, for every test of the record's pages."""

from tests.record.test_pages import record  # noqa: F401 - a fixture, shared with the figure pages' tests
