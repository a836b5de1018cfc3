"""The verification page's HTML: plain, escaped, readable without JavaScript or external files."""

from __future__ import annotations

from html import escape
from typing import Any

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f6f4;color:#1d1d1b}
main{max-width:44rem;margin:2rem auto;padding:0 1rem}
.verdict{border-radius:.5rem;padding:1rem 1.25rem;margin-bottom:1.5rem;border:2px solid}
.verdict h1{margin:0 0 .25rem;font-size:1.6rem;letter-spacing:.04em}
.valid{background:#e7f4e8;border-color:#1e7b34;color:#124d21}
.revoked,.invalid{background:#fbe9e9;border-color:#a40000;color:#6d0000}
.unknown{background:#fff4ce;border-color:#c19c00;color:#5c3c00}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0 0 1.5rem}
dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem;background:#fff}
th,td{text-align:left;border:1px solid #d5d5d0;padding:.35rem .5rem}
.small{font-size:.9rem;color:#4a4a46}
"""

HEADINGS = {"valid": "VALID", "revoked": "REVOKED", "invalid": "INVALID", "unknown": "UNKNOWN"}


def _text(value: Any) -> str:
    return escape(str(value)) if value not in (None, "") else "—"


def _date(value: Any) -> str:
    return _text(str(value)[:10] if value else None)


def _level_names(achievement: dict[str, Any]) -> dict[str, str]:
    """Criterion and level ids -> their names, from the achievement's result descriptions (OB 3.0)."""
    names: dict[str, str] = {}
    for described in achievement.get("resultDescription", []):
        if isinstance(described, dict):
            names[str(described.get("id"))] = str(described.get("name", described.get("id")))
            for level in described.get("rubricCriterionLevel", []):
                if isinstance(level, dict):
                    names[str(level.get("id"))] = str(level.get("name", level.get("id")))
    return names


def render_page(verdict: Any, *, credential_url: str) -> str:
    result = verdict.result
    doc: dict[str, Any] = verdict.credential or {}
    if not doc:
        status = "unknown"
        summary = "This registry knows no credential with this id. Check the address (or the QR code) and ask the issuer."
    elif result is None:
        status, summary = "unknown", verdict.note or "The credential could not be checked."
    else:
        status, summary = result.status, result.summary
    subject = doc.get("credentialSubject") if isinstance(doc.get("credentialSubject"), dict) else {}
    achievement = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
    issuer = doc.get("issuer") if isinstance(doc.get("issuer"), dict) else {"id": doc.get("issuer")}
    parts = ["<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
             "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">",
             f"<title>Credential verification: {HEADINGS[status].lower()}</title><style>{STYLE}</style></head>",
             "<body><main>",
             f"<section class=\"verdict {status}\" id=\"result\" data-result=\"{status}\" role=\"status\">",
             f"<h1>{HEADINGS[status]}</h1><p>{escape(summary)}</p>"]
    if verdict.revoked_reason:
        parts.append(f"<p>Reason given by the issuer: {escape(str(verdict.revoked_reason))}</p>")
    parts.append("</section>")
    if doc:
        parts.append(f"<h2>{_text(achievement.get('name') or doc.get('name'))}</h2><dl>")
        rows = [("Issuer", _text(issuer.get("name") or (result.issuer_name if result else None) or issuer.get("id"))),
                ("Holder", _text(verdict.holder or verdict.holder_note)),
                ("Issued", _date(doc.get("validFrom"))),
                ("Expires", _date(doc.get("validUntil")) if doc.get("validUntil") else "does not expire"),
                ("Credential id", _text(doc.get("id")))]
        parts += [f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows]
        parts.append("</dl>")
        alignments = [a for a in achievement.get("alignment", []) if isinstance(a, dict)]
        if alignments:
            parts.append("<h3>Competencies</h3><table><thead><tr><th>Code</th><th>Competency</th></tr></thead>"
                         "<tbody>")
            parts += [f"<tr><td>{_text(a.get('targetCode'))}</td><td>{_text(a.get('targetName'))}</td></tr>"
                      for a in alignments]
            parts.append("</tbody></table>")
        results = [r for r in subject.get("result", []) if isinstance(r, dict)]
        if results:
            names = _level_names(achievement)
            parts.append("<h3>Achieved levels</h3><table><thead><tr><th>Criterion</th><th>Level</th></tr></thead>"
                         "<tbody>")
            parts += [f"<tr><td>{_text(names.get(str(r.get('resultDescription')), r.get('resultDescription')))}</td>"
                      f"<td>{_text(names.get(str(r.get('achievedLevel')), r.get('achievedLevel')))}</td></tr>"
                      for r in results]
            parts.append("</tbody></table>")
        parts.append(f"<p class=\"small\">Machine-readable: <a href=\"{escape(credential_url)}\">the credential "
                     "(JSON)</a>. The result is worked out when this page is opened, from the issuer's signature and "
                     "its signed status list.</p>")
    parts.append("</main></body></html>")
    return "".join(parts)
