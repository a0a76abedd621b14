// A reference front-end for the chamber's site: plain ES module, no build, public API only.
//
// Routes are the site's own paths after "#" (#/fr/a-propos/), so any static file server
// serves it. Pages come from Wagtail's API v2 (/api/v2/pages/find/?html_path=), the menu,
// footer and languages from /api/site, forms from /api/forms/<id>, cookies and the
// newsletter from /api/privacy/. A preview link from the CMS (?content_type=&token=) shows
// the editor's draft from /api/v2/page_preview/.

const API = document.querySelector('meta[name="api-base"]').content.replace(/\/$/, "");
const LANGUAGES = ["nl", "fr", "en"];
const CONSENT_KEY = "cookie-choice";

// The few words of this front-end's own; everything else comes from the API.
const WORDS = {
    nl: {send: "Versturen", sent: "Verstuurd. Dank u.", errors: "Controleer de velden hieronder.",
        notFound: "Deze pagina bestaat niet.", preview: "Voorbeeld van een concept",
        acceptAll: "Alles aanvaarden", refuseAll: "Alles weigeren", choose: "Kiezen",
        save: "Keuze bewaren", cookies: "Cookies op deze site", more: "Lees meer",
        closed: "Dit formulier neemt geen inzendingen meer aan.", subscribe: "Inschrijven",
        email: "E-mailadres", policy: "Privacyverklaring",
        register: ["Doel", "Gegevens", "Rechtsgrond", "Bewaartermijn", "Ontvangers"]},
    fr: {send: "Envoyer", sent: "Envoyé. Merci.", errors: "Vérifiez les champs ci-dessous.",
        notFound: "Cette page n'existe pas.", preview: "Aperçu d'un brouillon",
        acceptAll: "Tout accepter", refuseAll: "Tout refuser", choose: "Choisir",
        save: "Enregistrer mon choix", cookies: "Cookies sur ce site", more: "Lire la suite",
        closed: "Ce formulaire n'accepte plus de réponses.", subscribe: "S'inscrire",
        email: "Adresse e-mail", policy: "Politique de confidentialité",
        register: ["Finalité", "Données", "Base juridique", "Conservation", "Destinataires"]},
    en: {send: "Send", sent: "Sent. Thank you.", errors: "Please check the fields below.",
        notFound: "This page does not exist.", preview: "Preview of a draft",
        acceptAll: "Accept all", refuseAll: "Refuse all", choose: "Choose",
        save: "Save my choice", cookies: "Cookies on this site", more: "Read more",
        closed: "This form no longer takes submissions.", subscribe: "Subscribe",
        email: "E-mail address", policy: "Privacy policy",
        register: ["Purpose", "Data", "Legal basis", "Retention", "Recipients"]},
};

let language = "nl";
const words = () => WORDS[language] || WORDS.nl;

// --- Talking to the API -------------------------------------------------------------------

async function getJSON(path) {
    const response = await fetch(API + path, {credentials: "include", headers: {Accept: "application/json"}});
    if (!response.ok) {
        const error = new Error(`${path}: ${response.status}`);
        error.status = response.status;
        throw error;
    }
    return response.json();
}

// Django's CSRF check for a browser sending from another origin: the token from /api/csrf,
// sent back in X-CSRFToken with the cookie that answer set.
async function send(path, body) {
    const {csrf_token: token} = await getJSON("/api/csrf");
    const headers = {Accept: "application/json", "X-CSRFToken": token};
    if (!(body instanceof FormData)) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(body);
    }
    const response = await fetch(API + path, {method: "POST", credentials: "include", headers, body});
    let data = {};
    try {
        data = await response.json();
    } catch (error) {
        data = {errors: {__all__: [String(response.status)]}};
    }
    return {status: response.status, ok: response.ok, data};
}

// --- Small DOM helpers --------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === false || value === null || value === undefined) continue;
        if (name === "text") node.textContent = value;
        else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined && child !== false) {
            node.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
    }
    return node;
}

