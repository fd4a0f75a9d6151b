"""Search backends: one module per database, chosen by LITOPYS_SEARCH_BACKEND (by default, the database's own)."""
