// src/CertificateCardAction.jsx
import React2, { useCallback, useEffect, useRef, useState } from "react";
import { useIntl as useIntl2 } from "@edx/frontend-platform/i18n";
import { Button, Spinner } from "@openedx/paragon";

// src/api.js
import { getConfig } from "@edx/frontend-platform";
import { getAuthenticatedHttpClient } from "@edx/frontend-platform/auth";
var API_PATH = "/api/author-certificates/v1";
function apiRoot(site) {
  const config = getConfig();
  const base = site === "studio" ? config.STUDIO_BASE_URL || config.LMS_BASE_URL : config.LMS_BASE_URL;
  return `${(base || "").replace(/\/$/, "")}${API_PATH}`;
}
var inPath = (key) => encodeURIComponent(key);
var recordUrl = (courseId) => `${apiRoot("lms")}/records/${inPath(courseId)}/certificate/`;
var trainingCertificateUrl = (courseId) => `${apiRoot("studio")}/trainings/${inPath(courseId)}/certificate/`;
async function getRecord(courseId) {
  const { data } = await getAuthenticatedHttpClient().get(recordUrl(courseId));
  return data;
}
async function requestCertificate(courseId) {
  const { data } = await getAuthenticatedHttpClient().post(recordUrl(courseId));
  return data;
}
async function getTrainingCertificate(courseId) {
  const { data } = await getAuthenticatedHttpClient().get(trainingCertificateUrl(courseId));
  return data;
}
async function assignCertificate(courseId, choice) {
  const { data } = await getAuthenticatedHttpClient().put(trainingCertificateUrl(courseId), choice);
  return data;
}
function describeError(error) {
  const response = error && error.response;
  if (!response) {
    return { status: 0, code: "network", detail: "" };
  }
  const body = response.data && typeof response.data === "object" ? response.data : {};
  return { status: response.status, code: body.code || "", detail: body.detail || "" };
}

