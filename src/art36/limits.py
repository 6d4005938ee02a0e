"""Bounds on what one input may cost to read: every limit art36 enforces, with its default, in one place."""

from __future__ import annotations

#: Deepest nesting of mappings and lists accepted in a YAML document (real documents stay under 20 levels).
MAX_DEPTH = 100
#: Most nodes (keys, values, items) in one YAML document, counted before it is built: past this, reading costs
#: more than the promised bounds (the largest shipped checklist has about 5,600).
MAX_NODES = 100_000
#: Most nodes that aliases may add to a document once expanded (an alias "bomb" adds billions).
MAX_ALIAS_NODES = 100_000
#: Largest system file or checklist read, in bytes (the largest real ones are a few hundred kB).
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
#: Most problems reported per file; the rest are counted in one closing note.
MAX_DIAGNOSTICS_PER_FILE = 100
#: Largest evidence file hashed, in bytes (``--max-evidence-bytes``).
MAX_EVIDENCE_BYTES = 1024**3
