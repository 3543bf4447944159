"""Sightings: the dataset of reported Russian Navy movements, its schema, loading and import."""
