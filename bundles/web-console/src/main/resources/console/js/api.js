// The REST API, called as the logged-in administrator with ?project=<slug> on project endpoints.
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

export const session = {
  get auth() { return sessionStorage.getItem('bb.auth'); },
  set auth(v) { v ? sessionStorage.setItem('bb.auth', v) : sessionStorage.removeItem('bb.auth'); },
  get project() { return localStorage.getItem('bb.project'); },
  set project(v) { localStorage.setItem('bb.project', v); },
};

export function basic(user, password) {
  return 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + password)));
}

export async function call(method, path, { body, type, project = true, raw = false, auth } = {}) {
  let url = '/api/v1/' + path;
  if (project && session.project) url += (url.includes('?') ? '&' : '?') + 'project=' + encodeURIComponent(session.project);
  const headers = { Authorization: auth || session.auth, Accept: 'application/json' };
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData) && typeof body !== 'string') {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  } else if (type) headers['Content-Type'] = type;
  const r = await fetch(url, { method, headers, body: payload });
  if (r.status === 401 && !auth) {
    session.auth = null;
    window.dispatchEvent(new Event('bb-logout'));
  }
  if (!r.ok) {
    let problem = null;
    try { problem = await r.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(r.status, problem);
  }
  if (raw) return r;
  return r.status === 204 ? null : r.json();
}

export const get = (path, o) => call('GET', path, o);
