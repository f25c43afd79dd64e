/* Progressive enhancement of the poll form.
   The page is the same for every reader (a shared cache keeps it): once it has loaded, each
   poll asks for this reader's own state (the form, or "you have voted" with the results) and
   takes its place. A vote is then sent in place, without reloading the page.
   Without this script the form posts and the page comes back with the message and results. */
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) { return; }

  function replace(box, html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector("[data-ward-poll]");
    if (!fresh) { return null; }
    fresh.id = box.id;
    // The link target #ward-poll-<id> is kept where the page had it, once per poll.
    var anchor = fresh.querySelector(".ward-poll__anchor");
    if (anchor && !box.querySelector(".ward-poll__anchor")) { anchor.remove(); }
    box.replaceWith(fresh);
    return fresh;
  }

  function refresh(box) {
    var url = box.getAttribute("data-ward-poll-box");
    if (!url) { return; }
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // A reader who started to answer keeps the form as it is.
        if (html && !box.querySelector("input:checked")) { replace(box, html); }
      })
      .catch(function () { /* the form of the page stays: it works as it is */ });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ward-poll]"), refresh);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("ward-poll__form")) { return; }
    var box = form.closest("[data-ward-poll]");
    if (!box) { return; }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) { button.disabled = true; }
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var fresh = replace(box, html);
      if (fresh) {
        var status = fresh.querySelector("[role=status]");
        if (status) { status.setAttribute("tabindex", "-1"); status.focus(); }
      } else {
        form.submit();
      }
    }).catch(function () {
      form.submit();
    });
  });
})();
