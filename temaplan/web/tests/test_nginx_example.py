"""The nginx example in docs/operations.md agrees with the application: it lets through the
uploads Temaplan accepts, and passes on the headers TEMAPLAN_BEHIND_PROXY trusts the way
temaplan/accounts/client_address.py reads them."""

import re
from pathlib import Path

from temaplan.core.workbook import MAX_FILE_BYTES

OPERATIONS = Path(__file__).resolve().parents[3] / "docs" / "operations.md"
MIB = 1024 * 1024
# A multipart body holds the file, the CSRF token and the boundaries around them.
FORM_ROOM_MIB = 1


def nginx_example() -> str:
    docs = OPERATIONS.read_text(encoding="utf-8")
    blocks = re.findall(r"```nginx\n(.*?)```", docs, re.S)
    assert len(blocks) == 1, "docs/operations.md should have one nginx example"
    return blocks[0]


def body_limit_bytes(nginx: str) -> int:
    found = re.findall(r"^\s*client_max_body_size\s+(\d+)([kKmM]?);", nginx, re.M)
    assert len(found) == 1, "the nginx example sets client_max_body_size once"
    number, unit = found[0]
    return int(number) * {"": 1, "k": 1024, "m": MIB}[unit.lower()]


def test_nginx_lets_through_the_largest_upload_temaplan_accepts_and_little_more():
    assert body_limit_bytes(nginx_example()) == MAX_FILE_BYTES + FORM_ROOM_MIB * MIB


def test_nginx_appends_the_client_to_x_forwarded_for_and_sets_the_scheme():
    nginx = nginx_example()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in nginx
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx


def test_the_body_limit_check_reads_nginx_units():
    assert body_limit_bytes("  client_max_body_size 11m;\n") == 11 * MIB
    assert body_limit_bytes("client_max_body_size 512k;\n") == 512 * 1024
