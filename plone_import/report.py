"""What a run did, per Plone type, and every item it could not import or fully convert.

The lists (errors, warnings, skipped items, unresolved links) can have an entry for every
item of the export: they are kept in the run's scratch database while the run goes on, so
its memory does not grow with them, and read once, for the stored report, at the end.
"""

from __future__ import annotations

from collections import Counter, defaultdict

OUTCOMES = ("created", "updated", "unchanged", "skipped", "errors", "warnings")


class Report:
    def __init__(self, scratch=None):
        from .importer.scratch import Scratch, ScratchList

        scratch = scratch or Scratch()
        self.per_type: dict[str, Counter] = defaultdict(Counter)
        self.errors = ScratchList(scratch)
        self.warnings = ScratchList(scratch)
        self.skipped = ScratchList(scratch)
        # A link is listed once per page, however often the page names it.
        self.unresolved_links = ScratchList(scratch, unique=True)
        self.redirects: Counter = Counter()
        self.translations: Counter = Counter()
        self.members = 0
        self.submissions: Counter = Counter()

    def count(self, portal_type: str, outcome: str) -> None:
        self.per_type[portal_type or "?"][outcome] += 1

    def error(self, *, path: str, uid: str = "", portal_type: str = "", message: str) -> None:
        self.errors.append({"path": path, "uid": uid, "type": portal_type, "message": message})
        self.count(portal_type, "errors")

    def skip(self, *, path: str, portal_type: str, reason: str) -> None:
        self.skipped.append({"path": path, "type": portal_type, "reason": reason})
        self.count(portal_type, "skipped")

    def warn(self, *, path: str, portal_type: str = "", message: str) -> None:
        self.warnings.append({"path": path, "message": message})
        self.count(portal_type, "warnings")

    def unresolved(self, *, path: str, link: str) -> None:
        self.unresolved_links.append({"path": path, "link": link})

    def totals(self) -> Counter:
        total: Counter = Counter()
        for counts in self.per_type.values():
            total.update(counts)
        return total

    def as_dict(self) -> dict:
        return {
            "per_type": {kind: dict(counts) for kind, counts in sorted(self.per_type.items())},
            "totals": {outcome: self.totals()[outcome] for outcome in OUTCOMES},
            "errors": list(self.errors),
            "skipped": list(self.skipped),
            "warnings": list(self.warnings),
            "unresolved_links": list(self.unresolved_links),
            "redirects": dict(self.redirects),
            "translations": dict(self.translations),
            "members_not_imported": self.members,
            "submissions": dict(self.submissions),
        }
