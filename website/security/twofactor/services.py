"""Creating and confirming second factors: TOTP devices and recovery codes."""

from __future__ import annotations

import io
from base64 import b32encode
from binascii import unhexlify

import segno
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def totp_device_pending(*, user) -> TOTPDevice:
    """The user's unconfirmed TOTP device, made once so the QR code stays put on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The key as authenticator apps take it when typed in: base32, in groups of four."""
    secret = b32encode(unhexlify(device.key)).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(device: TOTPDevice) -> bytes:
    """The device's otpauth:// URL as an SVG QR code: a file, so the page needs no inline code."""
    buffer = io.BytesIO()
    # A white quiet zone of its own, so the code scans on the admin's dark theme too.
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=6, border=4, light="#fff", dark="#000", xmldecl=False
    )
    return buffer.getvalue()


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    """Confirm the pending device when ``token`` is a current code from it."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


@transaction.atomic
def recovery_codes_create(*, user) -> list[str]:
    """Replace the user's recovery codes with new single-use ones, shown to the user once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(*, user) -> int:
    return StaticToken.objects.filter(device__user=user).count()
