"""URLs of the result evaluation's editing (a section of the draft report page)."""

urlpatterns: list = []
