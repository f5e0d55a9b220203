"""The store: every SQL statement and the schema live in this package; it only stores.

`schema` (tables, connections, writes), `corpus` (the `CorpusStore` the pipeline reads),
`build_state` (how far a build read each source, what is embedded; an index's figures), `vectors`
(the `VectorIndex` protocol and its engine), `sentences` (the multilingual sentence vectors),
`reviews` (editors' verdicts), `cache` (embeddings by content hash). Building an index (reading,
parsing, encoding) is `compare.indexing`'s.
"""

from .build_state import IndexStats, stats
from .corpus import CorpusStore, Hit
from .schema import Upsert, is_index
from .vectors import VectorIndex

__all__ = ["CorpusStore", "Hit", "IndexStats", "Upsert", "VectorIndex", "is_index", "stats"]
