"""The store: every SQL statement and the schema live in this package.

`schema` (tables, connections, writes), `corpus` (the `CorpusStore` the pipeline reads), `build`
(index folders: incremental, resumable), `vectors` (the `VectorIndex` protocol and its engine),
`reviews` (editors' verdicts), `cache` (embeddings by content hash).
"""

from .builder import BuildReport, IndexStats, build, stats
from .corpus import CorpusStore, Hit
from .schema import Upsert, is_index
from .vectors import VectorIndex

__all__ = ["BuildReport", "CorpusStore", "Hit", "IndexStats", "Upsert", "VectorIndex", "build", "is_index", "stats"]
