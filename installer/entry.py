"""Entry point of the frozen (PyInstaller) app: point resource lookups into the bundle, then run the CLI."""

import os
import sys

if getattr(sys, "frozen", False):
    os.environ.setdefault("ASSESSDESK_RESOURCES", os.path.join(sys._MEIPASS, "resources"))  # type: ignore[attr-defined]

from assessdesk.cli import main  # noqa: E402

sys.exit(main())
