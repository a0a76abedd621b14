from django.urls import include, path

from . import views

app_name = "two_factor"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("enrol/", views.enrol, name="enrol"),
    path("enrol/qr.svg", views.qr_code, name="qr"),
    path("enrol/passkey-done/", views.passkey_done, name="passkey_done"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("recovery-codes/new/", views.new_recovery_codes, name="new_recovery_codes"),
]

# django-otp-webauthn's JSON endpoints, which its scripts find under this namespace.
passkey_urlpatterns = [
    path("passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
]
