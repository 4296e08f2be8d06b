// Applies the saved colour theme (or the system's) before the first paint, so a dark page never
// flashes white. The studio's theme provider keeps it up to date afterwards, with the same key.
(function () {
  try {
    var choice = localStorage.getItem("kiln.theme");
    var dark =
      choice === "dark" ||
      (choice !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  } catch (_) {
    // Storage blocked: the provider falls back to the system theme.
  }
})();
