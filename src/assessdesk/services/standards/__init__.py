"""Standards library use-cases: validate, import, export, diff, browse, and pinning attempts to versions."""
