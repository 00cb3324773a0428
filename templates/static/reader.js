// Reader conveniences. The language switch keeps the #anchor of the page
// (both languages share them). Beside each heading's "#" permalink, a
// button copies the link with its anchor and says so, visibly and to
// screen readers. Without JavaScript the switch goes to the top of the
// other page, and the "#" links work alone.
(function () {
  var words = document.getElementById("site-heading-link");
  var status = document.getElementById("site-copy-status");
  var switches = document.querySelectorAll(".lang-switch a");
  function keepHash() {
    for (var i = 0; i < switches.length; i++) {
      switches[i].href = switches[i].href.split("#")[0] + location.hash;
    }
  }
  keepHash();
  addEventListener("hashchange", keepHash);
  if (!words || !status || !navigator.clipboard) return;
  function say(button, key) {
    var text = words.getAttribute(key);
    button.textContent = status.textContent = text;
    clearTimeout(button.reset);
    button.reset = setTimeout(function () {
      button.textContent = words.getAttribute("data-copy");
    }, 3000);
  }
  function add(link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = words.getAttribute("data-copy");
    button.setAttribute("aria-describedby", link.getAttribute("href").slice(1));
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(
        function () { say(button, "data-copied"); },
        function () { say(button, "data-failed"); });
    });
    link.after(button);
  }
  var links = document.querySelectorAll("a.heading-link");
  for (var i = 0; i < links.length; i++) add(links[i]);
})();
