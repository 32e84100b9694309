// A refused htmx request shows its message where the user acted.
//
// base.html tells htmx not to swap 4xx and 5xx answers into the page (409 and 422 excepted:
// they carry a form with its messages). Without this script a refused click would do nothing
// visible. The server answers an htmx request with only a short message
// (<p class="refusal" role="alert" data-refusal>, temaplan/web/errors.py); this puts it right
// after the element that made the request, in place of an earlier one, so that a screen
// reader announces it and the user sees it beside the button they pressed.
(function () {
  "use strict";

  var FALLBACK = "Noe gikk galt (feilkode {status}). Last inn siden på nytt og prøv igjen.";
  var OFFLINE = "Fikk ikke kontakt med Temaplan. Sjekk nettforbindelsen og prøv igjen.";

  function messageFrom(xhr) {
    var template = document.createElement("template");
    template.innerHTML = xhr.responseText || "";
    var message = template.content.querySelector("[data-refusal]");
    return message || plain(FALLBACK.replace("{status}", String(xhr.status)));
  }

  function plain(text) {
    var message = document.createElement("p");
    message.className = "refusal";
    message.setAttribute("role", "alert");
    message.setAttribute("data-refusal", "");
    message.textContent = text;
    return message;
  }

  function showBeside(source, message) {
    if (!source || !source.isConnected) return;
    var previous = source.nextElementSibling;
    if (previous && previous.hasAttribute("data-refusal")) previous.remove();
    source.insertAdjacentElement("afterend", message);
  }

  document.addEventListener("htmx:responseError", function (event) {
    showBeside(event.detail.elt, messageFrom(event.detail.xhr));
  });
  document.addEventListener("htmx:sendError", function (event) {
    showBeside(event.detail.elt, plain(OFFLINE));
  });
})();
