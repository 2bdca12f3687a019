"""Errors the library raises; the CLI turns each into a one-line message."""

from __future__ import annotations


class KgraphError(Exception):
    """Base class: a message that names the thing, the bad value and the fix."""


class InputError(KgraphError):
    """An input path or article cannot be read or holds no story."""


class QueryError(KgraphError):
    """A SPARQL query is unknown, unreadable or invalid."""


class GraphFormatError(KgraphError):
    """A graph file cannot be read or written in the asked format."""


class ModelError(KgraphError):
    """The spaCy pipeline cannot be loaded."""
