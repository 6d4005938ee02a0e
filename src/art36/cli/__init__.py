"""The command-line shell: parses arguments, calls the core, prints, and chooses the exit code."""
