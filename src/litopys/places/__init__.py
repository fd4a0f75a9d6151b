"""Places: the gazetteer."""
