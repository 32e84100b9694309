"""`__in` on an integer column with a number the column cannot hold matches nothing.

Django's own `exact`, `lt`, `gt` … already treat such a number so (IntegerFieldOverflow), but
its `in` sends it to the driver, which raises (SQLite: OverflowError; PostgreSQL: out of range):
a choice of «9999999999999999999999» among a form's focus areas answered 500 instead of
«not one of the choices». Registered on IntegerField (AutoField and every other integer field
inherit it) by CoreConfig.ready.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            kind = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(kind)
            self.rhs = [value for value in self.rhs if _within(value, low, high)]
        return super().process_rhs(compiler, connection)


def _within(value, low, high) -> bool:
    if not isinstance(value, int) or isinstance(value, bool):
        return True  # not a number: left to the database as before
    return (low is None or value >= low) and (high is None or value <= high)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
