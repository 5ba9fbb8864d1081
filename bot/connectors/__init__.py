"""Connectors: each turns one channel's input into Inbound records and hands replies back."""