// Rich text arrives as HTML with the site's own paths: pages become routes of this
// front-end, documents and images load from the site.
function richText(html) {
    const holder = el("div", {class: "rich-text"});
    holder.innerHTML = html || "";
    holder.querySelectorAll("script, style, iframe, object").forEach((node) => node.remove());
    holder.querySelectorAll("a[href^='/']").forEach((link) => {
        const href = link.getAttribute("href");
        link.setAttribute("href", /^\/(documents|media)\//.test(href) ? API + href : "#" + href);
    });
    holder.querySelectorAll("img[src^='/']").forEach((img) => img.setAttribute("src", API + img.getAttribute("src")));
    return holder;
}

function picture(image, className = "") {
    if (!image) return null;
    return el("img", {src: image.src, srcset: image.srcset, sizes: "(min-width: 60rem) 60rem, 100vw",
        alt: image.alt || "", width: image.width, height: image.height, class: className, loading: "lazy"});
}

// The page's address on the site (its html_url without scheme and host): the route here.
function pathOf(item) {
    return item.meta.html_url ? new URL(item.meta.html_url).pathname : "";
}

function link(path, label, attributes = {}) {
    return el("a", {href: "#" + path, ...attributes}, label);
}

function when(value) {
    return value ? new Date(value).toLocaleString(language, {dateStyle: "long", timeStyle: value.includes("T") ? "short" : undefined}) : "";
}

// --- Site chrome --------------------------------------------------------------------------

let site = null;

async function renderChrome(page) {
    site = await getJSON(`/api/site?locale=${language}`);
    document.documentElement.lang = language;
    document.getElementById("brand").textContent = site.organisation.name;
    document.getElementById("brand").setAttribute("href", "#" + (site.languages.find((l) => l.code === language)?.home_path || "/"));
    const current = page ? pathOf(page) : "";
    document.getElementById("menu").replaceChildren(...site.menu.map((item) =>
        el("li", {}, link(item.path, item.label, {"aria-current": item.path === current ? "page" : null}))));
    const alternates = page?.meta.translation_paths || {};
    document.getElementById("languages").replaceChildren(...site.languages.map((lang) =>
        el("li", {}, link(alternates[lang.code] || lang.home_path, lang.name,
            {lang: lang.code, hreflang: lang.code, "aria-current": lang.code === language ? "true" : null}))));
    renderFooter();
}

function renderFooter() {
    const footer = site.footer;
    const org = site.organisation;
    const privacyLinks = [
        footer.privacy_policy && el("li", {}, link(footer.privacy_policy.path, footer.privacy_policy.label)),
        footer.data_request && el("li", {}, link(footer.data_request.path, footer.data_request.label)),
        el("li", {}, el("a", {href: "#cookies", "data-cookie-settings": true}, footer.cookie_settings.label)),
    ];
    document.getElementById("footer").replaceChildren(
        el("section", {}, el("h2", {}, org.name), el("address", {}, ...org.address.split("\n").flatMap((line, i) => i ? [el("br"), line] : [line])),
            org.contact_email ? el("p", {}, el("a", {href: `mailto:${org.contact_email}`}, org.contact_email)) : null),
        el("nav", {"aria-label": "Footer"}, el("ul", {}, footer.links.map((item) => el("li", {}, link(item.path, item.label)))),
            el("ul", {}, privacyLinks)),
        newsletterForm(footer.newsletter),
    );
    document.querySelector("[data-cookie-settings]").addEventListener("click", (event) => {
        event.preventDefault();
        showCookieBanner(true);
    });
}

function newsletterForm(newsletter) {
    if (!newsletter.topics.length) return null;
    const status = el("p", {role: "status", class: "status"});
    const form = el("form", {class: "newsletter", novalidate: true},
        el("h2", {}, newsletter.heading),
        el("label", {}, words().email, " ", el("input", {type: "email", name: "email", required: true, autocomplete: "email"})),
        newsletter.topics.map((topic) => el("label", {class: "check"},
            el("input", {type: "checkbox", name: "topics", value: topic.key}), " ", topic.text || topic.name,
            topic.policy_url ? [" ", el("a", {href: policyHref(topic.policy_url)}, words().more)] : [])),
        el("button", {type: "submit"}, words().subscribe), status);
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const topics = [...form.querySelectorAll("input[name=topics]:checked")].map((box) => box.value);
        const result = await send("/api/privacy/newsletter", {email: form.email.value, topics, locale: language});
        status.textContent = result.ok ? result.data.detail : Object.values(result.data.errors || {}).flat().join(" ");
    });
    return form;
}

