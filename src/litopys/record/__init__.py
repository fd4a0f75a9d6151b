"""The public record: incident pages, the map, the timeline, statistics and their sitemaps."""
