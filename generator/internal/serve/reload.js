// The live preview's script, added to every page by "generator serve" (never
// to the published site). It listens to the server's build events: after a
// good build it reloads the page; after a failed one it shows the problems
// over the page, which stays the last good build.
(function () {
  "use strict";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : "";
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "serve-overlay";
    overlay.setAttribute("role", "alert");
    var h = document.createElement("h2");
    h.textContent = "The site could not be built · 사이트를 만들지 못했습니다";
    var p = document.createElement("p");
    p.textContent = "Fix these problems and save; the page below is the last good build. · 아래 문제를 고치고 저장하세요. 아래 화면은 마지막으로 성공한 빌드입니다.";
    var pre = document.createElement("pre");
    pre.textContent = problems.join("\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close · 닫기");
    close.addEventListener("click", hide);
    overlay.append(close, h, p, pre);
    document.body.append(overlay);
  }

  var events = new EventSource("/_serve/events");
  events.addEventListener("ready", function (e) {
    hide();
    if (build !== "" && e.data !== build) location.reload();
  });
  events.addEventListener("reload", function () {
    location.reload();
  });
  events.addEventListener("problems", function (e) {
    show(JSON.parse(e.data));
  });
})();