// Policy URLs are absolute addresses of the site's own page: shown here as a route.
function policyHref(url) {
    try {
        const parsed = new URL(url, API);
        return parsed.origin === new URL(API).origin ? "#" + parsed.pathname + parsed.hash : url;
    } catch (error) {
        return url;
    }
}

// --- Cookie banner ------------------------------------------------------------------------

async function showCookieBanner(force = false) {
    const banner = document.getElementById("cookie-banner");
    const data = await getJSON(`/api/privacy/cookies?locale=${language}`);
    const stored = JSON.parse(localStorage.getItem(CONSENT_KEY) || "null");
    if (!force && stored && stored.version === data.version) return;
    const choices = el("fieldset", {class: "choices", hidden: true},
        data.categories.map((category) => el("label", {class: "check"},
            el("input", {type: "checkbox", name: "category", value: category.key, checked: category.essential, disabled: category.essential}),
            " ", el("strong", {}, category.name), " ", category.description)));
    const buttons = el("div", {class: "actions"},
        el("button", {type: "button", "data-button": "accept_all"}, words().acceptAll),
        el("button", {type: "button", "data-button": "refuse_all"}, words().refuseAll),
        el("button", {type: "button", "data-button": "choose", "aria-expanded": "false"}, words().choose));
    banner.replaceChildren(el("div", {class: "wrap"}, el("h2", {id: "cookie-banner-title"}, words().cookies), choices, buttons));
    banner.hidden = false;
    buttons.addEventListener("click", async (event) => {
        const button = event.target.closest("button")?.dataset.button;
        if (!button) return;
        if (button === "choose" && choices.hidden) {
            choices.hidden = false;
            event.target.textContent = words().save;
            return;
        }
        const chosen = {};
        choices.querySelectorAll("input[name=category]:not(:disabled)").forEach((box) => { chosen[box.value] = box.checked; });
        const result = await send("/api/privacy/cookie-consent", {
            button, choices: button === "choose" ? chosen : {}, locale: language, page: location.hash.slice(1) || "/",
        });
        if (result.ok) {
            localStorage.setItem(CONSENT_KEY, JSON.stringify({version: result.data.version, accepted: result.data.accepted}));
            banner.hidden = true;
        }
    });
}

// --- Forms from their schema --------------------------------------------------------------

function fieldControl(field, purposes) {
    const id = `field-${field.key}`;
    const common = {id, name: field.key, required: field.required, "aria-describedby": `${id}-error`};
    const label = el("label", {for: id}, field.label, field.required ? " *" : "");
    const help = field.help_text ? el("p", {class: "help"}, field.help_text) : null;
    const error = el("p", {class: "error", id: `${id}-error`, "data-error-for": field.key});
    if (field.type === "purpose") {
        const purpose = purposes.find((item) => item.field === field.key);
        if (!purpose || purpose.kind !== "consent") return null; // a notice, shown above the button
        // Consent: its own box, never ticked in advance, never required.
        return el("div", {class: "field check"},
            el("input", {type: "checkbox", id, name: field.key, value: "on"}),
            el("label", {for: id}, purpose.text, purpose.policy_url ? [" ", el("a", {href: policyHref(purpose.policy_url)}, words().more)] : []),
            error);
    }
    let control;
    if (field.type === "multiline") control = el("textarea", {...common, rows: 5});
    else if (field.type === "dropdown") control = el("select", common, el("option", {value: ""}, "—"), field.choices.map((c) => el("option", {value: c.value}, c.label)));
    else if (field.type === "radio" || field.type === "checkboxes") {
        const type = field.type === "radio" ? "radio" : "checkbox";
        return el("fieldset", {class: "field"}, el("legend", {}, field.label), help,
            field.choices.map((c, i) => el("label", {class: "check"}, el("input", {type, name: field.key, value: c.value, id: `${id}-${i}`}), " ", c.label)), error);
    } else if (field.type === "checkbox") {
        return el("div", {class: "field check"}, el("input", {type: "checkbox", id, name: field.key, value: "on"}), label, help, error);
    } else if (field.type === "file") {
        control = el("input", {...common, type: "file", accept: field.file.extensions.map((ext) => "." + ext.replace(/^\./, "")).join(",")});
    } else {
        const types = {email: "email", number: "number", date: "date", datetime: "datetime-local", phone: "tel", url: "url"};
        control = el("input", {...common, type: types[field.type] || "text"});
    }
    return el("div", {class: "field"}, label, help, control, error);
}

