/*
 * The form page editor: each form field shows only the options of its type, and its
 * collapsed panel is headed by the field's label rather than "Form fields 3".
 *
 * Option wrappers carry data-form-field-option (see FormField.panels); hidden options keep
 * their inputs, so saving sends exactly what it sent before.
 */
(function () {
  "use strict";

  var CHOICE_TYPES = ["dropdown", "radio", "checkboxes"];
  var SHOWN_FOR = {
    choices: function (type) { return CHOICE_TYPES.indexOf(type) !== -1; },
    default: function (type) { return type !== "file" && type !== "purpose"; },
    subject: function (type) { return type === "email"; },
    purpose: function (type) { return type === "purpose"; },
    file: function (type) { return type === "file"; },
  };

  function typeSelect(child) {
    return child.querySelector('select[name$="-field_type"]');
  }

  function showOptions(child) {
    var select = typeSelect(child);
    var type = select ? select.value : "";
    child.querySelectorAll("[data-form-field-option]").forEach(function (wrapper) {
      var rule = SHOWN_FOR[wrapper.getAttribute("data-form-field-option")];
      // No type chosen yet: show everything rather than an empty form.
      wrapper.hidden = Boolean(type) && Boolean(rule) && !rule(type);
    });
  }

  function summary(child) {
    var heading = child.querySelector("[data-panel-heading-text]");
    if (!heading) return null;
    var span = heading.querySelector("[data-form-field-summary]");
    if (span) return span;
    span = document.createElement("span");
    span.setAttribute("data-form-field-summary", "");
    span.hidden = true;
    heading.insertBefore(span, heading.firstChild);
    // The generic "Form fields" text stays for fields without a label yet.
    var generic = document.createElement("span");
    generic.setAttribute("data-form-field-generic", "");
    Array.prototype.slice.call(heading.childNodes).forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) {
        generic.appendChild(node);
      }
    });
    heading.insertBefore(generic, span.nextSibling);
    return span;
  }

  function showLabel(child) {
    var span = summary(child);
    if (!span) return;
    var input = child.querySelector('input[name$="-label"]');
    var select = typeSelect(child);
    var label = input ? input.value.trim() : "";
    var heading = span.parentNode;
    var generic = heading.querySelector("[data-form-field-generic]");
    var count = heading.querySelector("[data-inline-panel-child-count]");
    if (label) {
      var type = select && select.value ? select.options[select.selectedIndex].text : "";
      span.textContent = type ? label + " (" + type + ")" : label;
    }
    span.hidden = !label;
    if (generic) generic.hidden = Boolean(label);
    if (count) count.hidden = Boolean(label);
  }

  function isFormFieldChild(child) {
    return child && child.querySelector("[data-form-field-option]") && typeSelect(child);
  }

  function init(child) {
    if (!isFormFieldChild(child) || child.hasAttribute("data-form-field-ready")) return;
    child.setAttribute("data-form-field-ready", "");
    showOptions(child);
    showLabel(child);
  }

  function initAll() {
    document.querySelectorAll("[data-inline-panel-child]").forEach(init);
  }

  document.addEventListener("change", function (event) {
    var child = event.target.closest && event.target.closest("[data-inline-panel-child]");
    if (!isFormFieldChild(child)) return;
    if (event.target === typeSelect(child)) {
      showOptions(child);
      showLabel(child);
    }
  });

  document.addEventListener("input", function (event) {
    var child = event.target.closest && event.target.closest("[data-inline-panel-child]");
    if (isFormFieldChild(child) && /-label$/.test(event.target.name || "")) showLabel(child);
  });

  document.addEventListener("w-formset:added", function (event) {
    init(event.target);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
