"""The benchmark app's pages: the editions (entry, import, export) and the benchmarking page."""

from .edition_urls import urlpatterns as edition_urls
from .page_urls import urlpatterns as page_urls

app_name = "benchmark"
urlpatterns = [*edition_urls, *page_urls]
