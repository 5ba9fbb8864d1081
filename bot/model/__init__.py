"""nejtak's learned text model (bot/model/text.py) and its shipped weights."""
