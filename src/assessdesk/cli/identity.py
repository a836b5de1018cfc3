"""`assessdesk identity compare`: face detection, quality warnings and a similarity score for two photos."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    identity = subparsers.add_parser("identity", parents=[parent], help="identity photo checks",
                                     description="Identity photo checks. The score is an aid: the proctor decides.")
    actions = identity.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    compare = actions.add_parser("compare", parents=[parent], help="compare the faces in two photos",
                                 description="Find faces in two photos, list quality warnings and give a "
                                             "similarity score. Exits 0 whether or not the faces match; 2 when "
                                             "a photo cannot be read.")
    compare.add_argument("photo_a", metavar="PHOTO_A", help="e.g. the live photo")
    compare.add_argument("photo_b", metavar="PHOTO_B", help="e.g. the enrolled or ID document photo")
    compare.add_argument("--json", action="store_true", help="print the result as JSON")
    compare.add_argument("--method", choices=("auto", "dlib", "lbph"), default="auto",
                         help="comparison method (default: dlib when installed, else the weaker LBPH fallback)")
    compare.set_defaults(func=_compare)


def _compare(args: argparse.Namespace) -> int:
    from assessdesk.services.identity import compare_photos, load_image

    # ImageUnreadable is a DomainError: the dispatcher prints it and exits 2.
    a, b = load_image(args.photo_a), load_image(args.photo_b)
    result = compare_photos(a, b, method=args.method)
    if args.json:
        data = result.to_dict()
        data["photo_a"]["path"], data["photo_b"]["path"] = args.photo_a, args.photo_b
        json.dump(data, sys.stdout, indent=2)
        print()
        return 0
    for label, path, photo in (("A", args.photo_a, result.photo_a), ("B", args.photo_b, result.photo_b)):
        print(f"Photo {label}: {path} ({photo.width}x{photo.height})")
        boxes = ", ".join(f"{f.width}x{f.height} at ({f.x},{f.y})" for f in photo.faces)
        print(f"  faces found: {len(photo.faces)}" + (f" [{boxes}]" if boxes else ""))
        for warning in photo.warnings:
            print(f"  warning: {warning.message}")
    print(f"Method: {result.method}")
    if result.fallback:
        print("  This is a weaker fallback method: give the score less weight than a dlib score.")
    if result.note:
        print(f"  {result.note}")
    if result.similarity is None:
        print("Similarity: not available")
    else:
        verdict = "faces match" if result.match else "faces do not match"
        print(f"Similarity: {result.similarity:.3f} (distance {result.distance:.4f}, match below "
              f"{result.threshold:g}): {verdict}")
    print("This score is an aid; the proctor decides.")
    return 0