function noticeFor(purpose) {
    return el("div", {class: "notice", "data-purpose": purpose.key},
        el("p", {}, el("strong", {}, purpose.name), " — ", purpose.text),
        el("p", {}, `${purpose.controller} · ${purpose.legal_basis_label} · ${purpose.retention}`,
            purpose.recipients ? ` · ${purpose.recipients}` : ""),
        purpose.policy_url ? el("p", {}, el("a", {href: policyHref(purpose.policy_url)}, words().policy)) : null);
}

async function renderForm(page, container) {
    const schema = await getJSON(`/api/forms/${page.id}?locale=${language}`);
    if (!schema.accepts_submissions) {
        container.append(el("p", {class: "closed"}, words().closed));
        return;
    }
    const summary = el("div", {class: "error-summary", role: "alert", tabindex: "-1", hidden: true});
    const form = el("form", {class: "form", novalidate: true, "data-form": schema.id},
        summary,
        schema.fields.map((field) => fieldControl(field, schema.purposes)),
        schema.purposes.filter((p) => p.kind === "notice").map(noticeFor),
        schema.recaptcha ? el("div", {class: "g-recaptcha", "data-sitekey": schema.recaptcha.site_key}) : null,
        el("button", {type: "submit"}, words().send));
    if (schema.recaptcha) {
        // Google's script loads only once the visitor starts to fill in a form that has a
        // captcha: nothing goes to Google while the page is merely read.
        const start = () => {
            form.removeEventListener("focusin", start);
            form.removeEventListener("input", start);
            document.head.append(el("script", {src: "https://www.google.com/recaptcha/api.js", async: true}));
        };
        form.addEventListener("focusin", start);
        form.addEventListener("input", start);
    }
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        form.querySelectorAll("[data-error-for]").forEach((node) => { node.textContent = ""; });
        summary.hidden = true;
        const body = new FormData(form);
        for (const [key, value] of [...body.entries()]) {
            if (value instanceof File && !value.name) body.delete(key);
        }
        // The proofs name the words this page showed; the site refuses them once they change.
        body.append("purpose_revisions", JSON.stringify(Object.fromEntries(
            schema.purposes.filter((purpose) => purpose.revision_id !== null)
                .map((purpose) => [purpose.key, purpose.revision_id]))));
        const button = form.querySelector("button[type=submit]");
        button.disabled = true;
        const result = await send(`/api/forms/${schema.id}/submissions?locale=${language}`, body);
        button.disabled = false;
        if (result.status === 201) {
            const thanks = el("div", {class: "thanks", role: "status"});
            thanks.append(page.thank_you_text ? richText(page.thank_you_text) : words().sent);
            form.replaceWith(thanks);
            return;
        }
        const errors = result.data.errors || {__all__: [result.data.detail || String(result.status)]};
        summary.replaceChildren(el("p", {}, words().errors), el("ul", {}, Object.entries(errors).map(([key, messages]) =>
            el("li", {}, key === "__all__" ? messages.join(" ") : `${schema.fields.find((f) => f.key === key)?.label || key}: ${messages.join(" ")}`))));
        for (const [key, messages] of Object.entries(errors)) {
            const target = form.querySelector(`[data-error-for="${CSS.escape(key)}"]`);
            if (target) target.textContent = messages.join(" ");
        }
        summary.hidden = false;
        summary.focus();
    });
    container.append(form);
}

// --- Pages by type --------------------------------------------------------------------------