// src/messages.js
import { defineMessages } from "@edx/frontend-platform/i18n";
var messages = defineMessages({
  generate: { id: "authorCertificates.generate", defaultMessage: "Generate certificate", description: "Button that asks for the certificate" },
  generating: { id: "authorCertificates.generating", defaultMessage: "The certificate is being generated", description: "Status while the PDF is made" },
  generated: { id: "authorCertificates.generated", defaultMessage: "The certificate has been generated", description: "Status once the PDF exists" },
  open: { id: "authorCertificates.open", defaultMessage: "Open certificate", description: "Link to the PDF" },
  failed: { id: "authorCertificates.failed", defaultMessage: "The certificate could not be generated", description: "Status after a failed generation" },
  tryAgain: { id: "authorCertificates.tryAgain", defaultMessage: "Try again", description: "Retry button" },
  invalidated: { id: "authorCertificates.invalidated", defaultMessage: "The certificate has been invalidated", description: "Status of a certificate invalidated by staff: nothing to do" },
  loading: { id: "authorCertificates.loading", defaultMessage: "Loading\u2026", description: "While the widget asks the server" },
  // Errors, never a blank widget.
  networkDown: { id: "authorCertificates.error.network", defaultMessage: "The server could not be reached. Check your connection and try again.", description: "No answer from the server" },
  signedOut: { id: "authorCertificates.error.401", defaultMessage: "Your session has ended. Sign in again to continue.", description: "401" },
  forbidden: { id: "authorCertificates.error.403", defaultMessage: "You are not allowed to do this.", description: "403" },
  notCompleted: { id: "authorCertificates.error.notCompleted", defaultMessage: "Complete this training to get its certificate", description: "403 not_completed" },
  notFound: { id: "authorCertificates.error.404", defaultMessage: "This course is not known to the certificate service.", description: "404" },
  nothingAssigned: { id: "authorCertificates.error.nothingAssigned", defaultMessage: "No certificate is available for this training", description: "409 nothing_assigned" },
  conflict: { id: "authorCertificates.error.409", defaultMessage: "Someone changed this at the same time. Reload and try again.", description: "409 other" },
  refused: { id: "authorCertificates.error.400", defaultMessage: "The server refused the request: {detail}", description: "400 with the server explanation" },
  unexpected: { id: "authorCertificates.error.other", defaultMessage: "Something went wrong (error {status}). Try again later.", description: "Any other status" },
  // The selector.
  certificate: { id: "authorCertificates.selector.heading", defaultMessage: "Certificate", description: "Heading of the selector" },
  noneAssigned: { id: "authorCertificates.selector.none", defaultMessage: "No certificate is assigned to this training.", description: "Nothing assigned yet" },
  classicAssigned: { id: "authorCertificates.selector.classicAssigned", defaultMessage: "Classic certificate: {name}", description: "Current classic certificate" },
  authorAssigned: { id: "authorCertificates.selector.authorAssigned", defaultMessage: "{title}, version {number}", description: "Current author certificate and version" },
  select: { id: "authorCertificates.selector.select", defaultMessage: "Select certificate", description: "Opens the choices" },
  close: { id: "authorCertificates.selector.close", defaultMessage: "Close", description: "Closes the choices" },
  back: { id: "authorCertificates.selector.back", defaultMessage: "Back", description: "Back to the kinds of certificate" },
  classicList: { id: "authorCertificates.selector.classic", defaultMessage: "Classic certificates", description: "List of classic certificates" },
  authorList: { id: "authorCertificates.selector.author", defaultMessage: "Author certificates", description: "List of author certificates" },
  readOnly: { id: "authorCertificates.selector.readOnly", defaultMessage: "You can see the certificates of this training but not change them.", description: "Inspectors" },
  createdBy: { id: "authorCertificates.selector.createdBy", defaultMessage: "Created by {name}", description: "Creator of an author certificate" },
  selectedVersion: { id: "authorCertificates.selector.selectedVersion", defaultMessage: "Selected version: {number}", description: "Version assigned to this training" },
  notSelected: { id: "authorCertificates.selector.notSelected", defaultMessage: "Not selected for this training", description: "Certificate not assigned here" },
  version: { id: "authorCertificates.selector.version", defaultMessage: "Version", description: "Label of the version selector" },
  versionLabel: { id: "authorCertificates.selector.versionLabel", defaultMessage: "Version {number} \xB7 {date} \xB7 {editor}", description: "Number, edit date and editor of a version (R6)" },
  previewVersion: { id: "authorCertificates.selector.previewVersion", defaultMessage: "Preview version {number} (PDF)", description: "Opens a PDF preview of that version with sample data, in a new tab" },
  previewClassic: { id: "authorCertificates.selector.previewClassic", defaultMessage: "Preview {name} (PDF)", description: "Opens a PDF preview of that classic certificate with sample data, in a new tab" },
  seeCertificates: { id: "authorCertificates.selector.seeCertificates", defaultMessage: "See the certificates", description: "Opens the lists read-only (inspectors)" },
  assign: { id: "authorCertificates.selector.assign", defaultMessage: "Select", description: "Assigns this certificate" },
  selected: { id: "authorCertificates.selector.selected", defaultMessage: "Selected", description: "The certificate in force" },
  updated: { id: "authorCertificates.selector.updated", defaultMessage: "The certificate of this training has been updated.", description: "After assigning" },
  madeForSite: { id: "authorCertificates.selector.madeForSite", defaultMessage: "made for this site", description: "A tenant-only classic certificate" }
});
var messages_default = messages;

