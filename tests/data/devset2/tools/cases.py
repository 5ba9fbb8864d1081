# -*- coding: utf-8 -*-
"""All cases of the second dev set, one module per language."""
from common import INBOX, SENT  # noqa: F401
import cases_en, cases_da, cases_sv, cases_nb, cases_de, cases_pl  # noqa: F401,E401
