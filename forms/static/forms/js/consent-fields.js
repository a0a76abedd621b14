// A question that belongs to a consent box (data-requires-consent="<the box's name>") shows
// once the box is ticked, and hides again when it is unticked. Without this script the
// question stays visible; the server keeps its answer only when the box is ticked.
(function () {
  "use strict";

  function bind(input) {
    var form = input.form;
    var box = form && form.elements.namedItem(input.dataset.requiresConsent);
    if (!box || box.type !== "checkbox") return;
    var wrapper = input.closest(".form__field") || input;
    box.setAttribute("aria-controls", wrapper.id || input.id);
    var sync = function () {
      wrapper.hidden = !box.checked;
      // A site's own display rule (grid, flex) would show a hidden wrapper: say it here too
      // (through the DOM, which a strict CSP allows; no style attribute in the markup).
      wrapper.style.display = box.checked ? "" : "none";
      box.setAttribute("aria-expanded", box.checked ? "true" : "false");
    };
    box.addEventListener("change", sync);
    sync();
  }

  document.querySelectorAll("[data-requires-consent]").forEach(bind);
})();
