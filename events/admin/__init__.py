"""The organisers' area of the Wagtail admin, under ``/admin/events/registrations/``.

Only the events group and superusers see it (``events.permissions.registration_policy``);
``events/wagtail_hooks.py`` registers :class:`events.admin.viewsets.RegistrationViewSet`.
"""
