/* Learning Records: progressive enhancement of a page that works without this script.
 *
 * 1. The tab links become an ARIA tabs widget (roving tabindex, arrow keys, Home/End) that
 *    switches panels without a reload and keeps ?tab= in the address; a panel the server did not
 *    render is loaded when its tab is first opened.
 * 2. "Generate certificate" / "Try again" forms call the JSON API instead of reloading: the
 *    control shows "The certificate is being generated" at once, then polls the API with
 *    back-off until the certificate is generated (or failed) and shows "Open certificate".
 *    Every change is announced in an aria-live region; focus follows the control.
 * All words come from the server (translated): the API's `messages` and #ac-client-text.
 */
(function () {
  "use strict";

  var text = {};
  var textNode = document.getElementById("ac-client-text");
  if (textNode) {
    try { text = JSON.parse(textNode.textContent); } catch (e) { text = {}; }
  }
  var announcer = document.getElementById("ac-announcer");

  function announce(message) {
    if (!announcer || !message) { return; }
    // Clear first so that the same message twice is announced twice.
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = message; }, 50);
  }

  /* ---- Tabs ---------------------------------------------------------------------------- */

  function setUpTabs(nav) {
    var list = nav.querySelector(".ac-tab-list");
    var tabs = Array.prototype.slice.call(nav.querySelectorAll(".ac-tab"));
    if (!list || !tabs.length) { return; }
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-labelledby", nav.getAttribute("aria-labelledby") || "");
    Array.prototype.forEach.call(list.children, function (item) { item.setAttribute("role", "presentation"); });

    function panelOf(tab) { return document.getElementById(tab.getAttribute("data-panel")); }

    function select(tab, moveFocus) {
      tabs.forEach(function (other) {
        var selected = other === tab;
        other.setAttribute("aria-selected", selected ? "true" : "false");
        other.setAttribute("tabindex", selected ? "0" : "-1");
        other.removeAttribute("aria-current");
        var panel = panelOf(other);
        if (panel) { panel.hidden = !selected; }
        if (panel && selected) { loadPanel(panel); }
      });
      if (moveFocus) { tab.focus(); }
      if (window.history && window.history.replaceState) {
        var url = new URL(window.location.href);
        url.searchParams.set("tab", tab.getAttribute("data-kind"));
        url.hash = "";
        window.history.replaceState(null, "", url.toString());
      }
    }

    tabs.forEach(function (tab, index) {
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", tab.getAttribute("data-panel"));
      var panel = panelOf(tab);
      if (panel) {
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("tabindex", "0");
      }
      var selected = tab.getAttribute("aria-current") === "page";
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      tab.setAttribute("tabindex", selected ? "0" : "-1");
      tab.removeAttribute("aria-current");

      tab.addEventListener("click", function (event) {
        event.preventDefault();
        select(tab, false);
      });
      tab.addEventListener("keydown", function (event) {
        var target = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") { target = tabs[(index + 1) % tabs.length]; }
        else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { target = tabs[(index - 1 + tabs.length) % tabs.length]; }
        else if (event.key === "Home") { target = tabs[0]; }
        else if (event.key === "End") { target = tabs[tabs.length - 1]; }
        else if (event.key === " ") { target = tab; }
        if (target) {
          event.preventDefault();
          select(target, true);
        }
      });
    });
  }

  /* Only the tab the page was asked for is rendered by the server; the others are read when they
   * are opened (their panel's data-src answers that panel's HTML). Its link stays as the fallback. */
  function loadPanel(panel) {
    var source = panel.getAttribute("data-src");
    if (!source || !window.fetch) { return; }
    panel.removeAttribute("data-src");
    panel.setAttribute("aria-busy", "true");
    window.fetch(source, {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var heading = panel.querySelector("h2");
        panel.innerHTML = html;
        if (heading) { panel.insertBefore(heading, panel.firstChild); }
        Array.prototype.forEach.call(panel.querySelectorAll("[data-ac-control]"), setUpControl);
      })
      .catch(function () { panel.setAttribute("data-src", source); })
      .then(function () { panel.removeAttribute("aria-busy"); });
  }

  /* ---- Certificate control ------------------------------------------------------------- */

  var FIRST_DELAY_MS = 800;
  var MAX_DELAY_MS = 10000;
  var GIVE_UP_AFTER_MS = 5 * 60 * 1000;

  function csrfToken(control) {
    var input = control.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) { return input.value; }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function element(tag, attributes, content) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (content) { node.textContent = content; }
    return node;
  }

  function statusNode(control) { return control.querySelector("[data-ac-status]"); }

  function showStatus(control, message, kind, busy) {
    var node = statusNode(control);
    node.className = "ac-control-status" + (kind ? " ac-control-status--" + kind : "");
    node.textContent = "";
    if (busy) { node.appendChild(element("span", {"class": "ac-spinner", "aria-hidden": "true"})); }
    node.appendChild(document.createTextNode(message || ""));
  }

  function clearActions(control) {
    Array.prototype.forEach.call(control.querySelectorAll("form, .ac-control-actions, .ac-control-error, noscript"),
      function (node) { node.parentNode.removeChild(node); });
  }

  function focusWasInside(control) { return control.contains(document.activeElement); }

  function title(control) { return control.getAttribute("data-training-title") || ""; }

  function showGenerating(control) {
    var hadFocus = focusWasInside(control);
    control.setAttribute("data-state", "generating");
    clearActions(control);
    showStatus(control, text.generating, "", true);
    if (hadFocus) { statusNode(control).focus(); }
    announce(title(control) + ": " + text.generating);
  }

  // Show the state the API returned, keeping the no-JS form so "Try again" keeps working.
  function render(control, data, form) {
    var state = data.certificate.state;
    var messages = data.messages || {};
    var hadFocus = focusWasInside(control);
    control.setAttribute("data-state", state);
    clearActions(control);
    if (state === "generated") {
      showStatus(control, messages.status, "success", false);
      var actions = element("div", {"class": "ac-control-actions"});
      var open = element("a", {"class": "btn btn-primary", "href": data.certificate.open_url, "data-ac-open": ""},
        messages.action);
      var download = element("a", {"class": "btn btn-link", "href": data.certificate.download_url}, text.download);
      download.appendChild(element("span", {"class": "visually-hidden"}, " " + title(control)));
      actions.appendChild(open);
      actions.appendChild(download);
      control.appendChild(actions);
      if (hadFocus) { open.focus(); }
      // copy-link.js adds the verification, copy and LinkedIn links of the row.
      control.dispatchEvent(new CustomEvent("ac:generated", { bubbles: true }));
    } else if (state === "generating") {
      showStatus(control, messages.status, "", true);
    } else {
      showStatus(control, messages.status, state === "failed" ? "error" : "", false);
      if (state === "failed" && data.certificate.error) {
        var details = element("details", {"class": "ac-control-error"});
        details.appendChild(element("summary", {}, text.what_happened || ""));
        details.appendChild(element("p", {}, data.certificate.error));
        control.appendChild(details);
      }
      if (data.can_generate && form) {
        form.querySelector("button").textContent = messages.action;
        form.hidden = false;
        control.appendChild(form);
        if (hadFocus) { form.querySelector("button").focus(); }
      }
    }
    announce(title(control) + ": " + (messages.status || messages.action || ""));
  }

  function showRequestError(control, form, detail) {
    control.setAttribute("data-state", "error");
    clearActions(control);
    showStatus(control, detail || text.request_failed, "error", false);
    if (form) {
      form.hidden = false;
      control.appendChild(form);
      form.querySelector("button").disabled = false;
    }
    announce(title(control) + ": " + (detail || text.request_failed));
  }

  function callApi(control, method) {
    return window.fetch(control.getAttribute("data-api-url"), {
      method: method,
      credentials: "same-origin",
      headers: {"Accept": "application/json", "X-CSRFToken": csrfToken(control)}
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var error = new Error(body.detail || "");
          error.detail = body.detail;
          throw error;
        }
        return body;
      });
    });
  }

  function poll(control, form, startedAt, delay) {
    window.setTimeout(function () {
      callApi(control, "GET").then(function (data) {
        if (data.certificate.state === "generating") {
          if (Date.now() - startedAt > GIVE_UP_AFTER_MS) {
            showStatus(control, text.still_generating, "", false);
            announce(title(control) + ": " + text.still_generating);
            return;
          }
          poll(control, form, startedAt, Math.min(delay * 1.6, MAX_DELAY_MS));
        } else {
          render(control, data, form);
        }
      }).catch(function () {
        // A network blip: keep trying, more slowly, until the time is up.
        if (Date.now() - startedAt > GIVE_UP_AFTER_MS) { showRequestError(control, form, text.request_failed); return; }
        poll(control, form, startedAt, Math.min(delay * 2, MAX_DELAY_MS));
      });
    }, delay);
  }

  function setUpControl(control) {
    var form = control.querySelector("form[data-ac-generate]");
    if (form) {
      form.addEventListener("submit", function (event) {
        if (!window.fetch) { return; }  // very old browser: the plain form still works
        event.preventDefault();
        form.querySelector("button").disabled = true;
        showGenerating(control);
        callApi(control, "POST").then(function (data) {
          form.querySelector("button").disabled = false;
          if (data.certificate.state === "generating") {
            poll(control, form, Date.now(), FIRST_DELAY_MS);
          } else {
            render(control, data, form);
          }
        }).catch(function (error) {
          showRequestError(control, form, error && error.detail);
        });
      });
    }
    if (control.getAttribute("data-state") === "generating") {
      poll(control, form, Date.now(), FIRST_DELAY_MS);
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ac-tabs]"), setUpTabs);
    Array.prototype.forEach.call(document.querySelectorAll("[data-ac-control]"), setUpControl);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
