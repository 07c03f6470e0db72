/* Design editor: "Preview PDF" renders the unsaved form in a <dialog> instead of a new tab, and
   shows the design's problems next to their fields without leaving the page. Without this
   script the button posts the form to a new tab (formtarget), which works the same way. */
(function () {
  "use strict";
  var form = document.getElementById("ac-editor");
  var dialog = document.getElementById("ac-preview-window");
  if (!form || !dialog || typeof dialog.showModal !== "function" || !window.fetch) { return; }
  var button = form.querySelector("[data-preview]");
  var status = document.getElementById("ac-editor-status");
  var frame = dialog.querySelector("[data-frame]");
  var openTab = dialog.querySelector("[data-open-tab]");
  var summary = document.getElementById("ac-form-problems");
  var objectUrl = null;

  function clearProblems() {
    form.querySelectorAll(".ac-problems").forEach(function (list) { list.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (field) { field.removeAttribute("aria-invalid"); });
    summary.textContent = "";
    if (window.acCodeEditor) { window.acCodeEditor.setMarks([]); }
  }

  // The code editor (code-editor.js) stands in for the hidden HTML and CSS textareas.
  function focusProblem(input, field, marks) {
    var mark = (marks || []).filter(function (each) { return each.field === field; })[0];
    if (window.acCodeEditor && window.acCodeEditor.focusField(field, mark && mark.line)) { return; }
    input.focus();
  }

  function showProblems(problems, marks) {
    var first = null;
    var firstField = null;
    if (window.acCodeEditor) { window.acCodeEditor.setMarks(marks || []); }
    problems.forEach(function (problem) {
      var list = form.querySelector('.ac-problems[data-field="' + problem.field + '"]');
      if (!list) {
        list = document.createElement("ul");
        list.className = "ac-problems";
        list.setAttribute("data-field", "__all__");
        summary.appendChild(list);
      }
      var item = document.createElement("li");
      item.textContent = problem.message;
      list.appendChild(item);
      var input = document.getElementById("id_" + problem.field);
      if (input) {
        input.setAttribute("aria-invalid", "true");
        if (!first) { first = input; firstField = problem.field; }
      }
    });
    status.textContent = form.getAttribute("data-preview-error");
    if (first) { focusProblem(first, firstField, marks); }
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    clearProblems();
    var data = new FormData(form);
    data.set("action", "preview");
    button.setAttribute("aria-disabled", "true");
    status.textContent = "…";
    // Not form.action: the buttons named "action" shadow it (a RadioNodeList).
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/pdf, application/json" }
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (response.ok && type.indexOf("application/pdf") === 0) {
        return response.blob().then(function (blob) {
          if (objectUrl) { URL.revokeObjectURL(objectUrl); }
          objectUrl = URL.createObjectURL(blob);
          frame.src = objectUrl;
          openTab.href = objectUrl;
          status.textContent = "";
          dialog.showModal();
          dialog.querySelector("h2").focus();
        });
      }
      if (type.indexOf("application/json") === 0) {
        return response.json().then(function (body) { showProblems(body.problems || [], body.marks); });
      }
      throw new Error(response.statusText);
    }).catch(function () {
      var failed = status.getAttribute("data-failed");
      showProblems([{ field: "__all__", message: failed }]);
      status.textContent = failed;
    }).finally(function () {
      button.removeAttribute("aria-disabled");
    });
  });

  dialog.addEventListener("click", function (event) {
    if (event.target.closest("[data-close]")) { dialog.close(); }
  });
  dialog.addEventListener("close", function () { button.focus(); });
})();
