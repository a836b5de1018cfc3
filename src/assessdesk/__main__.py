"""Lets `python -m assessdesk` behave like the `assessdesk` command."""

from assessdesk.cli import main

raise SystemExit(main())
