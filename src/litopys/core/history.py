"""History in the staff site: revisions named in words — labels instead of stored codes, "—" for nothing."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from litopys.figures.naming import qualifier_text

EMPTY = "—"


class WordedHistory(HistoricalRecordContextHelper):
    """Word each changed value as people read it: a choice by its label, qualifiers as words, nothing as —."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value is None or value == "" or (isinstance(value, DeletedObject) and value.pk is None):
            return EMPTY
        if getattr(field, "choices", None):
            return str(dict(field.flatchoices).get(value, value))
        if change.field == "qualifiers" and isinstance(value, dict):
            return qualifier_text(value) or EMPTY
        return super().prepare_delta_change_value(change, value)

    def stringify_delta_change_values(self, change, old, new):
        def one(value):
            if value == EMPTY:
                return mark_safe(escape(value))
            return super(WordedHistory, self).stringify_delta_change_values(change, value, value)[0]

        return one(old), one(new)


class HistoryAdmin(SimpleHistoryAdmin):
    """Every staff screen with history: diff, revert, and changes worded for people."""

    def get_historical_record_context_helper(self, request, historical_record):
        return WordedHistory(self.model, historical_record)
