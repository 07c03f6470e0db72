/* "Select certificate" side window: opens the <dialog>, switches its panels (choose / classic /
   author), keeps focus inside while open (showModal), returns it to the button when closed.
   Escape closes it (native <dialog>). Without this script every link leads to a plain page. */
(function () {
  "use strict";
  var dialog = document.getElementById("ac-side-window");
  var trigger = document.getElementById("ac-select-certificate");
  if (!dialog || !trigger || dialog.tagName !== "DIALOG" || typeof dialog.showModal !== "function") {
    return;
  }

  function showPanel(name) {
    var shown = null;
    dialog.querySelectorAll("[data-panel]").forEach(function (panel) {
      var visible = panel.getAttribute("data-panel") === name;
      panel.hidden = !visible;
      if (visible) { shown = panel; }
    });
    if (!shown) { return; }
    var heading = shown.querySelector("h2");
    dialog.setAttribute("aria-labelledby", heading.id);
    heading.focus();
  }

  trigger.addEventListener("click", function (event) {
    event.preventDefault();
    dialog.showModal();
    showPanel(trigger.getAttribute("data-open-window"));
  });

  dialog.addEventListener("click", function (event) {
    var switcher = event.target.closest("[data-show-panel]");
    if (switcher) {
      event.preventDefault();
      showPanel(switcher.getAttribute("data-show-panel"));
      return;
    }
    if (event.target.closest("[data-close]")) {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.target === dialog) {  // a click on the backdrop, outside the window's box
      var box = dialog.getBoundingClientRect();
      var inside = event.clientX >= box.left && event.clientX <= box.right &&
        event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) { dialog.close(); }
    }
  });

  dialog.addEventListener("close", function () { trigger.focus(); });
})();
