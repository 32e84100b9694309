"""The login lockout is keyed on the user name and the client's address. Behind the proxy
(TEMAPLAN_BEHIND_PROXY) that address is the one nginx appended to X-Forwarded-For, so one
client's wrong passwords do not lock the user out for another; without the setting the header
is ignored, so sending it changes nothing."""

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory

from temaplan.accounts.client_address import client_address

LOGIN = "/konto/logg-inn/"
PROXY = "127.0.0.1"  # every request reaches gunicorn from nginx on the same machine
ATTACKER = "203.0.113.5"
VICTIM = "198.51.100.7"


def through_nginx(client_sent: str | None, client: str) -> str:
    """X-Forwarded-For as nginx's `$proxy_add_x_forwarded_for` passes it on."""
    return f"{client_sent}, {client}" if client_sent else client


def login(client: Client, password: str, forwarded_for: str) -> int:
    response = client.post(
        LOGIN,
        {"username": "asker-leser", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    return response.status_code


def fail_until_locked(settings, forwarded_for: str) -> None:
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(attacker, "feil", forwarded_for)
    assert login(attacker, "demo", forwarded_for) == 429  # the attacker is locked out


@pytest.mark.parametrize("attacker_sent", [None, VICTIM, f"10.0.0.1, {VICTIM}"])
def test_behind_the_proxy_one_clients_failures_do_not_lock_the_user_out_for_another(
    demo, settings, attacker_sent
):
    settings.TEMAPLAN_BEHIND_PROXY = True
    # Even when the attacker sends the victim's address, nginx appends the attacker's own.
    fail_until_locked(settings, through_nginx(attacker_sent, ATTACKER))
    assert login(Client(), "demo", through_nginx(None, VICTIM)) == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_without_the_proxy_setting_the_forwarded_header_is_ignored(demo, settings):
    settings.TEMAPLAN_BEHIND_PROXY = False
    fail_until_locked(settings, ATTACKER)
    # Another forwarded address from the same connecting address is the same key: locked.
    assert login(Client(), "demo", VICTIM) == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}


@pytest.mark.parametrize(
    "behind_proxy, forwarded_for, address",
    [
        (False, None, PROXY),
        (False, ATTACKER, PROXY),
        (True, ATTACKER, ATTACKER),
        (True, f"{VICTIM}, {ATTACKER}", ATTACKER),
        (True, f"{VICTIM},{ATTACKER} ", ATTACKER),
        (True, "2001:db8::5", "2001:db8::5"),
        (True, None, PROXY),  # asked directly, not through nginx
        (True, f"{VICTIM}, not-an-address", PROXY),
    ],
)
def test_the_client_address_is_read_as_the_setting_says(
    settings, behind_proxy, forwarded_for, address
):
    settings.TEMAPLAN_BEHIND_PROXY = behind_proxy
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    request = RequestFactory().post(LOGIN, REMOTE_ADDR=PROXY, **headers)
    assert client_address(request) == address
