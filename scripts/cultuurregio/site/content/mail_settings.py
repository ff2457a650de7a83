"""How the newsletter goes out by e-mail: data/verzending.yml, checked against its schema.

Nothing in it is invented: an empty field stays empty. The e-mail edition is made anyway
(site/mail/edition.py), `make check` names what is missing ("let op"), and the sending
tool (publiceren/newsletter_mail.py) refuses to send until it is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.schema import validate
from cultuurregio.site.content.yamlfile import read_yaml

FILE = "verzending.yml"
# The ledger's old place, written until December 2026; sending now keeps it on a branch of its
# own (publiceren/ledger.py), and reads this file where a repository still has it.
OLD_LEDGER = "verzonden.yml"
# What sending needs, in the words of the data file.
NEEDED = {
    ("afzender", "adres"): "het afzenderadres (afzender: adres:)",
    ("antwoordadres",): "het antwoordadres (antwoordadres:)",
    ("lijstadres",): "het adres van de verzendlijst (lijstadres:)",
    ("afmelden",): "hoe iemand zich afmeldt (afmelden:)",
}


@dataclass(frozen=True)
class MailSettings:
    naam: str
    afzender: str | None = None
    antwoordadres: str | None = None
    lijstadres: str | None = None
    aanmelden: str | None = None
    afmelden: str | None = None
    redactieadres: str | None = None  # where the test of a newsletter that goes out by itself goes

    @property
    def list_id(self) -> str | None:
        """RFC 2919: the list's address as a name that stays the same."""
        return self.lijstadres.replace("@", ".") if self.lijstadres else None


def read_mail_settings(data_dir: Path, site_name: str) -> tuple[MailSettings, list[Problem], list[Problem]]:
    """The settings, the problems with the file, and the notes on what sending still needs."""
    name = f"data/{FILE}"
    document, problems = read_yaml(data_dir / FILE, name)
    if document is not None:
        problems += validate(document, "verzending")
    if (data_dir / OLD_LEDGER).exists():
        ledger, ledger_problems = read_yaml(data_dir / OLD_LEDGER, f"data/{OLD_LEDGER}")
        problems += ledger_problems + (validate(ledger, "verzonden") if ledger is not None else [])
    if document is None or problems:
        return MailSettings(site_name), problems, []
    data = document.data
    # An address not known yet is left out (or, as before the web editor, left empty).
    settings = MailSettings(data["afzender"]["naam"], data["afzender"].get("adres"), data.get("antwoordadres"),
                            data.get("lijstadres"), data.get("aanmelden"), data.get("afmelden"),
                            data.get("redactieadres"))
    notes = []
    for path, what in NEEDED.items():
        value = data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if not value:
            notes.append(Problem(name, document.line(path), f"{what} is nog niet ingevuld; de e-mailversie van de "
                                                             "nieuwsbrieven staat op de site, maar versturen kan "
                                                             "pas als dit is ingevuld"))
    return settings, [], notes
