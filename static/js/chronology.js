// A long chronology is shown a page at a time, so a link to one of its events made before that
// (#event-N, as the feeds, exports and release pages write it) may point to an entry on another
// page. The server knows which: ?event=N redirects to that page, at that entry.
(function () {
  "use strict";
  function follow() {
    var match = /^#event-(\d+)$/.exec(window.location.hash);
    var chronology = document.getElementById("chronology");
    if (!match || !chronology || !chronology.hasAttribute("data-paged")) return;
    if (document.getElementById("event-" + match[1])) return;
    window.location.replace(window.location.pathname + "?event=" + match[1]);
  }
  follow();
  window.addEventListener("hashchange", follow);
})();
