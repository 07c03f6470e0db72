/**
 * The harness page's @edx/frontend-platform: what the widgets import from it, with the demo
 * host's values. `getConfig` reads the page's data attributes; `getAuthenticatedHttpClient` is
 * axios sending the session cookie and, for writes, the CSRF token from the `csrftoken` cookie,
 * as frontend-platform's client sends the JWT cookie and its X-CSRFToken header in an MFE.
 */
import axios from 'axios';

const root = () => document.getElementById('harness');

export function getConfig() {
  const { lmsBaseUrl, studioBaseUrl } = root().dataset;
  return { LMS_BASE_URL: lmsBaseUrl, STUDIO_BASE_URL: studioBaseUrl };
}

let client = null;

export function getAuthenticatedHttpClient() {
  if (!client) {
    client = axios.create({ withCredentials: true, xsrfCookieName: 'csrftoken', xsrfHeaderName: 'X-CSRFToken' });
  }
  return client;
}
