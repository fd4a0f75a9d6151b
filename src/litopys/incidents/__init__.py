"""Documentation: incidents, sites, actors, claims."""
