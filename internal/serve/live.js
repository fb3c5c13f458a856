// Live reload for `licensure serve`: reloads the page after a rebuild and
// shows content errors over the page until they are fixed.
"use strict";
(function () {
  var overlay = null;
  function show(problem) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "licensure-problem";
      overlay.setAttribute("role", "alert");
      var h = document.createElement("h2");
      h.textContent = "The content has errors; showing the last good build";
      overlay.appendChild(h);
      overlay.appendChild(document.createElement("pre"));
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = problem;
  }
  var source = new EventSource("/_licensure/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("problem", function (e) { show(JSON.parse(e.data).problem); });
})();
