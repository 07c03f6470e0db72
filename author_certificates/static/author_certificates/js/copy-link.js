/* "Copy link" next to a certificate's verification page: copies its address with the Clipboard
   API and says so in a status region (read out by screen readers). Without this script, or
   without the Clipboard API, the button stays hidden and the link itself can be copied. */
(function () {
  "use strict";
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") { return; }
  document.documentElement.classList.add("ac-can-copy");  // shows the buttons (CSS)
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-ac-copy-link]");
    if (!button) { return; }
    var share = button.closest("[data-ac-share]");
    var status = share && share.querySelector("[data-ac-copy-status]");
    navigator.clipboard.writeText(button.getAttribute("data-ac-copy-link")).then(function () {
      if (status) { status.textContent = status.getAttribute("data-copied"); }
    }, function () {
      if (status) { status.textContent = status.getAttribute("data-failed"); }
    });
  });
})();
