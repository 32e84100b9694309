"""The reports app's pages: the reports themselves and the editing of their evaluation."""

from .evaluation_urls import urlpatterns as evaluation_urls
from .report_urls import urlpatterns as report_urls

app_name = "reports"
urlpatterns = [*report_urls, *evaluation_urls]
