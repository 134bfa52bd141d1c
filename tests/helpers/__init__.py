"""Shared test helpers: layer factories, a recording feedback, the contract check."""
