"""Exports: files others read, made only of what the public record may show."""
