// The print button of an article's print view: shown only when script runs, it opens the
// browser's print dialogue. Loaded with defer; no inline handler in the page.
document.querySelectorAll("[data-ward-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// Links to this site's own pages print as plain text: only other websites' addresses are
// printed after their link (print.css).
document.querySelectorAll(".ward-main a[href]").forEach((link) => {
  if (link.host === window.location.host) link.classList.add("ward-internal");
});
