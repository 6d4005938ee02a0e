"""Pieces of the lint rules' bad/good examples, which replace top-level keys of tests/fixtures/lint/minimal.yaml.

Its one criterion is ``target.type`` (materiel: low, persons: critical), so tests can prove that each ``bad``
example really triggers its rule and each ``good`` one does not.
"""

from __future__ import annotations

#: The minimal checklist's criterion, as the start of a ``criteria`` item (options follow).
CRITERION = """\
      - id: target.type
        question: What can the system select and engage?
        references: [{source: AP I, section: art. 51(4)(b)}]
        legal_status: binding_treaty
"""
