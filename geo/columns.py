"""Names of the columns the spatial join adds, apart from the join itself (no geopandas import),
so the schema can recognise them in a file the app exported."""

#: Columns :func:`geo.join.enrich` adds; ``sea_area_reported`` keeps the report's own sea.
ENRICHED = ("sea_area_reported", "in_strait", "in_japan_territorial_sea",
            "distance_to_japan_km", "named_seas")
