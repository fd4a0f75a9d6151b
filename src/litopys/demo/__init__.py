"""Demo dossier."""
