// The poll: read it with this browser's voter token, vote with a JSON POST. The token is a
// random value kept in localStorage (the API needs one per browser, in the X-Ward-Voter header).

import { h, replaceChildren } from "./dom.js";

const TOKEN_KEY = "wagtail-ward-voter";

export function voterToken() {
  let token = window.localStorage.getItem(TOKEN_KEY);
  if (!token || token.length < 32) {
    const bytes = new Uint8Array(32);
    window.crypto.getRandomValues(bytes);
    token = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    window.localStorage.setItem(TOKEN_KEY, token);
  }
  return token;
}

function resultsView(poll, t) {
  if (!poll.results) return h("p", { class: "poll__hidden" }, t.resultsHidden);
  return h(
    "div",
    { class: "poll__results" },
    h("h3", {}, t.results),
    h(
      "ul",
      { class: "poll__bars" },
      poll.results.choices.map((choice) =>
        h(
          "li",
          { class: "poll__bar", "data-key": choice.key },
          h("span", { class: "poll__bar-label" }, choice.label),
          h(
            "span",
            { class: "poll__bar-track", "aria-hidden": "true" },
            h("span", { class: "poll__bar-fill", style: `width: ${Number(choice.percent) || 0}%` }),
          ),
          h(
            "span",
            { class: "poll__bar-value", "data-count": choice.count },
            `${choice.percent}% (${t.votes(choice.count)})`,
          ),
        ),
      ),
    ),
    h("p", { class: "poll__total", "data-total": poll.results.total }, t.total(poll.results.total)),
  );
}

function formView(poll, t, onVote) {
  const name = `poll-${poll.id}`;
  const form = h(
    "form",
    { class: "poll__form" },
    h(
      "fieldset",
      {},
      h("legend", { class: "poll__question" }, poll.question),
      poll.description ? h("p", { class: "poll__description" }, poll.description) : null,
      poll.choices.map((choice) =>
        h(
          "div",
          { class: "poll__choice" },
          h("input", {
            type: "radio",
            name,
            value: choice.key,
            id: `${name}-${choice.key}`,
            required: true,
          }),
          h("label", { for: `${name}-${choice.key}` }, choice.label),
        ),
      ),
    ),
    h("button", { type: "submit", class: "poll__submit" }, t.vote),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const checked = form.querySelector("input:checked");
    onVote(checked ? checked.value : "", form.querySelector("button"));
  });
  return form;
}

export async function renderPoll(box, context) {
  const { api, t, pollId } = context;
  const token = voterToken();
  const status = h("div", { class: "poll__messages", role: "status", "aria-live": "polite" });
  const body = h("div", { class: "poll__body" });

  function draw(poll) {
    const parts = [];
    if (poll.status === "open" && !poll.has_voted) {
      parts.push(formView(poll, t, vote));
    } else {
      parts.push(h("p", { class: "poll__question" }, poll.question));
      if (poll.status !== "open") parts.push(h("p", {}, t.pollClosed));
    }
    parts.push(resultsView(poll, t));
    replaceChildren(body, ...parts);
  }

  async function vote(choice, button) {
    if (!choice) {
      replaceChildren(status, h("p", { class: "message message--error" }, t.chooseFirst));
      return;
    }
    button.disabled = true;
    try {
      const { status: code, data } = await api.vote(pollId, choice, token);
      const ok = code === 201;
      replaceChildren(
        status,
        h("p", { class: ok ? "message message--success" : "message message--error" }, data.message),
      );
      if (data.poll) draw(data.poll);
    } catch (error) {
      replaceChildren(status, h("p", { class: "message message--error" }, `${t.error}: ${error.message}`));
    } finally {
      button.disabled = false;
    }
  }

  replaceChildren(box, h("h2", { id: "poll-title" }, t.poll), status, body);
  box.classList.add("poll");
  box.dataset.pollId = pollId;
  draw(await api.poll(pollId, token));
}
