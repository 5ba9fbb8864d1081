"""nejtak's one import package. Its parts keep the owner's layout at the top of the repository
(bot/, responders/, config/); the wheel installs them inside this package (nejtak.bot,
nejtak.responders, nejtak/config), so nejtak claims no generic top-level name in
site-packages. In a source checkout the parts are found beside this folder."""
from pathlib import Path

_beside = Path(__file__).resolve().parent.parent
if not (Path(__file__).resolve().parent / "bot").is_dir() and (_beside / "bot" / "__init__.py").is_file():
    __path__.append(str(_beside))  # noqa: F821 (a package's own __path__)
