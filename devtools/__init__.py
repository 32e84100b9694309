"""Development and test tools, not part of the shipped product (setuptools leaves them out)."""
