/*
 * Cookie banner, enhanced: choices go to the JSON API and take effect at once.
 * Without this script the banner is a plain form that posts and comes back.
 * Tags of categories not accepted wait in the page as inert <template data-cookie-category>
 * elements; accepting a category activates them, refusing removes them and deletes the
 * first-party cookies the category declared.
 */
(function () {
    "use strict";

    var banner = document.querySelector("[data-cookie-banner]");
    if (!banner || !window.fetch) {
        return;
    }
    var form = banner.querySelector("form");
    var choices = banner.querySelector("[data-cookie-choices]");
    var chooseLink = banner.querySelector("[data-cookie-choose]");

    function showChoices() {
        choices.hidden = false;
        chooseLink.setAttribute("aria-expanded", "true");
        var first = choices.querySelector("input[name=category]");
        if (first) {
            first.focus();
        }
    }

    function openBanner() {
        banner.hidden = false;
        showChoices();
        banner.scrollIntoView({block: "start"});
    }

    function activate(key) {
        var templates = document.querySelectorAll("template[data-cookie-category='" + key + "']");
        if (document.querySelector("[data-cookie-tag='" + key + "']")) {
            return;
        }
        templates.forEach(function (template) {
            var fragment = template.content.cloneNode(true);
            // Scripts copied from a template do not run; fresh ones do.
            fragment.querySelectorAll("script").forEach(function (old) {
                var script = document.createElement("script");
                Array.prototype.forEach.call(old.attributes, function (attribute) {
                    script.setAttribute(attribute.name, attribute.value);
                });
                script.text = old.text;
                old.replaceWith(script);
            });
            template.after(fragment);
        });
    }

    function deleteCookie(name) {
        var host = location.hostname;
        var domains = ["", host];
        var parts = host.split(".");
        while (parts.length > 2) {
            parts.shift();
            domains.push("." + parts.join("."));
        }
        domains.forEach(function (domain) {
            document.cookie = name + "=; Max-Age=0; path=/" + (domain ? "; domain=" + domain : "");
        });
    }

    function deactivate(key, cookies) {
        document.querySelectorAll("[data-cookie-tag='" + key + "']").forEach(function (node) {
            node.remove();
        });
        (cookies || []).forEach(deleteCookie);
    }

    function csrfToken() {
        var field = form.querySelector("input[name=csrfmiddlewaretoken]");
        return field ? field.value : "";
    }

    function send(button) {
        var chosen = {};
        form.querySelectorAll("input[name=category]").forEach(function (box) {
            chosen[box.value] = box.checked;
        });
        var api = banner.getAttribute("data-api");
        if (!api) {
            // The site did not mount privacy's API: the plain form records the choice.
            return Promise.reject(new Error("no cookie consent API"));
        }
        return fetch(api, {
            method: "POST",
            credentials: "same-origin",
            // The API checks a browser's request for CSRF as Django checks the form.
            headers: {
                "Content-Type": "application/json",
                "Accept": "application/json",
                "X-CSRFToken": csrfToken()
            },
            body: JSON.stringify({
                button: button,
                choices: button === "choose" ? chosen : {},
                locale: banner.getAttribute("data-locale"),
                page: location.pathname,
                source: "banner"
            })
        }).then(function (response) {
            if (!response.ok) {
                throw new Error("cookie consent refused: " + response.status);
            }
            return response.json();
        }).then(function (result) {
            result.refused.forEach(function (key) {
                deactivate(key, result.delete_cookies);
            });
            result.accepted.forEach(activate);
            form.querySelectorAll("input[name=category]").forEach(function (box) {
                box.checked = result.accepted.indexOf(box.value) !== -1;
            });
            banner.hidden = true;
            choices.hidden = true;
            chooseLink.setAttribute("aria-expanded", "false");
            document.dispatchEvent(new CustomEvent("cookieconsent:change", {detail: result}));
        });
    }

    form.addEventListener("submit", function (event) {
        var submitter = event.submitter;
        if (!submitter || !submitter.value) {
            return;
        }
        event.preventDefault();
        send(submitter.value).catch(function () {
            // The API failed: fall back to the plain form, which always works.
            var field = document.createElement("input");
            field.type = "hidden";
            field.name = "button";
            field.value = submitter.value;
            form.appendChild(field);
            form.submit();
        });
    });

    chooseLink.addEventListener("click", function (event) {
        event.preventDefault();
        if (choices.hidden) {
            showChoices();
        } else {
            choices.hidden = true;
            chooseLink.setAttribute("aria-expanded", "false");
        }
    });

    document.querySelectorAll("[data-cookie-settings]").forEach(function (link) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            openBanner();
        });
    });
}());
