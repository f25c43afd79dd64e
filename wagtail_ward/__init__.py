"""Wagtail building blocks for Vietnamese district and ward websites."""

__version__ = "0.1.0"
