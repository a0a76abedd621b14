"""What a run did, per Plone type, and every item it could not import or fully convert."""

from __future__ import annotations

from collections import Counter, defaultdict

OUTCOMES = ("created", "updated", "unchanged", "skipped", "errors", "warnings")


class Report:
    def __init__(self):
        self.per_type: dict[str, Counter] = defaultdict(Counter)
        self.errors: list[dict] = []
        self.warnings: list[dict] = []
        self.skipped: list[dict] = []
        self.unresolved_links: list[dict] = []
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
        entry = {"path": path, "link": link}
        if entry not in self.unresolved_links:
            self.unresolved_links.append(entry)

    def totals(self) -> Counter:
        total: Counter = Counter()
        for counts in self.per_type.values():
            total.update(counts)
        return total

    def as_dict(self) -> dict:
        return {
            "per_type": {kind: dict(counts) for kind, counts in sorted(self.per_type.items())},
            "totals": {outcome: self.totals()[outcome] for outcome in OUTCOMES},
            "errors": self.errors,
            "skipped": self.skipped,
            "warnings": self.warnings,
            "unresolved_links": self.unresolved_links,
            "redirects": dict(self.redirects),
            "translations": dict(self.translations),
            "members_not_imported": self.members,
            "submissions": dict(self.submissions),
        }
