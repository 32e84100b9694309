// Keyboard and screen reader users after an inline (htmx) edit, once for every page:
// - a form swapped in (a GET from «Rediger», «Endre status» …): focus on its first field;
// - a save (a POST answered 2xx): focus back on the item and «Lagret» in the page's live
//   region (#live-status in web/base.html); a form may say otherwise with data-saved-message
//   («Slettet»); a control that is still there afterwards (move up) keeps focus;
// - a refusal (422 bad input, 409 edit conflict): focus on the first message, or on the first
//   invalid field, which then names the message in aria-describedby;
// - «Avbryt» (a GET without a form): focus back on the item.
// Only requests a person started (from a link, a button or a form) move focus; a section that
// refreshes itself (hx-trigger on an event or a timer) leaves focus where it is.
// On a whole page answered with errors (a form posted without htmx), focus goes to the first
// message as well.
(function () {
  "use strict";

  var FIELDS = "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset])" +
    ":not([disabled]), select:not([disabled]), textarea:not([disabled])";
  var MESSAGES = ".form-errors, .error";

  function visible(element) {
    return element.getClientRects().length > 0;
  }

  function first(root, selector) {
    var found = root.querySelectorAll(selector);
    for (var i = 0; i < found.length; i += 1) {
      if (visible(found[i])) return found[i];
    }
    return null;
  }

  function focusOn(element) {
    if (!element) return;
    if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) {
      // Reachable by script, not an extra tab stop.
      element.setAttribute("tabindex", "-1");
    }
    element.focus();
  }

  function announce(text) {
    var region = document.getElementById("live-status");
    if (!region) return;
    // Emptied first, so the same words said twice are announced twice.
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function before(a, b) {
    return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  function describedByMessage(field) {
    var container = field.closest(".field");
    var message = container && container.querySelector(".error[id]");
    if (!message) return;
    var ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (ids.indexOf(message.id) === -1) {
      ids.push(message.id);
      field.setAttribute("aria-describedby", ids.join(" "));
    }
  }

  // The first thing a person must read about a refused save: the form's own message (an edit
  // conflict) when it comes first, otherwise the first invalid field, which reads its message.
  function focusFirstError(root) {
    var message = first(root, MESSAGES);
    var field = first(root, "[aria-invalid=true]");
    if (field && (!message || before(field, message) || message.classList.contains("error"))) {
      describedByMessage(field);
      focusOn(field);
    } else {
      focusOn(message);
    }
    return Boolean(message || field);
  }

  function heading(element) {
    return element.querySelector("h1, h2, h3, h4");
  }

  // The item the request came from: its nearest element with an id (a list item, a section).
  function itemOf(element) {
    var item = element.closest("[id]");
    return item && item.id !== "main" ? item.id : null;
  }

  function focusItem(id, root, again) {
    var item = (id && document.getElementById(id)) || root;
    // A control that stays (move up, move down) keeps focus, so it can be used again.
    var control = again && item.querySelector('form[hx-post="' + CSS.escape(again) + '"] button');
    if (control) {
      focusOn(control);
    } else if (item.matches("section, article")) {
      focusOn(heading(item) || item);
    } else {
      focusOn(item);
    }
  }

  var started = new WeakMap();

  document.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail.elt;
    if (!source.matches("a, button, form") && !source.closest("form")) return;
    var form = source.matches("form") ? source : source.closest("form");
    started.set(event.detail.xhr, {
      item: itemOf(source),
      form: form && form.getAttribute("hx-post"),
      saved: (form && form.dataset.savedMessage) || source.dataset.savedMessage || "Lagret",
    });
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var xhr = event.detail.xhr;
    var request = xhr && started.get(xhr);
    if (!request || !(event.target instanceof Element) || !event.target.isConnected) return;
    started.delete(xhr); // once per request, though htmx settles every swapped element
    var root = event.target;
    var verb = (event.detail.requestConfig && event.detail.requestConfig.verb) || "get";
    if (xhr.status < 200 || xhr.status > 299) {
      if (!focusFirstError(root)) focusItem(request.item, root);
    } else if (verb !== "get") {
      focusItem(request.item, root, request.form);
      announce(request.saved);
    } else {
      var field = first(root, "form " + FIELDS.split(", ").join(", form "));
      if (field) focusOn(field);
      else focusItem(request.item, root);
    }
  });

  function onPageLoad() {
    var main = document.getElementById("main");
    var refused = main && first(main, "form .form-errors, form [aria-invalid=true]");
    if (refused) focusFirstError(refused.closest("form"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPageLoad);
  } else {
    onPageLoad();
  }
})();
