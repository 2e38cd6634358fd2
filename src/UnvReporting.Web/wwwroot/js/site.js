// Marks the page as scripted, so styles can tell a page with working scripts from one without
// (the browser tests also use it to check that scripts load).
document.documentElement.classList.replace("no-js", "js");

// Buttons declare what they do with data-action; no inline handlers, so the page works under a
// Content-Security-Policy without 'unsafe-inline'.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-action='print']");
  if (button) {
    window.print();
  }
});
