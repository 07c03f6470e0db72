/* Progress report: follow a running bulk generation without reloading the page.
 *
 * The page works without this script (a "Refresh" link shows the counters again). With it, the
 * counters, the progress bar and the state are read from the REST API every few seconds until
 * the run has ended; then the page reloads once so that the table and the buttons are current.
 */
(function () {
  "use strict";

  var run = document.querySelector("[data-ac-bulk]");
  if (!run || run.getAttribute("data-state") !== "running" || !window.fetch) { return; }
  var url = run.getAttribute("data-status-url");
  var bar = run.querySelector("progress");
  var counters = run.querySelector("[data-ac-bulk-counters]");
  var delay = 1000;

  function poll() {
    window.fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) { return; }
        if (bar) {
          bar.max = Math.max(body.total, 1);
          bar.value = body.processed;
          bar.textContent = body.processed + " / " + body.total;
        }
        if (counters) {
          // The server's sentence, with the numbers in the same order.
          var numbers = [body.processed, body.total, body.started, body.skipped, body.refused];
          var index = 0;
          counters.textContent = counters.textContent.replace(/\d+/g, function () {
            var value = numbers[index]; index += 1;
            return value === undefined ? "" : String(value);
          });
        }
        if (body.state !== "running") {
          window.location.reload();
          return;
        }
        delay = Math.min(delay * 1.5, 10000);
        window.setTimeout(poll, delay);
      })
      .catch(function () { window.setTimeout(poll, 10000); });
  }

  window.setTimeout(poll, delay);
})();
