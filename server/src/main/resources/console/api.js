import { lang } from './i18n.js';
import { fbAuth, signOut } from './session.js';
import { state } from './state.js';

export class ApiError extends Error {
  constructor(problem) {
    super((problem.field ? problem.field + ': ' : '') + (problem.detail || problem.title));
    this.problem = problem;
  }
}

export async function api(method, path, body, contentType = 'application/json') {
  // The server words its error details in the console's language (German or English).
  const headers = { Accept: 'application/json', 'Accept-Language': lang() };
  // The SDK hands out its cached ID token and renews it shortly before it expires.
  if (state.session && state.session.firebase && fbAuth && fbAuth.currentUser) state.session.token = await fbAuth.currentUser.getIdToken();
  if (state.session) headers.Authorization = 'Bearer ' + state.session.token;
  if (body !== undefined) headers['Content-Type'] = contentType;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined
      : contentType === 'application/json' ? JSON.stringify(body) : body });
  if (res.status === 204) return null;
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    if (res.status === 401 && state.session) signOut();
    throw new ApiError(data || { title: 'HTTP ' + res.status });
  }
  return data;
}
