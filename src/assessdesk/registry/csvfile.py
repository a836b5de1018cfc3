"""Reading the admin's CSV files with the errors a person can fix: which file, which row, which column."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from assessdesk.domain.errors import InvalidInput

MAX_ROWS = 200_000


def read_rows(path: Path, *, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> Iterator[
        tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; header names are matched case- and space-insensitively."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInput(f"cannot open it ({exc.strerror})", where=str(path)) from None
    with handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader, [])]
        missing = [c for c in required if c not in header]
        if missing:
            raise InvalidInput(f"missing column(s) {', '.join(missing)}; the first line must name the columns "
                               f"{', '.join(required + optional)}", where=str(path))
        for count, values in enumerate(reader):
            if count >= MAX_ROWS:
                raise InvalidInput(f"more than {MAX_ROWS} rows; split the file", where=str(path))
            if not any(v.strip() for v in values):
                continue
            row = {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}
            line = reader.line_num
            for column in required:
                if not row.get(column):
                    raise InvalidInput(f"'{column}' is empty", where=f"{path.name} line {line}")
            yield line, row
