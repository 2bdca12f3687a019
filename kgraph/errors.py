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


# Exit statuses of the command line (documented in README, "What kgraph does with bad input").
EXIT_OK = 0  # everything asked for was done
EXIT_ERROR = 1  # an error: nothing (or nothing more) was written; the message says why
EXIT_USAGE = 2  # the command line itself is wrong (click's usage errors)
EXIT_SKIPPED = 3  # the output was written, but some inputs were skipped (listed on stderr)
EXIT_TIMEOUT = 4  # a query ran past its time limit and was stopped


class QueryTimeout(QueryError):
    """A query ran past its time limit."""
