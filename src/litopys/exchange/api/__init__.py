"""The REST API at /api/v1/ (django-ninja, OpenAPI 3.1): public reads of what the public site shows, and staff
reads and writes with personal tokens, under the same role rules as the staff site (see docs/api.md).

One module per resource; every write goes through the owning app's action (`review.actions.decide`, evidence
ingest, `capture.actions.request_capture`), and every read of evidence through `evidence.access`.
"""
