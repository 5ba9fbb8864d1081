"""`python -m nejtak`: the command line."""
from nejtak.bot.cli import main

main()
