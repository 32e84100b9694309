"""The benchmark app's pages: the editions (entry, import, export), the benchmarking page and
Temaplan's own index."""

from .edition_urls import urlpatterns as edition_urls
from .index_urls import urlpatterns as index_urls
from .page_urls import urlpatterns as page_urls

app_name = "benchmark"
urlpatterns = [*edition_urls, *page_urls, *index_urls]