// src/errors.js
function errorText(intl, error) {
  const { status, code, detail } = describeError(error);
  if (status === 0) {
    return intl.formatMessage(messages_default.networkDown);
  }
  if (status === 401) {
    return intl.formatMessage(messages_default.signedOut);
  }
  if (status === 403) {
    return intl.formatMessage(code === "not_completed" ? messages_default.notCompleted : messages_default.forbidden);
  }
  if (status === 404) {
    return intl.formatMessage(messages_default.notFound);
  }
  if (status === 409) {
    return intl.formatMessage(code === "nothing_assigned" ? messages_default.nothingAssigned : messages_default.conflict);
  }
  if (status === 400) {
    return intl.formatMessage(messages_default.refused, { detail });
  }
  return intl.formatMessage(messages_default.unexpected, { status });
}

// src/i18n/index.js
import React from "react";
import { IntlProvider, useIntl } from "@edx/frontend-platform/i18n";

// src/i18n/messages/es.json
var es_default = {
  "authorCertificates.generate": "Generar certificado",
  "authorCertificates.generating": "El certificado se est\xE1 generando",
  "authorCertificates.generated": "El certificado se ha generado",
  "authorCertificates.open": "Abrir certificado",
  "authorCertificates.failed": "No se ha podido generar el certificado",
  "authorCertificates.tryAgain": "Volver a intentarlo",
  "authorCertificates.invalidated": "El certificado se ha invalidado",
  "authorCertificates.loading": "Cargando\u2026",
  "authorCertificates.error.network": "No se ha podido contactar con el servidor. Comprueba tu conexi\xF3n y vuelve a intentarlo.",
  "authorCertificates.error.401": "Tu sesi\xF3n ha terminado. Vuelve a iniciar sesi\xF3n para continuar.",
  "authorCertificates.error.403": "No tienes permiso para hacer esto.",
  "authorCertificates.error.notCompleted": "Completa esta formaci\xF3n para obtener su certificado",
  "authorCertificates.error.404": "El servicio de certificados no conoce este curso.",
  "authorCertificates.error.nothingAssigned": "Esta formaci\xF3n no tiene certificado",
  "authorCertificates.error.409": "Alguien lo ha cambiado al mismo tiempo. Vuelve a cargar e int\xE9ntalo de nuevo.",
  "authorCertificates.error.400": "El servidor ha rechazado la petici\xF3n: {detail}",
  "authorCertificates.error.other": "Algo ha fallado (error {status}). Vuelve a intentarlo m\xE1s tarde.",
  "authorCertificates.selector.heading": "Certificado",
  "authorCertificates.selector.none": "Esta formaci\xF3n no tiene ning\xFAn certificado asignado.",
  "authorCertificates.selector.classicAssigned": "Certificado cl\xE1sico: {name}",
  "authorCertificates.selector.authorAssigned": "{title}, versi\xF3n {number}",
  "authorCertificates.selector.select": "Seleccionar certificado",
  "authorCertificates.selector.close": "Cerrar",
  "authorCertificates.selector.back": "Volver",
  "authorCertificates.selector.classic": "Certificados cl\xE1sicos",
  "authorCertificates.selector.author": "Certificados de autor",
  "authorCertificates.selector.readOnly": "Puedes ver los certificados de esta formaci\xF3n, pero no cambiarlos.",
  "authorCertificates.selector.createdBy": "Creado por {name}",
  "authorCertificates.selector.selectedVersion": "Versi\xF3n seleccionada: {number}",
  "authorCertificates.selector.notSelected": "No seleccionado para esta formaci\xF3n",
  "authorCertificates.selector.version": "Versi\xF3n",
  "authorCertificates.selector.versionLabel": "Versi\xF3n {number} \xB7 {date} \xB7 {editor}",
  "authorCertificates.selector.assign": "Seleccionar",
  "authorCertificates.selector.selected": "Seleccionado",
  "authorCertificates.selector.updated": "Se ha actualizado el certificado de esta formaci\xF3n.",
  "authorCertificates.selector.madeForSite": "creado para este sitio",
  "authorCertificates.selector.previewVersion": "Vista previa de la versi\xF3n {number} (PDF)",
  "authorCertificates.selector.previewClassic": "Vista previa de {name} (PDF)",
  "authorCertificates.selector.seeCertificates": "Ver los certificados"
};

