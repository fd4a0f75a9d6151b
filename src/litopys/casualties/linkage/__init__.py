"""Record linkage of victim lists: pure Python over plain records, splink on DuckDB or Spark.

`link(records, ...)` takes `LinkRecord`s and returns clusters with the pairwise match weights that
built them; nothing here touches Django's database.
"""

from litopys.casualties.linkage.clustering import Constraints
from litopys.casualties.linkage.features import LinkRecord
from litopys.casualties.linkage.run import LinkResult, link

__all__ = ["Constraints", "LinkRecord", "LinkResult", "link"]
