"""URLs of the Kommune-NM editions: entry, correction, import and export."""

urlpatterns: list = []
