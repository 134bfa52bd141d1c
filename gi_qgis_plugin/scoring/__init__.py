"""The domain core: numpy and shapely only, no QGIS. Arrays in, arrays out."""
