"""The rows the demo loads, pinned: how many in each table and what their key fields hold.

A change to the demo data, or to how it is loaded, must show up here on purpose. The key fields
of a table are read in primary-key order (so the loading order is pinned too) and compared as a
digest; when one changes, the test names the table. To see the new digests after a deliberate
change, run this file with `-s` and copy what `test_the_key_fields_of_every_demo_table` prints.
"""

import hashlib

from django.apps import apps

from temaplan.demo.services import demo_load

# Every table the demo writes to, with its number of rows (history and many-to-many included).
ROW_COUNTS = {
    "accounts.Membership": 3,
    "accounts.Municipality": 2,
    "actions.Action": 35,
    "actions.ActionPeriod": 1,
    "actions.Action_strategies": 45,
    "actions.BudgetAllocation": 16,
    "actions.BudgetFrame": 6,
    "actions.DialogueMeeting": 5,
    "actions.DialogueMeeting_focus_areas": 11,
    "actions.DialogueMeeting_follow_up_actions": 13,
    "actions.HistoricalAction": 35,
    "actions.HistoricalBudgetFrame": 6,
    "actions.HistoricalPartnerAgreement": 3,
    "actions.PartnerAgreement": 3,
    "actions.PartnerAgreement_actions": 8,
    "actions.PoliticalCase": 5,
    "actions.StudyPhase": 9,
    "auth.User": 3,
    "benchmark.Edition": 4,
    "benchmark.HistoricalEdition": 4,
    "benchmark.HistoricalPeer": 5,
    "benchmark.HistoricalRanking": 20,
    "benchmark.Peer": 5,
    "benchmark.Ranking": 20,
    "benchmark.Theme": 5,
    "benchmark.ThemeRank": 30,
    "indicators.HistoricalIndicator": 5,
    "indicators.HistoricalTarget": 20,
    "indicators.Indicator": 5,
    "indicators.Indicator_focus_areas": 10,
    "indicators.Observation": 19,
    "indicators.Target": 20,
    "plans.Ambition": 7,
    "plans.FocusArea": 11,
    "plans.HistoricalAmbition": 7,
    "plans.HistoricalFocusArea": 11,
    "plans.HistoricalPlan": 2,
    "plans.HistoricalPremise": 3,
    "plans.HistoricalStrategy": 49,
    "plans.Plan": 2,
    "plans.Premise": 3,
    "plans.Strategy": 49,
    "reports.AccessibilityStatement": 1,
    "reports.HistoricalAccessibilityStatement": 1,
    "reports.HistoricalReport": 4,
    "reports.Report": 2,
    "reports.ReportFile": 4,
}

# The fields the demo sets, per table (foreign keys by id).
KEY_FIELDS = {
    "accounts.Membership": "user municipality role",
    "accounts.Municipality": "number name county_number county_name",
    "actions.Action": "period municipality key title kind focus_area responsible_unit "
    "responsible_person partners start_date due_date status progress weight priority "
    "description anchored_body anchored_on anchored_case is_example",
    "actions.ActionPeriod": "plan municipality name first_date last_date",
    "actions.Action_strategies": "action strategy",
    "actions.BudgetAllocation": "plan municipality year action agreement label amount spent",
    "actions.BudgetFrame": "plan municipality year kind amount fte fte_cost decision_reference",
    "actions.DialogueMeeting": "plan municipality date organisation participants topics",
    "actions.DialogueMeeting_focus_areas": "dialoguemeeting focusarea",
    "actions.DialogueMeeting_follow_up_actions": "dialoguemeeting action",
    "actions.PartnerAgreement": "plan municipality partner purpose start_date end_date "
    "yearly_amount co_funding deliverables is_example",
    "actions.PartnerAgreement_actions": "partneragreement action",
    "actions.PoliticalCase": "study municipality after_phase body planned_date case_number "
    "outcome decided_on decision_text",
    "actions.StudyPhase": "study municipality position name planned_start planned_end "
    "actual_start actual_end status deliverable",
    "auth.User": "username first_name last_name",
    "benchmark.Edition": "municipality year data_year published_on municipalities_ranked "
    "source note",
    "benchmark.Peer": "plan municipality code name position",
    "benchmark.Ranking": "edition municipality data_year code name rank score",
    "benchmark.Theme": "edition municipality key name position",
    "benchmark.ThemeRank": "ranking municipality theme rank score",
    "indicators.Indicator": "plan municipality key name unit direction source influence "
    "report_year_offset tolerance goal_text goal_comparator goal_value footnote formula kommune_nm "
    "position",
    "indicators.Indicator_focus_areas": "indicator focusarea",
    "indicators.Observation": "indicator municipality year value source_note vintage recorded_at",
    "indicators.Target": "indicator municipality year comparator value",
    "plans.Ambition": "plan municipality position text",
    "plans.FocusArea": "plan municipality number name description influence importance "
    "placement_is_example position",
    "plans.Plan": "municipality name first_year last_year status adopted_on "
    "decision_reference document_url",
    "plans.Premise": "plan municipality position name description influence importance",
    "plans.Strategy": "plan municipality code focus_area text is_example position",
    "reports.AccessibilityStatement": "municipality contact_unit contact_email contact_phone "
    "contact_form_url deviations evaluated evaluated_on evaluated_by reviewed_on version",
    # Not the document or its fingerprint: the document's content is the builder's, the
    # evaluation's and (for the files) the renderers' to change, and is pinned by their tests.
    "reports.Report": "plan municipality year number state title schema_version frozen_at "
    "frozen_by published_at published_by supersedes reason",
    "reports.ReportFile": "report municipality kind created_at",
}

