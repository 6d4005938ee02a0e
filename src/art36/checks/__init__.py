"""Semantic checks of system files against their checklists."""
