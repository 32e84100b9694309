"""`python -m devtools.fake_ssb --port 8089 [--data ../shared/data/ssb]`: the fake SSB server."""

from devtools.fake_ssb.server import main

main()
