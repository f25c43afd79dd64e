/* Progressive enhancement of the poll form: submit in place, without reloading the page.
   Without this script the form posts and the page comes back with the message and results. */
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) { return; }
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
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var fresh = holder.querySelector("[data-ward-poll]");
      if (fresh) {
        fresh.id = box.id;
        box.replaceWith(fresh);
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
