"""How long a free text a user types may be, one limit per kind of text.

A model's TextField(max_length=…) is not enforced by the database, but every form built from
the model refuses a longer text on the field, with Django's message in bokmål («Sørg for at
denne verdien har 1000 eller færre tegn (den har nå 1001).»), and saves nothing. The Excel
imports and the plain forms that carry such a text use the same constants.
"""

# A line or a few sentences: an ambition, a strategy, a footnote, a comment.
SENTENCES = 1000
# A few paragraphs: a description, a purpose, the deliverables, a decision, a meeting's topics.
PARAGRAPHS = 5000
