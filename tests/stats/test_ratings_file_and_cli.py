"""Ratings CSV parsing (long and wide, every problem listed) and the `assessdesk calibration stats` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assessdesk.cli import main
from assessdesk.stats import krippendorff_alpha
from assessdesk.stats.ratings_csv import RatingsFileInvalid, parse_ratings_csv, read_ratings_csv

# Krippendorff (2011) section C's table, as a spreadsheet would export it (wide; blank = not coded).
WIDE = """unit,A,B,C,D
1,1,1,,1
2,2,2,3,2
3,3,3,3,3
4,3,3,3,3
5,2,2,2,2
6,1,2,3,4
7,4,4,4,4
8,1,1,2,1
9,2,2,2,2
10,,5,5,5
11,,,1,1
12,,3,,
"""


def _long_from_wide(text: str) -> str:
    lines = text.strip().splitlines()
    raters = lines[0].split(",")[1:]
    out = ["value,unit,rater"]  # column order is free in the long layout
    for line in lines[1:]:
        unit, *values = line.split(",")
        out += [f"{v},{unit},{r}" for r, v in zip(raters, values, strict=True)]
    return "\n".join(out) + "\n"


def test_wide_and_long_files_give_the_same_table() -> None:
    wide = parse_ratings_csv(WIDE)
    long = parse_ratings_csv(_long_from_wide(WIDE))
    assert wide.layout == "wide" and long.layout == "long"
    assert wide.units == long.units == tuple(str(i) for i in range(1, 13))
    assert wide.raters == long.raters == ("A", "B", "C", "D")
    np.testing.assert_array_equal(wide.values, long.values)
    assert round(krippendorff_alpha(wide.values, level="interval").value, 3) == 0.849


def test_every_problem_is_reported_with_line_and_column() -> None:
    bad = ("unit,rater,value\n"
           "u1,ann,2\n"
           "u1,ann,3\n"        # line 3: duplicate
           "u2,,1\n"           # line 4: empty rater
           "u3,bob,two\n"      # line 5: not a number
           "u4,bob,2,7\n"      # line 6: too many fields
           "u5,carl,\n")       # line 7: empty value = missing, fine
    with pytest.raises(RatingsFileInvalid) as info:
        parse_ratings_csv(bad)
    problems = [(p.line, p.column) for p in info.value.problems]
    assert problems == [(3, '"rater" (2)'), (4, '"rater" (2)'), (5, '"value" (3)'), (6, "")]
    text = str(info.value)
    assert "4 problems" in text and "line 5, column \"value\" (3): 'two' is not a number" in text


def test_wide_file_problems() -> None:
    bad = "unit,A,A,\n1,2,x,3\n1,2,2,2\n,1,1,1\n2,1\n"
    with pytest.raises(RatingsFileInvalid) as info:
        parse_ratings_csv(bad, layout="wide")
    messages = [str(p) for p in info.value.problems]
    assert messages[0].startswith('line 1, column "A" (3): rater \'A\' already has column 2')
    assert messages[1].startswith("line 1, column 4: this rater column has no name")
    assert any(m.startswith('line 2, column "A" (3): \'x\' is not a number') for m in messages)
    assert any(m.startswith("line 3") and "already has a row (line 2)" in m for m in messages)
    assert any(m.startswith("line 4") and "unit is empty" in m for m in messages)
    assert any(m.startswith("line 5") and "expected 4 fields" in m for m in messages)


def test_text_levels_only_for_nominal_data() -> None:
    text = "unit,r1,r2\na,pass,pass\nb,fail,pass\nc,fail,fail\n"
    with pytest.raises(RatingsFileInvalid):
        parse_ratings_csv(text)
    table = parse_ratings_csv(text, allow_text=True)
    assert table.categories == ("fail", "pass")
    assert table.values.tolist() == [[1, 1], [0, 1], [0, 0]]


def test_empty_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(RatingsFileInvalid, match="empty"):
        parse_ratings_csv("\n\n")
    with pytest.raises(RatingsFileInvalid, match="no ratings"):
        parse_ratings_csv("unit,rater,value\n")
    with pytest.raises(Exception, match="no such file"):
        read_ratings_csv(tmp_path / "nope.csv")
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffunit,A,B\n1,1,2\n2,2,2\n".encode())
    assert read_ratings_csv(bom).raters == ("A", "B")


def test_cli_table_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "k.csv"
    path.write_text(WIDE)
    assert main(["calibration", "stats", "--input", str(path), "--levels", "1,2,3,4,5"]) == 0
    out = capsys.readouterr().out
    assert "12 units x 4 raters" in out and "14.6% of cells empty" in out
    alpha_line = next(line for line in out.splitlines() if line.startswith("Krippendorff's alpha (ordinal)"))
    assert " 0.815 " in alpha_line and "seed 2011" in alpha_line and " 11 " in alpha_line
    assert "ICC2 (absolute, single)" in out and "4 unit(s) left out" in out
    assert "Light's mean over 6 of 6 pairs" in out


def test_cli_json_and_metric_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "k.csv"
    path.write_text(_long_from_wide(WIDE))
    rc = main(["calibration", "stats", "--input", str(path), "--format", "long", "--metric", "alpha",
               "--level", "nominal", "--json"])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    [alpha] = data["coefficients"]
    assert alpha["name"] == "krippendorff_alpha_nominal" and round(alpha["value"], 3) == 0.743
    assert alpha["n_units"] == 11 and alpha["ci"]["seed"] == 2011 and data["pairwise_cohen"] == []


def test_cli_bad_file_exits_2_listing_all_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("unit,rater,value\nu1,ann,2\nu1,ann,3\nu3,bob,x\n")
    proc = subprocess.run([sys.executable, "-m", "assessdesk", "calibration", "stats", "--input", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "line 3" in proc.stderr and "line 4" in proc.stderr and "2 problems" in proc.stderr
    assert proc.stdout == ""


def test_cli_refuses_text_levels_for_ordinal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.csv"
    path.write_text("unit,r1,r2\na,pass,pass\nb,fail,pass\n")
    assert main(["calibration", "stats", "--input", str(path)]) == 2
    assert "not a number" in capsys.readouterr().err
    assert main(["calibration", "stats", "--input", str(path), "--level", "nominal", "--metric", "fleiss"]) == 0
