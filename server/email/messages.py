"""What an email may say: plain words and a link, never a family's words or a
child's name. Each template's body has a `{link}` placeholder."""

from __future__ import annotations

from dataclasses import dataclass

from server.i18n import N_


@dataclass(frozen=True)
class Template:
    subject: str
    body: str


TEMPLATES = {
    "invitation": Template(
        subject=N_("You are invited to Alongside"),
        body=N_(
            "You have been invited to Alongside, where children, young people and "
            "carers share their views before meetings.\n\n"
            "Open this link to choose your password. It works once, for 7 days:\n\n"
            "{link}\n\n"
            "If you did not expect this email, you can ignore it."
        ),
    ),
    # To someone whose organisation signs in through its own identity provider:
    # the link goes there, and they never choose a password here.
    "invitation_single_sign_on": Template(
        subject=N_("You are invited to Alongside"),
        body=N_(
            "You have been invited to Alongside, where children, young people and "
            "carers share their views before meetings.\n\n"
            "Sign in with your organisation. Open this link and sign in as you do at work. "
            "It works once, for 7 days:\n\n"
            "{link}\n\n"
            "If you did not expect this email, you can ignore it."
        ),
    ),
    "password_reset": Template(
        subject=N_("Choose a new password for Alongside"),
        body=N_(
            "Someone asked to choose a new password for your Alongside account.\n\n"
            "Open this link to choose it. It works once:\n\n"
            "{link}\n\n"
            "If this was not you, you can ignore this email: your password stays the same."
        ),
    ),
    "escalated": Template(
        subject=N_("A plan was sent to you to answer"),
        body=N_(
            "Someone does not agree with part of a plan and asked for a manager to "
            "look at it. You manage the team of the plan's lead worker.\n\n"
            "Open this link to read it and answer:\n\n"
            "{link}"
        ),
    ),
    "urgent_overdue": Template(
        subject=N_("A call for help has not been answered"),
        body=N_(
            "Someone asked to talk to someone now in Alongside. Nobody has said "
            "they have seen it yet.\n\n"
            "Open this link to see it:\n\n"
            "{link}"
        ),
    ),
}
