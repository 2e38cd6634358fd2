// Marks the page as scripted, so styles can tell a page with working scripts from one without
// (the browser tests also use it to check that scripts load).
document.documentElement.classList.replace("no-js", "js");
