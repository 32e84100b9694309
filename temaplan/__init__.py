"""Temaplan: follow-up of a municipality's thematic plan for business development."""
