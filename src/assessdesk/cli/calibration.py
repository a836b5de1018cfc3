"""`assessdesk calibration ...`: a ratings file's reliability (`stats`), exercises and their PDF report,
certification status, drift alerts."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("calibration", parents=[parent],
                                  help="assessor calibration and reliability",
                                  description="Assessor calibration: reliability statistics, calibration "
                                              "exercises and their reports, certification status, drift.")
    commands = group.add_subparsers(dest="calibration_command", metavar="SUBCOMMAND")
    group.set_defaults(func=lambda args: _missing_subcommand(group))
    # Each calibration subcommand registers itself on `commands` here; add new ones beside `stats`.
    _register_stats(commands, parent)
    _register_station_commands(commands, parent)


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


# --- exercises, status, drift (act as a signed-in user, as in the app) ------------------------------------------
def _sign_in_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="NAME", help="your user name on this station")
    p.add_argument("--password-env", metavar="VAR",
                   help="read your password from this environment variable instead of prompting")


def _register_station_commands(commands: Any, parent: argparse.ArgumentParser) -> None:
    ex = commands.add_parser("exercise", help="calibration exercises: list, PDF report")
    ex_cmds = ex.add_subparsers(dest="exercise_command", metavar="SUBCOMMAND", required=True)
    ls = ex_cmds.add_parser("list", parents=[parent], help="exercises you may see, newest first")
    _sign_in_options(ls)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_exercise_list)
    rp = ex_cmds.add_parser("report", parents=[parent], help="write an exercise's PDF report (lead assessors)")
    rp.add_argument("exercise_id", metavar="ID")
    rp.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    _sign_in_options(rp)
    rp.set_defaults(func=run_exercise_report)
    st = commands.add_parser("status", parents=[parent], help="certification status (yours; everyone's for a "
                                                                "lead assessor or admin)")
    _sign_in_options(st)
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=run_status)
    dr = commands.add_parser("drift", parents=[parent], help="assessor drift on second-marked attempts "
                                                              "(lead assessors)")
    _sign_in_options(dr)
    dr.add_argument("--scan", action="store_true", help="record an alert for each assessor below the threshold")
    dr.add_argument("--json", action="store_true")
    dr.set_defaults(func=run_drift)


def _session(args: argparse.Namespace) -> tuple[Any, Any]:
    """(station context, signed-in user); the password comes from --password-env or a prompt."""
    import getpass
    import os

    from assessdesk.cli._common import open_ctx
    from assessdesk.services.auth import sign_in

    ctx = open_ctx(args)
    try:
        password = (os.environ.get(args.password_env, "") if args.password_env
                    else getpass.getpass(f"Password for {args.user}: "))
        return ctx, sign_in(ctx, username=args.user, password=password)
    except BaseException:
        ctx.close()
        raise


def run_exercise_list(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit
    from assessdesk.services.calibration.exercises import list_exercises

    ctx, user = _session(args)
    try:
        found = list_exercises(ctx, actor=user)
    finally:
        ctx.close()
    data = [{"id": e.id, "name": e.name, "rubric_ref": e.rubric_ref, "created_at": e.created_at,
             "closed_at": e.closed_at, "benchmarks": len(e.benchmarks), "assessors": len(e.assessor_ids),
             "certified": len(e.results.get("certified", []))} for e in found]
    lines = [f"{e.id}  {'open  ' if e.open else 'closed'}  {e.created_at[:10]}  {e.rubric_ref:<18} "
             f"{len(e.benchmarks)} benchmark(s), {len(e.assessor_ids)} assessor(s)  {e.name}" for e in found]
    emit(data, as_json=args.json, text="\n".join(lines) or "No calibration exercises on this station.")
    return 0


def run_exercise_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assessdesk.services.calibration.report import exercise_report, write_report

    ctx, user = _session(args)
    try:
        data = exercise_report(ctx, actor=user, exercise_id=args.exercise_id)
    finally:
        ctx.close()
    path = write_report(data, Path(args.out))
    print(f"Wrote the report of '{data.exercise_name}' to {path}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit
    from assessdesk.services.calibration.certification import certification_list

    ctx, user = _session(args)
    try:
        rows = certification_list(ctx, actor=user)
    finally:
        ctx.close()
    lines = [f"{r.name:<24} {r.status.rubric_id:<18} {r.status.state.value:<16} {r.status.message()}"
             for r in rows]
    emit([r.to_dict() for r in rows], as_json=args.json, text="\n".join(lines) or "No certifications recorded.")
    return 0


def run_drift(args: argparse.Namespace) -> int:
    from assessdesk.cli._common import emit
    from assessdesk.services.calibration.drift import drift_overview, scan_drift

    ctx, user = _session(args)
    try:
        raised = scan_drift(ctx, actor=user) if args.scan else []
        rows = drift_overview(ctx, actor=user)
    finally:
        ctx.close()
    data = {"raised": [a.id for a in raised],
            "assessors": [{"assessor_id": r.assessor_id, "name": r.name, "rubric_id": r.rubric_id,
                           "attempts": r.reading.attempts, "exact": r.reading.exact, "adjacent": r.reading.adjacent,
                           "needed": r.reading.needed, "crossed": r.reading.crossed,
                           "open_alert": r.open_alert.id if r.open_alert else None} for r in rows]}
    lines = [f"{r.name:<24} {r.rubric_id:<18} {'ALERT ' if r.open_alert else '      '}{r.reading.summary()}"
             for r in rows]
    if raised:
        lines.append(f"{len(raised)} new alert(s) raised; each proposes recalibration.")
    emit(data, as_json=args.json, text="\n".join(lines) or "No second-marked attempts yet.")
    return 0
