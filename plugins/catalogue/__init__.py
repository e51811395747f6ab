"""Trades (métiers) and programmes (formations): one page each plus a listing."""

from .catalogue import register  # noqa: F401
