"""art36: offline Article 36 weapon reviews with meaningful-human-control checklists."""

__version__ = "0.1.0"
