// The entry page's live score. The browser does not score anything itself: it asks the page's
// Score handler, which parses the numbers in the user's culture and scores them with the same
// domain code that saves them, then shows the answer (or the field's message) in the row.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) {
    return;
  }

  var url = form.getAttribute("data-score-url");
  var timers = new WeakMap();
  var latest = new WeakMap();

  function refresh(row) {
    var milestone = row.querySelector(".entry-milestone");
    var result = row.querySelector(".entry-result");
    var query = new URLSearchParams({ key: row.getAttribute("data-key"), milestone: milestone.value, result: result.value });
    var ticket = {};
    latest.set(row, ticket);
    fetch(url + "&" + query.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        // An older answer arriving after a newer one must not overwrite it.
        if (!answer || latest.get(row) !== ticket) {
          return;
        }
        var cell = row.querySelector(".entry-score");
        cell.querySelector(".score-value").textContent = answer.score;
        var badge = cell.querySelector(".rating");
        badge.className = "rating rating-" + answer.rating;
        badge.querySelector(".rating-icon").textContent = answer.icon;
        badge.lastChild.textContent = " " + answer.ratingText;
        row.setAttribute("data-rating", answer.rating);
        show(row, ".entry-milestone", milestone, answer.milestoneError);
        show(row, ".entry-result", result, answer.resultError);
      })
      .catch(function () { /* offline or signed out: the save will tell */ });
  }

  function show(row, selector, input, message) {
    var error = document.getElementById(input.getAttribute("aria-describedby"));
    if (error) {
      error.textContent = message || "";
    }
    input.classList.toggle("is-invalid", !!message);
    input.setAttribute("aria-invalid", message ? "true" : "false");
  }

  form.addEventListener("input", function (event) {
    var target = event.target;
    if (!target.classList.contains("entry-milestone") && !target.classList.contains("entry-result")) {
      return;
    }
    var row = target.closest(".entry-row");
    clearTimeout(timers.get(row));
    timers.set(row, setTimeout(function () { refresh(row); }, 200));
  });
})();
