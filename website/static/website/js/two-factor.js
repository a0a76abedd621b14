// Once a passkey is registered on the enrolment page, go on to the recovery codes.
document.addEventListener("otp_webauthn.register_complete", function () {
  "use strict";
  var placeholder = document.getElementById("passkey-registration-placeholder");
  if (placeholder && placeholder.dataset.completeUrl) {
    window.location.assign(placeholder.dataset.completeUrl);
  }
});
