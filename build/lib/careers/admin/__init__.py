"""The recruitment area of the Wagtail admin, under ``/admin/recruitment/``.

Only the ``Recruitment`` group and superusers see it (``careers.permissions.user_is_recruiter``
through :data:`policy.recruitment_policy`); every other user is refused the same way whether an
application exists or not. ``careers/wagtail_hooks.py`` registers :class:`RecruitmentViewSet`.
"""

from .viewsets import RecruitmentViewSet

__all__ = ["RecruitmentViewSet"]
