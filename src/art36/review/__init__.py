"""The interactive review: a pure question-flow engine, feedback, the system document and the autosaved session."""
