"""Accounts: sign-up, sign-in, sign-out, profiles."""

from __future__ import annotations

import contextlib
import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.auth.passwords import PASSWORD_MAX_BYTES
from app.auth.throttle import throttle_key
from app.errors import (
    Conflict,
    InvalidCredentials,
    InvalidInput,
    NotFound,
    RateLimited,
    ServiceUnavailable,
)
from app.models import SignInLogEntry, User, columns
from app.realtime.events import ChangeEvent, ChangeKind
from app.resolvers import validation
from app.resolvers.context import RequestContext, Viewer
from app.resolvers.database import open_session

logger = logging.getLogger(__name__)

PASSWORD_MIN_LENGTH = 6


@dataclass(frozen=True)
class NewUser:
    email: str
    password: str
    password_conf: str
    user_name: str
    first_name: str | None = None
    last_name: str | None = None


@dataclass(frozen=True)
class SignedIn:
    token: str
    user: User


def gravatar_url(email: str) -> str:
    digest = hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}"


def _validate_password(password: str, confirmation: str) -> None:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise InvalidInput("password", f"password must be at least {PASSWORD_MIN_LENGTH} characters long")
    if len(password.encode()) > PASSWORD_MAX_BYTES:
        raise InvalidInput("password", f"password must be at most {PASSWORD_MAX_BYTES} bytes long")
    if not confirmation:
        raise InvalidInput("passwordConf", "passwordConf is required: repeat the password")
    if password != confirmation:
        raise InvalidInput("passwordConf", "passwordConf does not match password")


def _validate_new_user(new: NewUser) -> User:
    # Lower-case before the length check, because a few characters (such as "İ") grow when lower-cased.
    email = validation.email("email", new.email.lower(), columns.EMAIL_MAX)
    _validate_password(new.password, new.password_conf)
    user_name = validation.text("userName", new.user_name, columns.USER_NAME_MAX)
    if any(character.isspace() for character in user_name):
        raise InvalidInput("userName", "userName must not contain spaces")
    return User(
        email=email,
        pass_hash="",
        user_name=user_name,
        first_name=validation.text("firstName", new.first_name, columns.FIRST_NAME_MAX, required=False),
        last_name=validation.text("lastName", new.last_name, columns.LAST_NAME_MAX, required=False),
        photo_url=gravatar_url(email),
    )


async def _commit_with_session(context: RequestContext, session: AsyncSession, user: User) -> str:
    """Store a new session for the user, then commit the pending rows, and return the token.

    The session is stored first, so an unreachable session store leaves no account or
    sign-in row behind. A failed commit removes the stored session again.
    """
    await session.flush()
    token, key = context.services.signer.issue()
    await context.services.sessions.create(key, user.id or 0)
    try:
        await session.commit()
    except Exception:
        with contextlib.suppress(ServiceUnavailable):
            await context.services.sessions.delete(key)
        raise
    context.signed_in_as(Viewer(user_id=user.id or 0, session_key=key))
    return token


async def _taken_field(session: AsyncSession, user: User) -> str | None:
    """Return "email" or "userName" when another account already has it, else None."""
    conflicting_email = await session.scalar(
        select(col(User.email))
        .where(
            (func.lower(col(User.email)) == user.email)
            | (func.lower(col(User.user_name)) == user.user_name.lower())
        )
        .limit(1)
    )
    if conflicting_email is None:
        return None
    return "email" if conflicting_email.lower() == user.email else "userName"


async def sign_up(context: RequestContext, new: NewUser) -> SignedIn:
    """Create an account and sign it in; raises InvalidInput, or Conflict for a taken email or name."""
    user = _validate_new_user(new)

    async with open_session(context.services.sessionmaker) as session:
        taken_field = await _taken_field(session, user)
        if taken_field is not None:
            raise Conflict(f"{taken_field} is already taken", field=taken_field)

        user.pass_hash = await context.services.hasher.hash(new.password)
        session.add(user)
        try:
            token = await _commit_with_session(context, session, user)
        except IntegrityError as error:
            # A concurrent sign-up took the email or name between the check and the insert.
            await session.rollback()
            field = await _taken_field(session, user) or "email"
            logger.info("user.sign_up_raced field=%s", field)
            raise Conflict(f"{field} is already taken", field=field) from error

    logger.info("user.signed_up user_id=%s", user.id)
    return SignedIn(token=token, user=user)


async def sign_in(context: RequestContext, email: str, password: str) -> SignedIn:
    """Check credentials and start a session.

    Every credential failure raises the same InvalidCredentials; RateLimited after
    SIGN_IN_MAX_FAILURES failures for one email within SIGN_IN_WINDOW seconds.
    """
    normalized = (email or "").strip().lower()
    throttle = context.services.sign_in_throttle
    throttle_id = throttle_key(normalized)
    retry_after = await throttle.retry_after(throttle_id)
    if retry_after:
        logger.warning("user.sign_in_throttled retry_after=%ds", retry_after)
        raise RateLimited(
            f"too many failed sign-in attempts for this email; try again in {retry_after} seconds",
            retry_after=retry_after,
        )

    async with open_session(context.services.sessionmaker) as session:
        found = await session.execute(select(User).where(func.lower(col(User.email)) == normalized))
        user = found.scalars().first()

        valid = await context.services.hasher.verify(password or "", user.pass_hash if user else None)
        if user is None or not valid:
            await throttle.record_failure(throttle_id)
            logger.info("user.sign_in_failed known_email=%s", user is not None)
            raise InvalidCredentials()

        session.add(
            SignInLogEntry(
                user_id=user.id or 0,
                client_ip=(context.client_ip or "")[: columns.CLIENT_IP_MAX] or None,
            )
        )
        token = await _commit_with_session(context, session, user)

    await throttle.clear(throttle_id)
    logger.info("user.signed_in user_id=%s", user.id)
    return SignedIn(token=token, user=user)


async def sign_out(context: RequestContext) -> bool:
    """End the viewer's session here and end its subscriptions in every process."""
    viewer = await context.require_viewer()

    await context.services.sessions.delete(viewer.session_key)

    await context.services.hub.publish(
        ChangeEvent(kind=ChangeKind.SESSION_ENDED, session_key=viewer.session_key)
    )
    logger.info("user.signed_out user_id=%s", viewer.user_id)
    return True


async def me(context: RequestContext) -> User | None:
    viewer_id = await context.viewer_id()
    if viewer_id is None:
        return None
    return await context.loaders.user.load(viewer_id)


async def get_user(context: RequestContext, user_id: str | int) -> User:
    """Return a user; raises NotAuthenticated when signed out, NotFound for an unknown id."""
    await context.require_viewer()
    number = validation.identifier("id", user_id)

    user = await context.loaders.user.load(number)
    if user is None:
        raise NotFound(f"user {number} not found")
    return user


async def update_me(context: RequestContext, first_name: str | None, last_name: str | None) -> User:
    """Change the viewer's names; a field left as None keeps its value."""
    viewer = await context.require_viewer()
    first = validation.optional_text("firstName", first_name, columns.FIRST_NAME_MAX)
    last = validation.optional_text("lastName", last_name, columns.LAST_NAME_MAX)

    async with open_session(context.services.sessionmaker) as session:
        user = await session.get(User, viewer.user_id)
        if user is None:
            raise NotFound(f"user {viewer.user_id} not found")
        if first_name is not None:
            user.first_name = first or ""
        if last_name is not None:
            user.last_name = last or ""
        await session.commit()

    context.reset_loaders()
    logger.info("user.updated user_id=%s", viewer.user_id)
    return user
