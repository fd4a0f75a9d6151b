"""Evidence vault: sources, items, custody ledger."""
