/**
 * The author-certificates REST API (v1) as the widgets call it.
 *
 * Every call goes through frontend-platform's authenticated HTTP client (axios with the
 * platform's JWT cookie and CSRF token), against the LMS for the learner's control and
 * against Studio for the course team's selector: the same API is mounted on both.
 */
import { getConfig } from '@edx/frontend-platform';
import { getAuthenticatedHttpClient } from '@edx/frontend-platform/auth';

const API_PATH = '/api/author-certificates/v1';

function apiRoot(site) {
  const config = getConfig();
  const base = site === 'studio' ? (config.STUDIO_BASE_URL || config.LMS_BASE_URL) : config.LMS_BASE_URL;
  return `${(base || '').replace(/\/$/, '')}${API_PATH}`;
}

// Course keys keep ":" and "+"; encoding them is accepted too, and keeps any other character safe.
const inPath = (key) => encodeURIComponent(key);

export const recordUrl = (courseId) => `${apiRoot('lms')}/records/${inPath(courseId)}/certificate/`;
export const trainingCertificateUrl = (courseId) => `${apiRoot('studio')}/trainings/${inPath(courseId)}/certificate/`;

/** The learner's record of one course: state, open_url, can_generate (README "GET records/<key>/certificate/"). */
export async function getRecord(courseId) {
  const { data } = await getAuthenticatedHttpClient().get(recordUrl(courseId));
  return data;
}

/** Ask for the certificate (idempotent on the server): 202 started, 200 already asked for. */
export async function requestCertificate(courseId) {
  const { data } = await getAuthenticatedHttpClient().post(recordUrl(courseId));
  return data;
}

/** The course's current certificate and what "Select certificate" offers (staff). */
export async function getTrainingCertificate(courseId) {
  const { data } = await getAuthenticatedHttpClient().get(trainingCertificateUrl(courseId));
  return data;
}

/** Assign ``{classic: uuid}`` or ``{version: uuid}``; answers the same body as getTrainingCertificate. */
export async function assignCertificate(courseId, choice) {
  const { data } = await getAuthenticatedHttpClient().put(trainingCertificateUrl(courseId), choice);
  return data;
}

/**
 * What went wrong, in terms the widgets show: 'network' (no answer), or the HTTP status and
 * the API's error code ({"detail", "code"}, docs/decisions/0034).
 */
export function describeError(error) {
  const response = error && error.response;
  if (!response) {
    return { status: 0, code: 'network', detail: '' };
  }
  const body = response.data && typeof response.data === 'object' ? response.data : {};
  return { status: response.status, code: body.code || '', detail: body.detail || '' };
}
