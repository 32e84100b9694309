import pytest
from django.core.management import CommandError, call_command

from temaplan.testing.personas import ASKER, BAERUM, EDITOR

from ..models import ApiToken
from ..tokens import token_find


def test_the_command_prints_only_a_secret_that_works_for_the_member(demo, capsys):
    call_command("api_token", EDITOR, ASKER, "--name", "check-api", "--days", "30")
    secret = capsys.readouterr().out.strip()
    token, role = token_find(secret)
    assert (token.user.username, token.municipality.number, token.name) == (
        EDITOR,
        ASKER,
        "check-api",
    )
    assert role == "editor"


def test_the_command_refuses_someone_who_is_not_a_member_in_norwegian(demo):
    with pytest.raises(CommandError, match="er ikke medlem av kommune"):
        call_command("api_token", EDITOR, BAERUM)
    assert not ApiToken.objects.exists()
