// reCAPTCHA v3: fetch a token for the form's action just before the form is sent.
// Reads the site key and action from the hidden input django-recaptcha renders.
(function () {
  "use strict";
  function bind(input) {
    var form = input.form;
    if (!form) return;
    form.addEventListener("submit", function (event) {
      if (input.value) return;
      event.preventDefault();
      window.grecaptcha.ready(function () {
        window.grecaptcha
          .execute(input.dataset.sitekey, { action: input.dataset.action || "submit" })
          .then(function (token) {
            input.value = token;
            form.submit();
          });
      });
    });
  }
  document.querySelectorAll("input.g-recaptcha[data-sitekey]").forEach(bind);
})();