// src/i18n/index.js
import { jsx } from "react/jsx-runtime";
var CATALOGUES = { es: es_default };
function messagesFor(locale) {
  const tag = (locale || "en").toLowerCase();
  return CATALOGUES[tag] || CATALOGUES[tag.split(/[-_]/)[0]] || {};
}
function WithOwnMessages({ children }) {
  const { locale, messages: messages2 } = useIntl();
  return /* @__PURE__ */ jsx(IntlProvider, { locale, defaultLocale: "en", messages: { ...messages2, ...messagesFor(locale) }, children });
}
var withOwnMessages = (Component) => {
  const Wrapped = (props) => /* @__PURE__ */ jsx(WithOwnMessages, { children: /* @__PURE__ */ jsx(Component, { ...props }) });
  Wrapped.displayName = `withOwnMessages(${Component.displayName || Component.name})`;
  return Wrapped;
};

// src/CertificateCardAction.jsx
import { jsx as jsx2, jsxs } from "react/jsx-runtime";
var POLL_FIRST_MS = 800;
var POLL_FACTOR = 1.6;
var POLL_MAX_MS = 1e4;
var SILENT_STATES = ["not_completed", "unavailable"];
function CertificateCardAction({ courseId }) {
  const intl = useIntl2();
  const [record, setRecord] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);
  const timer = useRef(null);
  const mounted = useRef(true);
  const stopPolling = () => {
    clearTimeout(timer.current);
    timer.current = null;
  };
  const poll = useCallback((delay) => {
    stopPolling();
    timer.current = setTimeout(async () => {
      try {
        const next = await getRecord(courseId);
        if (!mounted.current) {
          return;
        }
        setRecord(next);
        setError(null);
        if (next.certificate.state === "generating") {
          poll(Math.min(delay * POLL_FACTOR, POLL_MAX_MS));
        }
      } catch (failure) {
        if (!mounted.current) {
          return;
        }
        setError(failure);
        poll(Math.min(delay * POLL_FACTOR, POLL_MAX_MS));
      }
    }, delay);
  }, [courseId]);
  const show = useCallback((answer) => {
    setRecord(answer);
    if (answer.certificate.state === "generating") {
      poll(POLL_FIRST_MS);
    }
  }, [poll]);
  const load = useCallback(async () => {
    setError(null);
    try {
      const loaded = await getRecord(courseId);
      if (mounted.current) {
        show(loaded);
      }
    } catch (failure) {
      if (!mounted.current) {
        return;
      }
      if (describeError(failure).status === 404) {
        setHidden(true);
        return;
      }
      setError(failure);
    }
  }, [courseId, show]);
  useEffect(() => {
    mounted.current = true;
    load();
    return () => {
      mounted.current = false;
      stopPolling();
    };
  }, [load]);
  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await requestCertificate(courseId);
      if (mounted.current) {
        show(answer);
      }
    } catch (failure) {
      if (mounted.current) {
        setError(failure);
      }
    } finally {
      if (mounted.current) {
        setBusy(false);
      }
    }
  };
  if (hidden || record && !error && SILENT_STATES.includes(record.certificate.state)) {
    return null;
  }
  const state = busy && !error ? "generating" : record ? record.certificate.state : "loading";
  const button = (message, onClick, variant = "primary") => /* @__PURE__ */ jsx2(Button, { variant, size: "sm", onClick, disabled: busy, children: intl.formatMessage(message) });
  let status = "";
  let action = null;
  if (error) {
    status = errorText(intl, error);
    action = button(messages_default.tryAgain, record && record.can_generate ? generate : load, "outline-primary");
  } else if (state === "loading") {
    status = intl.formatMessage(messages_default.loading);
  } else if (state === "available") {
    action = button(messages_default.generate, generate);
  } else if (state === "generating") {
    status = intl.formatMessage(messages_default.generating);
  } else if (state === "generated") {
    status = intl.formatMessage(messages_default.generated);
    action = /* @__PURE__ */ jsx2(Button, { as: "a", variant: "primary", size: "sm", href: record.certificate.open_url, target: "_blank", rel: "noopener", children: intl.formatMessage(messages_default.open) });
  } else if (state === "failed") {
    const reason = record && record.certificate.error;
    status = reason ? `${intl.formatMessage(messages_default.failed)}. ${reason}` : intl.formatMessage(messages_default.failed);
    action = button(messages_default.tryAgain, generate, "outline-primary");
  } else if (state === "invalidated") {
    status = intl.formatMessage(messages_default.invalidated);
  }
  return /* @__PURE__ */ jsxs("div", { className: "author-certificates-card-action d-flex align-items-center flex-wrap", "data-state": error ? "error" : state, children: [
    state === "generating" && !error && /* @__PURE__ */ jsx2(Spinner, { animation: "border", size: "sm", className: "mr-2", screenReaderText: "" }),
    /* @__PURE__ */ jsx2("span", { role: "status", "aria-live": "polite", className: error ? "text-danger mr-2" : "mr-2", children: status }),
    action
  ] });
}
var CertificateCardAction_default = withOwnMessages(CertificateCardAction);

