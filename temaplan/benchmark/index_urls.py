"""URLs of the pages of Temaplans egen indeks."""

urlpatterns: list = []
