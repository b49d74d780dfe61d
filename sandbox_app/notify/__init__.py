"""Notices to owners and family through a webhook (the outbox)."""
