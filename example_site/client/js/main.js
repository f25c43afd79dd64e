// The reference client of wagtail-ward: a ward site built from the API alone.
//
// Parameters (in the address, before the #):
//   ?api=http://lacvien.localhost:8000   the site whose API to read (default: this page's origin)
//   ?lang=vi|en                          the language (default: vi)
//   ?poll=vi:1,en:2  or  ?poll=1         another poll than the site's side-column poll (named
//                                        by site-info), per language (see docs/headless.md)
// Pages (after the #): #/ the home, #/news/<id> an article, #/schedule this week's schedule.

import { createApi } from "./api.js";
import { h, replaceChildren } from "./dom.js";
import { strings } from "./strings.js";
import { articleView, homeView, scheduleView } from "./views.js";

function readConfig() {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get("lang") === "en" ? "en" : "vi";
  const polls = {};
  for (const part of (params.get("poll") || "").split(",")) {
    const [key, value] = part.includes(":") ? part.split(":") : [lang, part];
    if (/^\d+$/.test(value || "")) polls[key] = value;
  }
  const api = params.get("api") || window.location.origin;
  return { api, lang, polls, params };
}

const config = readConfig();
const t = strings(config.lang);
const api = createApi(config.api, config.lang);
const main = document.getElementById("main");

function show(title, ...children) {
  document.title = `${title} – ${context.site ? context.site.unit.name : t.title}`;
  replaceChildren(main, ...children);
}

const context = { api, t, config, site: null, show };

function otherLanguageHref(lang, hash) {
  const params = new URLSearchParams(config.params);
  params.set("lang", lang);
  return `?${params.toString()}${hash}`;
}

async function languageSwitch(route) {
  const other = config.lang === "vi" ? "en" : "vi";
  let hash = route.name === "article" ? "#/" : window.location.hash || "#/";
  if (route.name === "article") {
    try {
      const translation = await api.translation(route.id, other);
      if (translation) hash = `#/news/${translation.id}`;
    } catch {
      hash = "#/";
    }
  }
  replaceChildren(
    document.getElementById("lang-switch"),
    h(
      "a",
      { href: otherLanguageHref(other, hash), lang: other, hreflang: other, title: t.otherLanguageName },
      t.otherLanguage,
    ),
  );
}

function header(site) {
  const unit = site.unit;
  document.getElementById("site-name").textContent = unit.name;
  document.getElementById("site-parent").textContent = unit.parent_line || "";
  const footer = document.getElementById("site-footer");
  replaceChildren(
    footer,
    h("p", { class: "site-footer__name" }, unit.governing_body || unit.name),
    unit.address ? h("p", {}, `${t.address}: ${unit.address}`) : null,
    unit.phone ? h("p", {}, `${t.phone}: ${unit.phone}`) : null,
    unit.email ? h("p", {}, `${t.email}: `, h("a", { href: `mailto:${unit.email}` }, unit.email)) : null,
    h("p", { class: "site-footer__api" }, t.fromApi(api.root)),
  );
}

function staticTexts() {
  document.documentElement.lang = config.lang;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = t[element.dataset.text];
  }
  document.getElementById("site-nav").setAttribute("aria-label", t.mainNav);
}

function currentRoute() {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const article = /^\/news\/(\d+)\/?$/.exec(hash);
  if (article) return { name: "article", id: article[1] };
  if (hash.startsWith("/schedule")) return { name: "schedule" };
  return { name: "home" };
}

async function route(focus) {
  const current = currentRoute();
  replaceChildren(main, h("p", { class: "status", role: "status" }, t.loading));
  languageSwitch(current);
  try {
    if (current.name === "article") await articleView(context, current.id);
    else if (current.name === "schedule") await scheduleView(context);
    else await homeView(context);
  } catch (error) {
    show(t.error, h("h1", {}, t.error), h("p", { class: "message message--error" }, error.message));
  }
  main.dataset.ready = current.name;
  if (focus) main.focus();
}

async function start() {
  staticTexts();
  try {
    context.site = await api.siteInfo();
    header(context.site);
  } catch (error) {
    document.getElementById("site-name").textContent = t.title;
  }
  window.addEventListener("hashchange", () => route(true));
  await route(false);
}

start();
