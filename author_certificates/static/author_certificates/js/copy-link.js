/* Sharing a generated certificate in Learning Records (docs/decisions/0111).

   - "Copy link" next to the verification page link copies its address with the Clipboard API
     and says so in a status region (read out by screen readers). Without this script, or
     without the Clipboard API, the button stays hidden and the link itself can be copied.
   - When learning-records.js shows a certificate it has just generated ("ac:generated"), the
     row's share links are taken from the server's own rendering of the panel, so that they are
     the same as after a reload. */
(function () {
  "use strict";
  if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
    document.documentElement.classList.add("ac-can-copy");  // shows the buttons (CSS)
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-ac-copy-link]");
    if (!button || !navigator.clipboard) { return; }
    var share = button.closest("[data-ac-share]");
    var status = share && share.querySelector("[data-ac-copy-status]");
    navigator.clipboard.writeText(button.getAttribute("data-ac-copy-link")).then(function () {
      if (status) { status.textContent = status.getAttribute("data-copied"); }
    }, function () {
      if (status) { status.textContent = status.getAttribute("data-failed"); }
    });
  });

  document.addEventListener("ac:generated", function (event) {
    var control = event.target;
    var row = control.closest(".ac-record");
    var panel = control.closest("[data-kind]");
    if (!row || !panel || control.querySelector("[data-ac-share]") || !window.fetch) { return; }
    var url = "?tab=" + encodeURIComponent(panel.getAttribute("data-kind")) + "&panel=1";
    window.fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(row.id);
        var share = fresh && fresh.querySelector("[data-ac-share]");
        if (share && !control.querySelector("[data-ac-share]")) {
          control.appendChild(document.importNode(share, true));
        }
      })
      .catch(function () { /* the links show on the next load */ });
  });
})();
