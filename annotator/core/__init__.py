"""The Qt-free core: data model, offsets, schema."""
