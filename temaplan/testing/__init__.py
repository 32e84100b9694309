"""Test support shared by every app's tests: personas, workbook helpers. Never imported by
shipped code."""
