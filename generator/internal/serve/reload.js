// The live preview's script, added to every page by "generator serve" (never
// to the published site). It listens to the server's build events: after a
// good build it reloads the page; after a failed one it shows the problems
// over the page, which stays the last good build. A good build's warnings
// are shown over the page too, in a quieter colour.
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

  // show puts the problems over the page: each as the command line prints
  // it, with the lines of its file around it (its own marked). Every text
  // goes in as textContent, never as HTML. warnings says the build
  // succeeded and these are only warnings.
  function show(problems, warnings) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "serve-overlay";
    if (warnings) overlay.className = "serve-warnings";
    overlay.setAttribute("role", warnings ? "status" : "alert");
    var h = document.createElement("h2");
    var p = document.createElement("p");
    if (warnings) {
      h.textContent = "Built, with warnings · 빌드 성공, 경고 있음";
      p.textContent = "The page below is up to date; these are worth a look. · 아래 화면은 최신입니다. 다음 경고를 확인하세요.";
    } else {
      h.textContent = "The site could not be built · 사이트를 만들지 못했습니다";
      p.textContent = "Fix these problems and save; the page below is the last good build. · 아래 문제를 고치고 저장하세요. 아래 화면은 마지막으로 성공한 빌드입니다.";
    }
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close · 닫기");
    close.addEventListener("click", hide);
    overlay.append(close, h, p);
    problems.forEach(function (problem) {
      var section = document.createElement("section");
      section.className = problem.warning ? "serve-problem serve-warning" : "serve-problem";
      var pre = document.createElement("pre");
      pre.textContent = problem.text;
      section.append(pre);
      if (problem.lines && problem.lines.length) {
        var context = document.createElement("pre");
        context.className = "serve-context";
        problem.lines.forEach(function (line) {
          var row = document.createElement("span");
          if (line.mark) row.className = "serve-mark";
          row.textContent = (line.mark ? ">" : " ") + String(line.n).padStart(5) + " | " + line.text + "\n";
          context.append(row);
        });
        section.append(context);
      }
      overlay.append(section);
    });
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
    show(JSON.parse(e.data), false);
  });
  events.addEventListener("warnings", function (e) {
    show(JSON.parse(e.data), true);
  });
})();
