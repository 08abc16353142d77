"""Presenting a ledger to people: the web app (`serve`), the one-file HTML report, exports, and
progress on long CLI runs. Only this package and `cli.py` know about users."""
from __future__ import annotations

from .app import create_app, serve
from .export import EXPORTERS, export
from .progress import Progress, count_documents
from .report import report

__all__ = ["EXPORTERS", "Progress", "count_documents", "create_app", "export", "report", "serve"]
