/* Publishing while Wagtail autosaves. Wagtail 8 saves the editor's form in the background; on
   a new page the first of these saves creates the page as a draft, and only when its answer
   arrives does the form point at the page's edit view. A click on "Publish" (or any action)
   while that save was on its way sent the form to the create view again, which refused it:
   the address is already used, by the draft just made. And a save started after the click
   could make that draft while the publish was still being handled.

   So: a submit made while an autosave is pending is held, with the button showing its
   progress, until the save answers; it is then sent to wherever the form points by then,
   with the button's action. Once the form is sent, no autosave starts. Wagtail without
   autosave (7.0, or WAGTAIL_AUTOSAVE_INTERVAL = 0) sends no autosave event: nothing is held. */
(function () {
  "use strict";
  var WAIT_AT_MOST = 20000; // ms: a save that never answers does not hold the submit forever
  var pending = null; // the form whose autosave has not answered yet
  var held = null; // {form, name, value, timer}: the submit waiting for it
  var sent = null; // the form already sent

  function autosaved(element) { // the target of a submit or of an autosave event
    return element.matches("form[data-controller~='w-autosave']");
  }

  function release() {
    if (!held) { return; }
    var form = held.form;
    window.clearTimeout(held.timer);
    if (held.name) {
      var action = form.querySelector("input[data-ward-held-action]");
      if (!action) {
        action = document.createElement("input");
        action.type = "hidden";
        action.setAttribute("data-ward-held-action", "");
        form.appendChild(action);
      }
      action.name = held.name;
      action.value = held.value;
    }
    held = null;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  document.addEventListener("w-autosave:save", function (event) {
    if (!autosaved(event.target)) { return; }
    if (sent === event.target) { event.preventDefault(); return; }
    if (!event.defaultPrevented) { pending = event.target; }
  });

  ["w-autosave:success", "w-autosave:error", "w-autosave:deactivated"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (pending !== event.target) { return; }
      pending = null;
      release();
    });
  });

  // Capture: before Wagtail's own handlers of the submit, so a held submit reaches none of them.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!autosaved(form) || pending !== form) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (held) { return; }
    var button = event.submitter;
    held = {
      form: form,
      name: button && button.name,
      value: button && button.value,
      timer: window.setTimeout(function () { pending = null; release(); }, WAIT_AT_MOST)
    };
  }, true);

  // Bubbling: a submit nobody stopped is on its way; no autosave follows it.
  document.addEventListener("submit", function (event) {
    if (autosaved(event.target) && !event.defaultPrevented) { sent = event.target; }
  });

  // The editor shown again by the browser's Back button (from its page cache) starts afresh.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { pending = held = sent = null; }
  });
})();
