"""The inbox admin: Wagtail's generic listing and inspect views, bound to one permission policy.

Every view asks :data:`forms.permissions.submission_policy`; a user who does not read an
inbox is refused the same way whether the inbox exists or not, so its name, its size and
its files stay unknown to them.
"""

from .downloads import DownloadLogIndexView
from .listings import InboxIndexView, SubmissionIndexView
from .submissions import SubmissionDetailView, SubmissionHandleView, attachment_download

__all__ = [
    "DownloadLogIndexView",
    "InboxIndexView",
    "SubmissionDetailView",
    "SubmissionHandleView",
    "SubmissionIndexView",
    "attachment_download",
]
