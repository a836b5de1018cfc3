"""`assessdesk calibration ...`: assessor calibration commands; `stats` gives a ratings file's reliability."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("calibration", parents=[parent],
                                  help="assessor calibration and reliability",
                                  description="Assessor calibration: reliability statistics and (later) "
                                              "exercises, certification and drift.")
    commands = group.add_subparsers(dest="calibration_command", metavar="SUBCOMMAND")
    group.set_defaults(func=lambda args: _missing_subcommand(group))
    # Each calibration subcommand registers itself on `commands` here; add new ones beside `stats`.
    _register_stats(commands, parent)


def _missing_subcommand(group: argparse.ArgumentParser) -> int:
    group.print_help()
    return 2


def _levels(text: str) -> tuple[float, ...]:
    try:
        return tuple(float(p) for p in text.split(",") if p.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a comma-separated list of numbers, e.g. 0,1,2,3,4") from None


def _register_stats(commands: Any, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "stats", parents=[parent], help="agreement and reliability coefficients for a ratings CSV",
        description="Reads ratings (long: unit,rater,value; or wide: unit, then one column per rater; an "
                    "empty cell means not rated) and prints Krippendorff's alpha, Fleiss' and Cohen's kappa, "
                    "the six ICCs and agreement shares, each with its units, missing share and 95% interval.")
    p.add_argument("--input", required=True, metavar="FILE", help="ratings CSV file")
    p.add_argument("--format", choices=("auto", "long", "wide"), default="auto", dest="layout",
                   help="file layout (default: long when the header is unit,rater,value, else wide)")
    p.add_argument("--metric", choices=("alpha", "fleiss", "cohen", "icc", "agreement", "all"), default="all")
    p.add_argument("--level", choices=("nominal", "ordinal", "interval", "ratio"), default="ordinal",
                   help="level of measurement for alpha and the kappa weights (default: ordinal)")
    p.add_argument("--levels", type=_levels, metavar="POINTS",
                   help="the rubric's level points, e.g. 0,1,2,3,4 (default: the values in the file)")
    p.add_argument("--replicates", type=int, default=1000, help="bootstrap replicates for alpha's interval")
    p.add_argument("--seed", type=int, default=2011, help="bootstrap seed (printed with the result)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    import json

    from assessdesk.stats.ratings_csv import read_ratings_csv
    from assessdesk.stats.report import format_text, report_for_table, to_json_dict

    table = read_ratings_csv(args.input, layout=args.layout, allow_text=args.level == "nominal")
    report = report_for_table(table, metric=args.metric, level=args.level, scale=args.levels,
                              replicates=max(args.replicates, 0), seed=args.seed)
    print(json.dumps(to_json_dict(report), indent=2) if args.json else format_text(report))
    return 0
