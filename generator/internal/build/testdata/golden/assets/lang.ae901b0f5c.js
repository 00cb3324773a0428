// Sends a reader from the site root to the language their browser prefers,
// or to the first language listed. Without JavaScript, a <noscript> refresh
// goes to the default language.
(function () {
  var prefs = navigator.languages || [navigator.language || ""];
  var choices = [];
  function go() {
    var as = document.querySelectorAll("a[data-lang]");
    for (var i = 0; i < as.length; i++) choices.push(as[i]);
    if (!choices.length) return;
    for (var p = 0; p < prefs.length; p++) {
      var want = String(prefs[p]).toLowerCase().split("-")[0];
      for (var c = 0; c < choices.length; c++) {
        if (choices[c].getAttribute("data-lang") === want) {
          location.replace(choices[c].href);
          return;
        }
      }
    }
    location.replace(choices[0].href);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", go);
  } else {
    go();
  }
})();
