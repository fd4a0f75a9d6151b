"""What a check of the record found wrong — one shape for `litopys verify` and `litopys verify-package` (pure
Python: the package checker runs where there is no database)."""

from dataclasses import dataclass


@dataclass
class Problem:
    #: verify: missing_item, altered_item, unrecorded_item, missing_record, broken_chain, bad_checkpoint,
    #: bad_signature, no_checkpoint, checkpoint_log, bad_timestamp; verify-package adds its own (see its docs)
    kind: str
    subject: str
    message: str
