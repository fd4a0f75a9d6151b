"""CSV imports of incidents, claims and sources: headers and vocabulary values in English or Ukrainian, one clear
line per bad row, good rows written in one transaction, the same file again changing nothing."""
