// reCAPTCHA, loaded only once the visitor starts to fill in the form: nothing is asked of
// Google while a page is merely read. The widgets rendered by django-recaptcha carry the
// script's address in data-recaptcha-src; the first focus or input in their form adds it.
// v2: Google's script renders the checkbox in the div.g-recaptcha it finds.
// v3: a token for the form's action is fetched just before the form is sent.
(function () {
  "use strict";
  var loading = {};

  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  function bindV3(widget, form, ready) {
    form.addEventListener("submit", function (event) {
      if (widget.value) return;
      event.preventDefault();
      ready().then(function () {
        window.grecaptcha.ready(function () {
          window.grecaptcha
            .execute(widget.dataset.sitekey, { action: widget.dataset.action || "submit" })
            .then(function (token) {
              widget.value = token;
              form.submit();
            });
        });
      });
    });
  }

  function bind(widget) {
    var form = widget.form || widget.closest("form");
    var src = widget.dataset.recaptchaSrc;
    if (!form || !src) return;
    var ready = function () {
      return load(src);
    };
    var start = function () {
      form.removeEventListener("focusin", start);
      form.removeEventListener("input", start);
      ready();
    };
    form.addEventListener("focusin", start);
    form.addEventListener("input", start);
    if (widget.tagName === "INPUT") bindV3(widget, form, ready);
  }

  document.querySelectorAll("[data-recaptcha-src]").forEach(bind);
})();
