"""`python -m nejtak`: the command line."""
from nejtak.bot.cli import main

if __name__ == "__main__":  # not when the sending process (multiprocessing spawn) imports it again
    main()
