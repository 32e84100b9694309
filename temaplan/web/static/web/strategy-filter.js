// The action form's «Søk i strategier»: filters the strategy checkboxes as you type and keeps
// each focus area's «n valgt» up to date. Without this script every checkbox simply shows.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLocaleLowerCase("nb").replace(/\s+/g, " ").trim();
  }

  function pickedText(count) {
    return count ? count + " valgt" : "";
  }

  function shownText(shown, total) {
    if (shown === total) return "";
    if (shown === 0) return "Ingen av " + total + " strategier passer søket.";
    return shown + " av " + total + " strategier passer søket.";
  }

  function setUp(picker) {
    if (picker.dataset.strategyReady) return;
    picker.dataset.strategyReady = "yes";
    var search = picker.querySelector("[data-strategy-search]");
    var query = picker.querySelector("[data-strategy-query]");
    var shown = picker.querySelector("[data-strategy-shown]");
    var none = picker.querySelector("[data-strategy-none]");
    var groups = Array.prototype.slice.call(picker.querySelectorAll("[data-strategy-group]"));
    var options = Array.prototype.slice.call(picker.querySelectorAll("[data-strategy-option]"));
    options.forEach(function (option) {
      // The full text is the label's accessible name (the visually hidden span when shortened).
      option.dataset.strategyText = normalise(option.querySelector("label").textContent);
    });

    function filter() {
      var words = normalise(query.value).split(" ").filter(Boolean);
      var count = 0;
      groups.forEach(function (group) {
        var inGroup = 0;
        group.querySelectorAll("[data-strategy-option]").forEach(function (option) {
          var text = option.dataset.strategyText;
          var match = words.every(function (word) { return text.indexOf(word) !== -1; });
          option.hidden = !match;
          if (match) inGroup += 1;
        });
        group.hidden = inGroup === 0;
        count += inGroup;
      });
      none.hidden = count !== 0;
      shown.textContent = shownText(count, options.length);
    }

    function countPicked(group) {
      var picked = group.querySelectorAll("input[type=checkbox]:checked").length;
      group.querySelector("[data-strategy-picked]").textContent = pickedText(picked);
    }

    query.addEventListener("input", filter);
    // Enter in the search box must not submit the whole action form.
    query.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    picker.addEventListener("change", function (event) {
      var group = event.target.closest("[data-strategy-group]");
      if (group) countPicked(group);
    });
    search.hidden = false;
    filter();
  }

  function setUpAll(root) {
    if (root.matches && root.matches("[data-strategy-picker]")) setUp(root);
    root.querySelectorAll("[data-strategy-picker]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });
  } else {
    setUpAll(document);
  }
  document.addEventListener("htmx:load", function (event) { setUpAll(event.target); });
})();
