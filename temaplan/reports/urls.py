"""The reports app's pages: the reports themselves, the editing of their evaluation, and the
municipality's part of the accessibility statement of its published pages."""

from .evaluation_urls import urlpatterns as evaluation_urls
from .report_urls import urlpatterns as report_urls
from .statement_urls import urlpatterns as statement_urls

app_name = "reports"
urlpatterns = [*report_urls, *evaluation_urls, *statement_urls]
