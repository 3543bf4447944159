"""Geography for Straitwatch: layers, the gazetteer, phrase-to-position and the spatial join."""
