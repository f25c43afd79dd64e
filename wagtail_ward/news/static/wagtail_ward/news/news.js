// The print button of an article's print view: shown only when script runs, it opens the
// browser's print dialogue. Loaded with defer; no inline handler in the page.
document.querySelectorAll("[data-ward-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
