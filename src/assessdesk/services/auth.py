"""Sign-in with Argon2id hashes, lockout after repeated failures, and audited sign-out."""

from __future__ import annotations

from datetime import timedelta

from assessdesk.domain.clock import iso, parse_iso
from assessdesk.domain.errors import AccountLocked, AuthenticationFailed
from assessdesk.domain.users import User
from assessdesk.services.audit_log import checkpoint
from assessdesk.services.station import StationContext
from assessdesk.storage import users as users_repo

WRONG = "Wrong user name or password."


def sign_in(ctx: StationContext, *, username: str, password: str) -> User:
    """Check the password; every outcome is audited. Raises AuthenticationFailed / AccountLocked."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    settings = ctx.settings()
    failure: AuthenticationFailed | None = None
    with ctx.uow(None) as uow:
        found = users_repo.by_username(uow.session, username.strip().lower())
        if found is None:
            uow.audit(action="auth.sign_in", subject_type="user", subject_id="unknown", outcome="denied",
                      detail={"reason": "unknown_user"})
            failure = AuthenticationFailed(WRONG)
        else:
            user, stored = found
            now = ctx.clock.now()
            if not user.active:
                uow.audit(action="auth.sign_in", subject_type="user", subject_id=user.id, outcome="denied",
                          detail={"reason": "deactivated"})
                failure = AuthenticationFailed("This account is deactivated.", hint="Ask an admin.")
            elif user.locked_until and parse_iso(user.locked_until) > now:
                uow.audit(action="auth.sign_in", subject_type="user", subject_id=user.id, outcome="denied",
                          detail={"reason": "locked"})
                until = parse_iso(user.locked_until).astimezone().strftime("%H:%M")
                failure = AccountLocked(f"This account is locked after repeated wrong passwords, until {until}.",
                                        hint="Wait, or ask an admin to reset the password.")
            else:
                try:
                    PasswordHasher().verify(stored, password)
                except (VerificationError, InvalidHashError):
                    fails = user.failed_attempts + 1
                    locked = fails >= int(settings["lockout_threshold"])
                    until = iso(now + timedelta(minutes=float(settings["lockout_minutes"]))) if locked else None
                    users_repo.update(uow.session, user.id, failed_attempts=0 if locked else fails,
                                      locked_until=until)
                    uow.audit(action="auth.sign_in", subject_type="user", subject_id=user.id, outcome="denied",
                              detail={"reason": "wrong_password", "failures": fails})
                    if locked:
                        uow.audit(action="auth.locked", subject_type="user", subject_id=user.id,
                                  detail={"until": until})
                        failure = AccountLocked(
                            f"Too many wrong passwords: the account is locked for {settings['lockout_minutes']} "
                            "minutes.", hint="Wait, or ask an admin to reset the password.")
                    else:
                        failure = AuthenticationFailed(WRONG)
                else:
                    user = users_repo.update(uow.session, user.id, failed_attempts=0, locked_until=None)
                    uow.audit(action="auth.sign_in", subject_type="user", subject_id=user.id)
    if failure is not None:
        raise failure
    return user


def sign_out(ctx: StationContext, *, user: User, reason: str = "user") -> None:
    """Audit the sign-out (reason: user or idle) and sign a checkpoint of the audit chain."""
    with ctx.uow(user.id) as uow:
        uow.audit(action="auth.sign_out", subject_type="user", subject_id=user.id, detail={"reason": reason})
    checkpoint(ctx, reason="sign_out")