// src/CertificateSelector.jsx
import React3, { useCallback as useCallback2, useEffect as useEffect2, useRef as useRef2, useState as useState2 } from "react";
import { useIntl as useIntl3 } from "@edx/frontend-platform/i18n";
import { Alert, Button as Button2, Form, Hyperlink } from "@openedx/paragon";
import { Fragment, jsx as jsx3, jsxs as jsxs2 } from "react/jsx-runtime";
var personName = (person) => person ? person.name || person.username : "-";
function CurrentCertificate({ current }) {
  const intl = useIntl3();
  if (!current) {
    return intl.formatMessage(messages_default.noneAssigned);
  }
  if (current.kind === "classic") {
    return intl.formatMessage(messages_default.classicAssigned, { name: current.classic.name });
  }
  return intl.formatMessage(messages_default.authorAssigned, { title: current.certificate.title, number: current.version.number });
}
function versionLabel(intl, version) {
  return intl.formatMessage(messages_default.versionLabel, {
    number: version.number,
    date: intl.formatDate(version.created_at, { year: "numeric", month: "long", day: "numeric" }),
    editor: personName(version.created_by)
  });
}
function ClassicList({ body, onAssign, busy }) {
  const intl = useIntl3();
  const current = body.current && body.current.kind === "classic" ? body.current.classic.uuid : null;
  return /* @__PURE__ */ jsx3("ul", { className: "list-unstyled author-certificates-classic-list", children: body.classic.map((classic) => /* @__PURE__ */ jsxs2("li", { className: "d-flex align-items-center justify-content-between py-1 border-bottom", children: [
    /* @__PURE__ */ jsxs2("span", { children: [
      classic.name,
      " ",
      /* @__PURE__ */ jsxs2("span", { lang: classic.language, className: "text-muted small", children: [
        "(",
        classic.language,
        ")"
      ] }),
      classic.tenant_only && /* @__PURE__ */ jsxs2("span", { className: "text-muted small", children: [
        " \xB7 ",
        intl.formatMessage(messages_default.madeForSite)
      ] })
    ] }),
    /* @__PURE__ */ jsxs2("span", { className: "d-flex align-items-center", children: [
      classic.preview_url && /* @__PURE__ */ jsx3(Hyperlink, { destination: classic.preview_url, target: "_blank", className: "mr-2 small", children: intl.formatMessage(messages_default.previewClassic, { name: classic.name }) }),
      current === classic.uuid ? /* @__PURE__ */ jsx3("strong", { children: intl.formatMessage(messages_default.selected) }) : onAssign && /* @__PURE__ */ jsxs2(Button2, { size: "sm", variant: "outline-primary", disabled: busy, onClick: () => onAssign({ classic: classic.uuid }), children: [
        intl.formatMessage(messages_default.assign),
        /* @__PURE__ */ jsxs2("span", { className: "sr-only", children: [
          " ",
          classic.name
        ] })
      ] })
    ] })
  ] }, classic.uuid)) });
}
function AuthorCertificate({ certificate, onAssign, busy }) {
  const intl = useIntl3();
  const versions = [...certificate.versions || []].sort((a, b) => b.number - a.number);
  const selectedUuid = certificate.selected_version ? certificate.selected_version.uuid : null;
  const [chosen, setChosen] = useState2(selectedUuid || versions[0] && versions[0].uuid || "");
  const chosenVersion = versions.find((version) => version.uuid === chosen);
  const fieldId = `author-certificates-version-${certificate.uuid}`;
  return /* @__PURE__ */ jsxs2("li", { className: "py-2 border-bottom author-certificates-author", "data-uuid": certificate.uuid, children: [
    /* @__PURE__ */ jsx3("h4", { className: "h5 mb-1", children: certificate.title }),
    /* @__PURE__ */ jsx3("p", { className: "text-muted small mb-1", children: intl.formatMessage(messages_default.createdBy, { name: personName(certificate.creator) }) }),
    /* @__PURE__ */ jsx3("p", { className: "small mb-2", children: certificate.selected_version ? intl.formatMessage(messages_default.selectedVersion, { number: certificate.selected_version.number }) : intl.formatMessage(messages_default.notSelected) }),
    /* @__PURE__ */ jsxs2(Form.Group, { controlId: fieldId, className: "mb-2", children: [
      /* @__PURE__ */ jsx3(Form.Label, { children: intl.formatMessage(messages_default.version) }),
      /* @__PURE__ */ jsx3(Form.Control, { as: "select", value: chosen, onChange: (event) => setChosen(event.target.value), children: versions.map((version) => /* @__PURE__ */ jsx3("option", { value: version.uuid, children: versionLabel(intl, version) }, version.uuid)) })
    ] }),
    /* @__PURE__ */ jsxs2("div", { className: "d-flex align-items-center", children: [
      chosenVersion && chosenVersion.preview_url && /* @__PURE__ */ jsx3(Hyperlink, { destination: chosenVersion.preview_url, target: "_blank", className: "mr-3 small", children: intl.formatMessage(messages_default.previewVersion, { number: chosenVersion.number }) }),
      onAssign && (chosen === selectedUuid ? /* @__PURE__ */ jsx3("strong", { children: intl.formatMessage(messages_default.selected) }) : /* @__PURE__ */ jsxs2(Button2, { size: "sm", variant: "outline-primary", disabled: busy || !chosen, onClick: () => onAssign({ version: chosen }), children: [
        intl.formatMessage(messages_default.assign),
        /* @__PURE__ */ jsxs2("span", { className: "sr-only", children: [
          " ",
          certificate.title
        ] })
      ] }))
    ] })
  ] });
}
function CertificateSelector({ courseId }) {
  const intl = useIntl3();
  const [body, setBody] = useState2(null);
  const [error, setError] = useState2(null);
  const [notice, setNotice] = useState2("");
  const [panel, setPanel] = useState2("");
  const [busy, setBusy] = useState2(false);
  const mounted = useRef2(true);
  const panelHeading = useRef2(null);
  useEffect2(() => {
    if (panel && panelHeading.current) {
      panelHeading.current.focus();
    }
  }, [panel]);
  const load = useCallback2(async () => {
    setError(null);
    try {
      const loaded = await getTrainingCertificate(courseId);
      if (mounted.current) {
        setBody(loaded);
      }
    } catch (failure) {
      if (mounted.current) {
        setError(failure);
      }
    }
  }, [courseId]);
  useEffect2(() => {
    mounted.current = true;
    load();
    return () => {
      mounted.current = false;
    };
  }, [load]);
  const assign = async (choice) => {
    setBusy(true);
    setError(null);
    setNotice("");
    try {
      const updated = await assignCertificate(courseId, choice);
      if (!mounted.current) {
        return;
      }
      setBody(updated);
      setNotice(intl.formatMessage(messages_default.updated));
      setPanel("");
    } catch (failure) {
      if (mounted.current) {
        setError(failure);
      }
    } finally {
      if (mounted.current) {
        setBusy(false);
      }
    }
  };
  const headingId = `author-certificates-selector-${courseId}`;
  const firstPanel = body && body.offers_author_certificates ? "choose" : "classic";
  return /* @__PURE__ */ jsxs2("section", { className: "author-certificates-selector border rounded p-3 mb-3", "aria-labelledby": headingId, children: [
    /* @__PURE__ */ jsx3("h3", { id: headingId, className: "h4", children: intl.formatMessage(messages_default.certificate) }),
    /* @__PURE__ */ jsx3("div", { role: "status", "aria-live": "polite", children: notice && /* @__PURE__ */ jsx3(Alert, { variant: "success", className: "py-2", children: notice }) }),
    error && /* @__PURE__ */ jsx3(Alert, { variant: "danger", className: "py-2", actions: body ? [] : [
      /* @__PURE__ */ jsx3(Button2, { size: "sm", variant: "outline-primary", onClick: load, children: intl.formatMessage(messages_default.tryAgain) }, "retry")
    ], children: errorText(intl, error) }),
    !body && !error && /* @__PURE__ */ jsx3("p", { children: intl.formatMessage(messages_default.loading) }),
    body && /* @__PURE__ */ jsxs2(Fragment, { children: [
      /* @__PURE__ */ jsx3("p", { className: "author-certificates-current", children: /* @__PURE__ */ jsx3(CurrentCertificate, { current: body.current }) }),
      !body.can_assign && /* @__PURE__ */ jsx3("p", { className: "text-muted small", children: intl.formatMessage(messages_default.readOnly) }),
      !panel && /* @__PURE__ */ jsx3(Button2, { variant: body.can_assign ? "primary" : "outline-primary", size: "sm", onClick: () => setPanel(firstPanel), children: intl.formatMessage(body.can_assign ? messages_default.select : messages_default.seeCertificates) }),
      panel && /* @__PURE__ */ jsxs2("div", { className: "author-certificates-panel mt-2", children: [
        /* @__PURE__ */ jsxs2("div", { className: "d-flex justify-content-between align-items-center mb-2", children: [
          /* @__PURE__ */ jsx3("h4", { className: "h5 m-0", tabIndex: -1, ref: panelHeading, children: intl.formatMessage(panel === "author" ? messages_default.authorList : panel === "classic" ? messages_default.classicList : body.can_assign ? messages_default.select : messages_default.seeCertificates) }),
          /* @__PURE__ */ jsxs2("span", { children: [
            panel !== "choose" && firstPanel === "choose" && /* @__PURE__ */ jsx3(Button2, { variant: "link", size: "sm", onClick: () => setPanel("choose"), children: intl.formatMessage(messages_default.back) }),
            /* @__PURE__ */ jsx3(Button2, { variant: "outline-primary", size: "sm", onClick: () => setPanel(""), children: intl.formatMessage(messages_default.close) })
          ] })
        ] }),
        panel === "choose" && /* @__PURE__ */ jsxs2("div", { className: "d-flex flex-column", children: [
          /* @__PURE__ */ jsx3(Button2, { variant: "outline-primary", className: "mb-2", onClick: () => setPanel("classic"), children: intl.formatMessage(messages_default.classicList) }),
          /* @__PURE__ */ jsx3(Button2, { variant: "outline-primary", onClick: () => setPanel("author"), children: intl.formatMessage(messages_default.authorList) })
        ] }),
        panel === "classic" && /* @__PURE__ */ jsx3(ClassicList, { body, onAssign: body.can_assign ? assign : null, busy }),
        panel === "author" && /* @__PURE__ */ jsx3("ul", { className: "list-unstyled", children: body.author.map((certificate) => /* @__PURE__ */ jsx3(
          AuthorCertificate,
          {
            certificate,
            busy,
            onAssign: body.can_assign ? assign : null
          },
          certificate.uuid
        )) })
      ] })
    ] })
  ] });
}
var CertificateSelector_default = withOwnMessages(CertificateSelector);

