"""Supervisor review of counter conversations (issue 5): list, conversation, dashboard."""
