/* Learner control of the Author certificate XBlock: Generate -> being generated (polled with
   back-off) -> generated + Open certificate. Messages are announced in the aria-live status. */
function AuthorCertificateXBlock(runtime, element) {
  "use strict";
  var root = element.querySelector ? element : element[0];
  var section = root.querySelector(".ac-xblock");
  var message = root.querySelector(".ac-xblock-message");
  var generate = root.querySelector(".ac-xblock-generate");
  var open = root.querySelector(".ac-xblock-open");
  var delay = 1000;

  function post(handler, body) {
    return fetch(runtime.handlerUrl(element, handler), {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body || {}),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || section.getAttribute("data-failed")); }
        return data;
      });
    });
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function show(status) {
    // A failure says why in one sentence (status.reason), after the state's message.
    message.textContent = [status.message, status.reason].filter(Boolean).join(" ");
    generate.hidden = !(status.button && status.state !== "generated");
    generate.textContent = status.button || "";
    generate.removeAttribute("aria-disabled");
    open.hidden = !(status.state === "generated" && status.open_url);
    if (status.open_url) { open.href = status.open_url; open.textContent = status.button; }
    if (status.state === "generating") {
      window.setTimeout(poll, delay);
      delay = Math.min(delay * 2, 15000);
    } else {
      delay = 1000;
    }
  }

  function poll() { post("status").then(show, function (error) { message.textContent = error.message; }); }

  generate.addEventListener("click", function () {
    if (generate.getAttribute("aria-disabled") === "true") { return; }
    generate.setAttribute("aria-disabled", "true");
    message.textContent = section.getAttribute("data-generating");
    post("generate").then(show, function (error) {
      message.textContent = error.message;
      generate.removeAttribute("aria-disabled");
    });
  });

  show(JSON.parse(section.getAttribute("data-status")));
}
