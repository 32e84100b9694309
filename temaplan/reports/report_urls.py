"""URLs of the reports: list, draft preview, frozen view, workflow, downloads."""

urlpatterns: list = []
