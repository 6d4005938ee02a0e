"""Typed, frozen pydantic models for every document (checklist, system file) and every result."""
