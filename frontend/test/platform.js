/**
 * Stand-in for @edx/frontend-platform (root and /auth) in jest: a fixed configuration and an
 * axios-shaped HTTP client that answers from a table the test fills with `server.answer(...)`.
 * Errors look like axios's: a rejected promise with `response: {status, data}`, or no `response`
 * at all when the network is down.
 */
export const CONFIG = { LMS_BASE_URL: 'http://lms.test', STUDIO_BASE_URL: 'http://studio.test' };

export const getConfig = () => CONFIG;

const NETWORK_DOWN = Symbol('network down');

export const server = {
  routes: new Map(),
  calls: [],
  NETWORK_DOWN,
  reset() { this.routes.clear(); this.calls = []; },
  /** Queue answers for METHOD url: {status, data}, server.NETWORK_DOWN, or a function returning a
   * promise of either (an answer that arrives when the test says); the last one repeats. */
  answer(method, url, ...answers) {
    this.routes.set(`${method} ${url}`, answers);
  },
  callsTo(method, url) { return this.calls.filter((call) => call.method === method && call.url === url); },
};

function respond(method, url, body) {
  server.calls.push({ method, url, body });
  const queue = server.routes.get(`${method} ${url}`);
  if (!queue || queue.length === 0) {
    return Promise.reject(Object.assign(new Error(`No answer programmed for ${method} ${url}`), { response: { status: 599, data: {} } }));
  }
  const next = queue.length > 1 ? queue.shift() : queue[0];
  // An answer may be a function returning a promise of one: the test decides when it arrives.
  return Promise.resolve(typeof next === 'function' ? next() : next).then((answer) => {
    if (answer === NETWORK_DOWN) {
      throw new Error('Network Error');
    }
    if (answer.status >= 400) {
      throw Object.assign(new Error(`Request failed with status code ${answer.status}`), { response: answer });
    }
    return answer;
  });
}

const client = {
  get: (url) => respond('GET', url),
  post: (url, body) => respond('POST', url, body),
  put: (url, body) => respond('PUT', url, body),
};

export const getAuthenticatedHttpClient = () => client;
