"""Email, sent by the worker through the jobs table: each message holds a link
and never a family's words. `queue_email` is the one way in."""

from server.email.service import queue_email

__all__ = ["queue_email"]
