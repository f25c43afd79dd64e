// The print view's button opens the browser's print dialogue.
document.querySelectorAll("[data-ward-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
