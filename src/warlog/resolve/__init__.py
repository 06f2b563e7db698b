"""Resolution of what the text names to reference records: places, actors, dates."""
