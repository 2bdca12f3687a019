"""Named SPARQL queries, one per .rq file (data, not code)."""