async function children(page, type, fields) {
    const query = new URLSearchParams({child_of: page.id, type, fields: fields.join(","), limit: "50"});
    try {
        return (await getJSON(`/api/v2/pages/?${query}`)).items;
    } catch (error) {
        return []; // a page type this site does not have (yet)
    }
}

function card(item, lines) {
    return el("li", {class: "card"}, el("h3", {}, link(pathOf(item), item.title)), lines.filter(Boolean).map((line) => el("p", {}, line)));
}

function streamField(blocks) {
    return (blocks || []).map((block) => {
        const value = block.value;
        switch (block.type) {
        case "paragraph": return richText(value);
        case "image": return el("figure", {}, picture(value.image), value.caption ? el("figcaption", {}, value.caption) : null);
        case "quote": return el("blockquote", {}, el("p", {}, value.quote), value.attribution ? el("footer", {}, value.attribution) : null);
        case "call_to_action": return el("aside", {class: "cta"}, el("h2", {}, value.title), value.text ? el("p", {}, value.text) : null);
        case "newsletter_signup": return site ? newsletterForm({...site.footer.newsletter, heading: value.heading || site.footer.newsletter.heading}) : null;
        case "text": case "heading": return el("p", {}, String(value));
        default: return typeof value === "string" ? richText(value) : null;
        }
    });
}

const RENDERERS = {
    "home.HomePage": async (page, main) => {
        main.append(el("section", {class: "hero"}, picture(page.hero_image_renditions, "hero__image"),
            el("h1", {}, page.hero_title || page.title), page.hero_text ? el("p", {}, page.hero_text) : null));
        main.append(richText(page.intro), ...streamField(page.body));
    },
    "careers.VacancyIndexPage": async (page, main) => {
        main.append(el("h1", {}, page.title), richText(page.intro));
        const vacancies = await children(page, "careers.VacancyPage", ["summary", "location", "closing_date", "is_open"]);
        const open = vacancies.filter((item) => item.is_open);
        main.append(open.length ? el("ul", {class: "cards"}, open.map((item) => card(item, [item.location, item.summary]))) : richText(page.empty_text));
    },
    "careers.VacancyPage": async (page, main) => {
        main.append(el("h1", {}, page.title), el("p", {class: "meta"}, [page.department, page.location, page.employment_type].filter(Boolean).join(" · ")),
            richText(page.summary), richText(page.description), richText(page.what_we_offer), richText(page.intro));
        await renderForm(page, main);
    },
    "events.EventIndexPage": async (page, main) => {
        main.append(el("h1", {}, page.title), richText(page.intro));
        const events = await children(page, "events.EventPage", ["start", "venue", "kind"]);
        events.sort((a, b) => a.start.localeCompare(b.start));
        main.append(el("ul", {class: "cards"}, events.map((item) => card(item, [when(item.start), item.venue]))));
    },
    "events.EventPage": async (page, main) => {
        main.append(el("h1", {}, page.title), el("p", {class: "meta"}, `${when(page.start)} – ${when(page.end)}`, page.venue ? ` · ${page.venue}` : ""),
            richText(page.description), richText(page.intro));
        if (page.speakers?.length) main.append(el("ul", {class: "speakers"}, page.speakers.map((s) => el("li", {}, `${s.name}${s.function ? ", " + s.function : ""}`))));
        await renderForm(page, main);
    },
    "privacy.PrivacyPolicyPage": async (page, main) => {
        main.append(el("h1", {}, page.title), el("p", {class: "meta"}, `${page.version} · ${page.material_change_date || ""}`), richText(page.intro));
        for (const block of page.body || []) {
            const value = block.value || {};
            main.append(el("section", {id: value.anchor || null}, value.heading ? el("h2", {}, value.heading) : null,
                typeof value === "string" ? richText(value) : richText(value.text || value.body || "")));
        }
        main.append(el("table", {class: "register"},
            el("thead", {}, el("tr", {}, words().register.map((label) => el("th", {scope: "col"}, label)))),
            el("tbody", {}, (page.processing_register || []).map((entry) =>
            el("tr", {id: entry.anchor}, el("th", {scope: "row"}, entry.purpose),
                el("td", {}, entry.data), el("td", {}, entry.legal_basis_label), el("td", {}, entry.retention), el("td", {}, entry.recipients))))));
    },
};