// src/slots.jsx
import React4, { useEffect as useEffect3, useState as useState3 } from "react";
import { getConfig as getConfig2 } from "@edx/frontend-platform";
import { getAuthenticatedHttpClient as getAuthenticatedHttpClient2 } from "@edx/frontend-platform/auth";
import { jsx as jsx4 } from "react/jsx-runtime";
function courseKeyHookFrom(dashboardHooks) {
  if (dashboardHooks && typeof dashboardHooks.useCourseData === "function") {
    return (cardId) => {
      const course = dashboardHooks.useCourseData(cardId);
      return course && course.courseRun && course.courseRun.courseId || null;
    };
  }
  const redux = dashboardHooks && dashboardHooks.reduxHooks;
  if (redux && typeof redux.useCardCourseRunData === "function") {
    return (cardId) => {
      const courseRun = redux.useCardCourseRunData(cardId);
      return courseRun && courseRun.courseId || null;
    };
  }
  return null;
}
var learnerHomeCourses = null;
function useLearnerHomeCourseKey(cardId) {
  const [courseKey, setCourseKey] = useState3(null);
  useEffect3(() => {
    let live = true;
    if (!learnerHomeCourses) {
      const url = `${getConfig2().LMS_BASE_URL}/api/learner_home/init`;
      learnerHomeCourses = getAuthenticatedHttpClient2().get(url).then(({ data }) => data.courses || []);
      learnerHomeCourses.catch(() => {
        learnerHomeCourses = null;
      });
    }
    learnerHomeCourses.then((courses) => {
      const index = Number(String(cardId).replace(/^card-/, ""));
      const course = courses[index];
      if (live) {
        setCourseKey(course && course.courseRun && course.courseRun.courseId || null);
      }
    }, () => {
    });
    return () => {
      live = false;
    };
  }, [cardId]);
  return courseKey;
}
function LearnerDashboardCertificateAction({ cardId, useCourseKey = useLearnerHomeCourseKey }) {
  const courseKey = useCourseKey(cardId);
  return courseKey ? /* @__PURE__ */ jsx4(CertificateCardAction_default, { courseId: courseKey }) : null;
}
function learnerDashboardCertificateAction(dashboardHooks) {
  const useCourseKey = courseKeyHookFrom(dashboardHooks) || useLearnerHomeCourseKey;
  const Action = ({ cardId }) => /* @__PURE__ */ jsx4(LearnerDashboardCertificateAction, { cardId, useCourseKey });
  Action.displayName = "AuthorCertificatesCardAction";
  return Action;
}
function AuthoringSidebarCertificateSelector({ courseId }) {
  return courseId ? /* @__PURE__ */ jsx4(CertificateSelector_default, { courseId }) : null;
}
export {
  AuthoringSidebarCertificateSelector,
  CertificateCardAction_default as CertificateCardAction,
  CertificateSelector_default as CertificateSelector,
  LearnerDashboardCertificateAction,
  courseKeyHookFrom,
  learnerDashboardCertificateAction,
  messagesFor,
  useLearnerHomeCourseKey
};