DIGESTS = {
    "accounts.Membership": "4012a8d976c94847",
    "accounts.Municipality": "6c6eec719233d71e",
    "actions.Action": "a6ad25b3353cb1ad",
    "actions.ActionPeriod": "b85c0f2f711d0fb8",
    "actions.Action_strategies": "b6a8cd664db53967",
    "actions.BudgetAllocation": "42606dca4ccadefa",
    "actions.BudgetFrame": "32d5142382d4be62",
    "actions.DialogueMeeting": "e072d3b928a94f93",
    "actions.DialogueMeeting_focus_areas": "74219062afd8909f",
    "actions.DialogueMeeting_follow_up_actions": "f35b4e39193cf323",
    "actions.PartnerAgreement": "78e423e650a79c2e",
    "actions.PartnerAgreement_actions": "37cfa88a99375541",
    "actions.PoliticalCase": "61cdff2afd9d2a99",
    "actions.StudyPhase": "577b792c26485938",
    "auth.User": "190ebbbe9c736fdd",
    "benchmark.Edition": "fa2200d34ddea101",
    "benchmark.Peer": "48031762edec3cf8",
    "benchmark.Ranking": "e6e4334e2f4c8f38",
    "benchmark.Theme": "c080a5fb118164ca",
    "benchmark.ThemeRank": "d500b1febad75bb0",
    "indicators.Indicator": "f92e210e3a5c0dcc",
    "indicators.Indicator_focus_areas": "cca8b93668ccfbf7",
    "indicators.Observation": "28a8037961e226fe",
    "indicators.Target": "a1d036d590d832e1",
    "plans.Ambition": "bb3dbf33d4e00170",
    "plans.FocusArea": "d26fe21e5fb7294d",
    "plans.Plan": "cacf1414a3dac312",
    "plans.Premise": "1e37d633c87a0199",
    "plans.Strategy": "f8fdc21792929dd1",
    "reports.AccessibilityStatement": "2bc32fe746fdcc1b",
    "reports.Report": "7ebc5ae6231edcee",
    "reports.ReportFile": "59e96bc7d78b9b8f",
}


def model(label: str):
    app_label, name = label.split(".")
    return apps.get_app_config(app_label).get_model(name)


def digest(label: str) -> str:
    meta = model(label)._meta
    names = KEY_FIELDS[label].split()
    fields = ["pk", *(f"{n}_id" if meta.get_field(n).is_relation else n for n in names)]
    rows = model(label)._default_manager.order_by("pk").values_list(*fields)
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:16]


def digests() -> dict[str, str]:
    return {label: digest(label) for label in KEY_FIELDS}


def row_counts() -> dict[str, int]:
    return {label: model(label)._default_manager.count() for label in ROW_COUNTS}


def test_every_demo_table_has_its_number_of_rows(demo):
    assert row_counts() == ROW_COUNTS


def test_the_key_fields_of_every_demo_table(demo):
    found = digests()
    print("\nDIGESTS = {", *(f'    "{k}": "{v}",' for k, v in found.items()), "}", sep="\n")
    assert found == DIGESTS


def test_loading_again_changes_no_row(demo):
    before = row_counts(), digests()
    demo_load(password="demo")
    assert (row_counts(), digests()) == before
