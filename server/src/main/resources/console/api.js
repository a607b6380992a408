import { lang } from './i18n.js';
import { fbAuth, signOut } from './session.js';
import { state } from './state.js';

export class ApiError extends Error {
  constructor(problem) {
    super((problem.field ? problem.field + ': ' : '') + (problem.detail || problem.title));
    this.problem = problem;
  }
}

async function authorized(headers) {
  // The SDK hands out its cached ID token and renews it shortly before it expires.
  if (state.session && state.session.firebase && fbAuth && fbAuth.currentUser) state.session.token = await fbAuth.currentUser.getIdToken();
  if (state.session) headers.Authorization = 'Bearer ' + state.session.token;
  return headers;
}

export async function api(method, path, body, contentType = 'application/json') {
  // The server words its error details in the console's language (German or English).
  const headers = await authorized({ Accept: 'application/json', 'Accept-Language': lang() });
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

/**
 * Downloads a file the API makes (an export): fetched with the sign-in, since a plain link cannot
 * carry the bearer token, then saved under the name the server gives it.
 */
export async function download(path) {
  const res = await fetch(path, { headers: await authorized({ 'Accept-Language': lang() }) });
  if (!res.ok) {
    const text = await res.text();
    throw new ApiError(text ? JSON.parse(text) : { title: 'HTTP ' + res.status });
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || 'kundenpuls-export';
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}
