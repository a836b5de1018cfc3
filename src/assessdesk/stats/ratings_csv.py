"""Reads ratings CSV (long: unit,rater,value; wide: unit then one column per rater), reporting every problem.

A bad file is refused as a whole with one error that lists each problem by line and column, so a person can
fix the file in one pass instead of one complaint at a time.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from assessdesk.domain.errors import InvalidInput

CsvFormat = Literal["auto", "long", "wide"]
LONG_COLUMNS = ("unit", "rater", "value")
_MAX_LISTED = 50  # beyond this the list stops helping; the count is still given


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong with the file: `line` is the line number as a text editor shows it (header = 1)."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class RatingsFileInvalid(InvalidInput):
    """The ratings file cannot be used; `problems` lists everything found, in file order."""

    def __init__(self, source: str, problems: list[CsvProblem]) -> None:
        listed = "\n".join(f"  {p}" for p in problems[:_MAX_LISTED])
        more = f"\n  ... and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        super().__init__(f"the ratings file has {count}; nothing was computed:\n{listed}{more}", where=source,
                         hint="\nFix the lines listed and run the command again.")
        self.problems = tuple(problems)


@dataclass(frozen=True)
class RatingsTable:
    """Ratings as a units x raters float array (NaN = not rated), with the unit and rater names in file order.

    `categories` is set when the file held text levels (e.g. pass/fail): value i stands for categories[i].
    Such data are nominal only.
    """

    units: tuple[str, ...]
    raters: tuple[str, ...]
    values: np.ndarray
    layout: Literal["long", "wide"]
    categories: tuple[str, ...] | None = None


def _column(name: str, index: int) -> str:
    return f'"{name}" ({index + 1})' if name else f"{index + 1}"


def _numbers(cells: list[tuple[int, str, str]], allow_text: bool, problems: list[CsvProblem]
             ) -> tuple[list[float], tuple[str, ...] | None]:
    """Parse (line, column, text) cells; with `allow_text`, any non-number makes all cells text levels."""
    parsed: list[float | None] = []
    for _, _, text in cells:
        try:
            x = float(text)
            parsed.append(x if math.isfinite(x) else None)
        except ValueError:
            parsed.append(None)
    if allow_text and any(p is None for p in parsed):
        categories = tuple(sorted({text for _, _, text in cells}))
        index = {c: float(i) for i, c in enumerate(categories)}
        return [index[text] for _, _, text in cells], categories
    for (line, column, text), value in zip(cells, parsed, strict=True):
        if value is None:
            problems.append(CsvProblem(line, column, f"'{text}' is not a number (leave the cell empty if the "
                                                     "unit was not rated)"))
    return [v if v is not None else math.nan for v in parsed], None


def _rows(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text))
    rows = []
    for fields in reader:
        if any(f.strip() for f in fields):
            rows.append((reader.line_num, [f.strip() for f in fields]))
    return rows


def parse_ratings_csv(text: str, *, layout: CsvFormat = "auto", allow_text: bool = False,
                      source: str = "ratings file") -> RatingsTable:
    """Parse CSV text; `layout="auto"` picks long when the header is exactly unit,rater,value (any order)."""
    try:
        rows = _rows(text)
    except csv.Error as exc:
        raise RatingsFileInvalid(source, [CsvProblem(0, "", f"not readable as CSV ({exc})")]) from None
    if not rows:
        raise RatingsFileInvalid(source, [CsvProblem(1, "", "the file is empty; it needs a header line")])
    header = [h.lower() for h in rows[0][1]]
    if layout == "auto":
        layout = "long" if sorted(header) == sorted(LONG_COLUMNS) else "wide"
    if layout == "long":
        return _parse_long(rows, allow_text, source)
    return _parse_wide(rows, allow_text, source)


def _parse_long(rows: list[tuple[int, list[str]]], allow_text: bool, source: str) -> RatingsTable:
    problems: list[CsvProblem] = []
    header_line, header = rows[0]
    names = [h.lower() for h in header]
    missing = [c for c in LONG_COLUMNS if c not in names]
    extra = [h for h in header if h.lower() not in LONG_COLUMNS]
    if missing or extra or len(set(names)) != len(names):
        msg = "the header must be unit,rater,value"
        if missing:
            msg += f" (missing: {', '.join(missing)})"
        if extra:
            msg += f" (unexpected: {', '.join(extra)})"
        raise RatingsFileInvalid(source, [CsvProblem(header_line, "", msg)])
    at = {c: names.index(c) for c in LONG_COLUMNS}
    units: dict[str, int] = {}
    raters: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}
    entries: list[tuple[int, int]] = []
    cells: list[tuple[int, str, str]] = []
    for line, fields in rows[1:]:
        if len(fields) != len(header):
            problems.append(CsvProblem(line, "", f"expected {len(header)} fields, found {len(fields)}"))
            continue
        unit, rater, value = (fields[at[c]] for c in LONG_COLUMNS)
        bad = False
        for name, cell in (("unit", unit), ("rater", rater)):
            if not cell:
                problems.append(CsvProblem(line, _column(name, at[name]), f"the {name} is empty"))
                bad = True
        if bad:
            continue
        if (unit, rater) in seen:
            problems.append(CsvProblem(line, _column("rater", at["rater"]),
                                       f"rater '{rater}' already rated unit '{unit}' "
                                       f"on line {seen[unit, rater]}"))
            continue
        seen[unit, rater] = line
        u = units.setdefault(unit, len(units))
        r = raters.setdefault(rater, len(raters))
        if value:
            entries.append((u, r))
            cells.append((line, _column("value", at["value"]), value))
    values, categories = _numbers(cells, allow_text, problems)
    if not problems and not units:
        problems.append(CsvProblem(header_line, "", "there are no ratings below the header"))
    if problems:
        raise RatingsFileInvalid(source, sorted(problems, key=lambda p: p.line))
    table = np.full((len(units), len(raters)), np.nan)
    if entries:
        idx = np.array(entries)
        table[idx[:, 0], idx[:, 1]] = values
    return RatingsTable(units=tuple(units), raters=tuple(raters), values=table, layout="long",
                        categories=categories)


def _parse_wide(rows: list[tuple[int, list[str]]], allow_text: bool, source: str) -> RatingsTable:
    problems: list[CsvProblem] = []
    header_line, header = rows[0]
    raters = header[1:]
    if not raters:
        problems.append(CsvProblem(header_line, "",
                                   "a wide file needs a unit column and one column per rater"))
    first_seen: dict[str, int] = {}
    for i, name in enumerate(raters, start=1):
        if not name:
            problems.append(CsvProblem(header_line, _column("", i), "this rater column has no name"))
        elif name in first_seen:
            problems.append(CsvProblem(header_line, _column(name, i),
                                       f"rater '{name}' already has column {first_seen[name] + 1}"))
        else:
            first_seen[name] = i
    units: dict[str, int] = {}
    units_line: dict[str, int] = {}
    positions: list[tuple[int, int]] = []
    cells: list[tuple[int, str, str]] = []
    for line, fields in rows[1:]:
        if len(fields) != len(header):
            problems.append(CsvProblem(line, "", f"expected {len(header)} fields "
                                                 f"(unit + {len(raters)} raters), found {len(fields)}"))
            continue
        unit = fields[0]
        if not unit:
            problems.append(CsvProblem(line, _column(header[0], 0), "the unit is empty"))
            continue
        if unit in units:
            problems.append(CsvProblem(line, _column(header[0], 0),
                                       f"unit '{unit}' already has a row (line {units_line[unit]})"))
            continue
        units[unit] = len(units)
        units_line[unit] = line
        for i, cell in enumerate(fields[1:], start=1):
            if cell:
                positions.append((units[unit], i - 1))
                cells.append((line, _column(header[i], i), cell))
    values, categories = _numbers(cells, allow_text, problems)
    if not problems and not units:
        problems.append(CsvProblem(header_line, "", "there are no ratings below the header"))
    if problems:
        raise RatingsFileInvalid(source, sorted(problems, key=lambda p: p.line))
    table = np.full((len(units), len(raters)), np.nan)
    if positions:
        idx = np.array(positions)
        table[idx[:, 0], idx[:, 1]] = values
    return RatingsTable(units=tuple(units), raters=tuple(raters), values=table, layout="wide",
                        categories=categories)


def read_ratings_csv(path: str | Path, *, layout: CsvFormat = "auto",
                     allow_text: bool = False) -> RatingsTable:
    """Read a ratings CSV file (UTF-8, a byte-order mark from spreadsheet exports is fine)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput("no such file", where=str(p), hint="Check the path.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read the file ({exc})", where=str(p),
                           hint="Save it as CSV (UTF-8) and try again.") from None
    return parse_ratings_csv(text, layout=layout, allow_text=allow_text, source=str(p))
