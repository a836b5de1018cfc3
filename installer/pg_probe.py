"""Exit 0 when a PostgreSQL server answers at the SQLAlchemy URL given as the only argument (used by ./test.sh)."""
import sys

import psycopg

url = sys.argv[1].replace("postgresql+psycopg://", "postgresql://")
try:
    psycopg.connect(url, connect_timeout=3).close()
except Exception:
    sys.exit(1)
