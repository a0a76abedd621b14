"""A second factor for staff, after the password: a TOTP app or a passkey, with recovery codes.

Who must use one is one setting (``ADMIN_2FA_GROUPS``, plus ``ADMIN_2FA_SUPERUSERS``),
enforced when ``ADMIN_2FA_ENFORCED`` is on (always in production). Anyone else with a
device is asked for it too: a factor someone chose to add is never skipped. The views live
under ``/admin/2fa/`` and look like Wagtail's sign-in; ``middleware`` sends unverified users
there before any other admin view answers.
"""
