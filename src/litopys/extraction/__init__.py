"""Extraction: text (with its language and publication date) to attributed claims and opinion spans.

Pure Python, no database: ``extract(text, language="auto", published=None, gazetteer=None)``.
"""

from .engine import extract
from .result import RULESET, RULESET_VERSION, ClaimCandidate, ExtractionResult, OpinionSpan
from .speakers import Speaker

__all__ = ["RULESET", "RULESET_VERSION", "ClaimCandidate", "ExtractionResult", "OpinionSpan", "Speaker", "extract"]
