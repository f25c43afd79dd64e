/* The visit count. The page is the same for every reader (a shared cache keeps it), so it
   holds no count: once it has loaded, this script reports the visit (counted once per browser,
   site and day; the answer sets the day cookie) and shows the total it gets back in the
   "Visitors" box. Without JavaScript, the page's <noscript> image reports the visit instead. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) { return; }
  var url = script.getAttribute("data-ward-visits");
  var language = script.getAttribute("data-ward-language") || "vi";
  fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: "{}"
  }).then(function (response) {
    // A visit refused for the address's rate (429) still answers the total.
    return response.json().catch(function () { return null; });
  }).then(function (data) {
    if (!data || typeof data.total !== "number") { return; }
    // 12345: "12.345" in Vietnamese, "12,345" in English (as the server's ward_digits).
    var shown = String(data.total).replace(/\B(?=(\d{3})+(?!\d))/g, language === "vi" ? "." : ",");
    Array.prototype.forEach.call(document.querySelectorAll("[data-ward-visitors]"), function (box) {
      var value = box.querySelector("data");
      if (value) { value.value = String(data.total); value.textContent = shown; }
      box.hidden = false;
    });
  }).catch(function () { /* the box stays hidden */ });
})();
