"""nejtak: answers unsolicited sales contacts on the owner's behalf."""
__version__ = "0.1.0"
