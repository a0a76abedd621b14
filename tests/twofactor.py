"""Second-factor helpers for tests: a current TOTP code, a browser sign-in that passes 2FA."""

import re
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

TEST_DEVICE_NAME = "Test authenticator"


def totp_device(user) -> TOTPDevice:
    """The user's confirmed TOTP device for tests, made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TEST_DEVICE_NAME, confirmed=True)
    return device


def totp_forget_last_code(device: TOTPDevice) -> None:
    """Forget the last code used, so a test may sign in twice within one 30-second step (a
    real device refuses a code used before)."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)


def totp_now(device: TOTPDevice) -> str:
    """The code the device's app shows now; reads nothing from the database."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def totp_code(device: TOTPDevice) -> str:
    """A fresh code the device accepts now."""
    totp_forget_last_code(device)
    return totp_now(device)


def browser_log_in(page, base_url: str, user, password: str = "pw") -> None:
    """Sign in to the admin in Playwright as a person would: password, then (when asked) the
    current code of the user's authenticator app, made for them here if they have none."""
    device = totp_device(user)
    # Written before the browser starts: the live server's thread reads the same SQLite
    # tables while it renders, and a write then would find them locked.
    totp_forget_last_code(device)
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", user.get_username())
    page.fill("input[name=password]", password)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(2fa/verify/\?.*)?$"), wait_until="domcontentloaded")
    if "/admin/2fa/verify/" in page.url:
        page.fill("input[name=code]", totp_now(device))
        page.click("form.login-form button[type=submit]")
        try:
            page.wait_for_url(re.compile(r"/admin/$"), wait_until="domcontentloaded")
        except Exception as error:
            raise AssertionError(
                f"Not signed in: {page.url}\n{page.inner_text('body')[:500]}"
            ) from error
