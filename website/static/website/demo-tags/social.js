/* Demo tag of the "social" cookie category: it only sets a first-party cookie named after its
 * category, so the banner's gating can be seen in the browser's storage panel. */
document.cookie = "demo_social=1; Max-Age=15552000; path=/; SameSite=Lax";
