"""The public page cache: generations, the fast path, and invalidation each app declares for its own models."""
