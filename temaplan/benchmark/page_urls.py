"""URLs of the benchmarking page: peers, charts, county ranks and the story."""

urlpatterns: list = []
