/* Studio view of the Author certificate XBlock: the same "Select certificate" choice as the
   training's certificate page (Classic / Author; classic directly without author certificates). */
function AuthorCertificateXBlockStudio(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var section = root.querySelector(".ac-xblock-studio");
  var current = root.querySelector(".ac-xblock-current");
  var message = root.querySelector(".ac-xblock-message");
  var selectButton = root.querySelector(".ac-xblock-select");
  var win = root.querySelector(".ac-xblock-window");
  var kinds = root.querySelector(".ac-xblock-kinds");
  var list = root.querySelector(".ac-xblock-list");
  var choices = JSON.parse(section.getAttribute("data-choices"));

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function render() {
    selectButton.hidden = !choices.allowed;
    if (!choices.allowed) { current.textContent = section.getAttribute("data-refused"); return; }
    var c = choices.current;
    current.textContent = c ? (c.kind === "author" ? c.title + " · v" + c.number : c.title) : section.getAttribute("data-none");
    kinds.hidden = !choices.offers_author_certificates;
  }

  function item(label, control) {
    var li = document.createElement("li");
    var span = document.createElement("span");
    span.textContent = label;
    li.appendChild(span);
    if (control) { li.appendChild(control); }
    return li;
  }

  function choose(body) {
    fetch(runtime.handlerUrl(element, "assign"), {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error); }
        choices = data;
        render();
        close();
        message.textContent = section.getAttribute("data-saved");
      });
    }).catch(function (error) { message.textContent = error.message; });
  }

  function selectLabel(text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-primary";
    button.textContent = text;
    return button;
  }

  function showKind(kind) {
    list.textContent = "";
    if (kind === "classic") {
      choices.classic.forEach(function (classic) {
        var button = choices.may_assign ? selectLabel("✓") : null;
        if (button) {
          button.setAttribute("aria-label", classic.name);
          button.addEventListener("click", function () { choose({ classic: classic.uuid }); });
        }
        list.appendChild(item(classic.name + " (" + classic.language + ")", button));
      });
    } else {
      choices.author.forEach(function (certificate) {
        var li = item(certificate.title + " · " + certificate.creator);
        var select = document.createElement("select");
        select.setAttribute("aria-label", certificate.title);
        certificate.versions.forEach(function (version) {
          var option = document.createElement("option");
          option.value = version.uuid;
          option.textContent = "v" + version.number + " · " + version.created_at.slice(0, 10) + " · " + version.editor;
          option.selected = version.uuid === certificate.selected_version;
          select.appendChild(option);
        });
        li.appendChild(select);
        if (choices.may_assign) {
          var button = selectLabel("✓");
          button.setAttribute("aria-label", certificate.title);
          button.addEventListener("click", function () { choose({ version: select.value }); });
          li.appendChild(button);
        } else {
          select.disabled = true;
        }
        list.appendChild(li);
      });
    }
    var first = list.querySelector("button, select");
    if (first) { first.focus(); }
  }

  function open() {
    win.hidden = false;
    if (choices.offers_author_certificates) { list.textContent = ""; kinds.querySelector("button").focus(); }
    else { showKind("classic"); }
  }

  function close() { win.hidden = true; selectButton.focus(); }

  selectButton.addEventListener("click", open);
  root.querySelector(".ac-xblock-close").addEventListener("click", close);
  kinds.addEventListener("click", function (event) {
    var button = event.target.closest("[data-kind]");
    if (button) { showKind(button.getAttribute("data-kind")); }
  });
  win.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); } });
  render();
}