// News (home.NewsIndexPage, home.NewsPage) when the site has it; anything else by its fields.
RENDERERS["home.NewsIndexPage"] = async (page, main) => {
    main.append(el("h1", {}, page.title), richText(page.intro));
    const news = await children(page, "home.NewsPage", ["date", "lead_image", "intro"]);
    main.append(el("ul", {class: "cards"}, news.map((item) => card(item, [when(item.date)]))));
};

async function renderGeneric(page, main) {
    main.append(el("h1", {}, page.title));
    if (page.date) main.append(el("p", {class: "meta"}, when(page.date)));
    if (page.lead_image_renditions) {
        // The page's own words for its lead image win over the image's description.
        main.append(el("figure", {}, picture({...page.lead_image_renditions, alt: page.lead_image_alt ?? page.lead_image_renditions.alt}),
            page.lead_image_caption ? el("figcaption", {}, page.lead_image_caption) : null));
    }
    if (typeof page.intro === "string") main.append(page.intro.trim().startsWith("<") ? richText(page.intro) : el("p", {class: "intro"}, page.intro));
    if (Array.isArray(page.body)) main.append(...streamField(page.body));
    else if (typeof page.body === "string") main.append(richText(page.body));
    if (Array.isArray(page.form_fields)) await renderForm(page, main);
}

// --- Routing ------------------------------------------------------------------------------

function currentPath() {
    const path = decodeURI(location.hash.replace(/^#/, "")) || "/";
    return path.startsWith("/") ? path : "/";
}

function languageOf(path) {
    const code = path.split("/")[1];
    if (LANGUAGES.includes(code)) return code;
    const preferred = (navigator.language || "nl").slice(0, 2);
    return LANGUAGES.includes(preferred) ? preferred : "nl";
}

async function loadPage() {
    const params = new URLSearchParams(location.search);
    if (params.get("token") && params.get("content_type") && !location.hash) {
        const query = new URLSearchParams({content_type: params.get("content_type"), token: params.get("token")});
        const draft = await getJSON(`/api/v2/page_preview/?${query}`);
        const note = document.getElementById("preview-note");
        return {page: draft, preview: true, note};
    }
    const path = currentPath();
    if (path === "/") {
        location.replace(`#/${languageOf(path)}/`);
        return null;
    }
    try {
        return {page: await getJSON(`/api/v2/pages/find/?html_path=${encodeURIComponent(path)}`)};
    } catch (error) {
        if (error.status !== 404) throw error;
    }
    try {
        const redirect = await getJSON(`/api/v2/redirects/find/?html_path=${encodeURIComponent(path.replace(/\/$/, ""))}`);
        location.replace("#" + redirect.location);
        return null;
    } catch (error) {
        return {page: null};
    }
}

async function render() {
    delete document.getElementById("main").dataset.ready;
    const loaded = await loadPage();
    if (!loaded) return;
    const {page, preview, note} = loaded;
    language = page ? page.meta.locale : languageOf(currentPath());
    await renderChrome(page);
    const main = document.getElementById("main");
    main.replaceChildren();
    if (preview) {
        note.textContent = `${words().preview}: ${page.title}`;
        note.hidden = false;
    }
    if (!page) {
        document.title = words().notFound;
        main.append(el("h1", {}, words().notFound));
    } else {
        document.title = `${page.title} · ${site.organisation.name}`;
        await (RENDERERS[page.meta.type] || renderGeneric)(page, main);
    }
    // For tests and tools: what was rendered, and for which address.
    main.dataset.path = preview ? "preview" : currentPath();
    main.dataset.ready = page ? page.meta.type : "not-found";
    await showCookieBanner();
}

window.addEventListener("hashchange", () => {
    if (location.hash !== "#cookies") render().catch(showFailure);
});

function showFailure(error) {
    document.getElementById("main").replaceChildren(el("h1", {}, "Error"), el("p", {}, String(error.message || error)));
    console.error(error);
}

render().catch(showFailure);
