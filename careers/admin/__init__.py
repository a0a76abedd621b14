"""The recruitment area of the Wagtail admin, under ``/admin/recruitment/``.

Only the recruitment group and superusers see it (``careers.permissions.recruitment_policy``);
every other user is refused the same way whether an application exists or not.
``careers/wagtail_hooks.py`` registers :class:`careers.admin.viewsets.RecruitmentViewSet`.
"""
