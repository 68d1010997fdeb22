/*
 * directory.js: instant filtering of the directory's list of services.
 * Progressive enhancement only: without JavaScript the form stays hidden
 * and the facet pages do the same job.  Each service in the list carries
 * the ids of the terms it is listed under (data-categories="therapy ..."),
 * so filtering is a word match; the count is announced through the
 * role="status" paragraph.
 */
(function () {
  "use strict";
  var form = document.getElementById("sp-dir-filter");
  var results = document.getElementById("sp-dir-results");
  var status = document.getElementById("sp-dir-count");
  if (!form || !results || !status || !form.querySelectorAll) {
    return;
  }
  var items = results.querySelectorAll(".sp-dir-item");
  var selects = form.querySelectorAll("select[data-facet]");

  function listed(item, facet, id) {
    var terms = " " + (item.getAttribute("data-" + facet) || "") + " ";
    return terms.indexOf(" " + id + " ") !== -1;
  }

  function update() {
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var match = true;
      for (var k = 0; k < selects.length && match; k++) {
        var id = selects[k].value;
        if (id && !listed(items[i], selects[k].getAttribute("data-facet"), id)) {
          match = false;
        }
      }
      items[i].hidden = !match;
      if (match) {
        shown++;
      }
    }
    status.textContent = shown === 1 ? "1 service" : shown + " services";
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(update, 0);
  });
  form.hidden = false;
})();
