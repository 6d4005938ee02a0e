"""Entry point for ``python -m art36``."""

from art36.cli.app import main

raise SystemExit(main())
