"""Rendering: diagnostics (validate, lint) and score reports into text, JSON and CI formats."""
