import { api } from './api.js';
import { h } from './dom.js';
import { t, applyI18n } from './i18n.js';
import { boot, openStream } from './router.js';
import { state } from './state.js';

// ---------- sign-in ----------
// Production: Firebase Authentication (e-mail and password) with the Firebase JS SDK; the role and
// store come from the account's custom claims. The embedded default adds the dev sign-in.
export let signInSettings = { devSignIn: false, firebase: null };
export let fbAuth = null;

export function loadScript(src) {
  return new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = src;
    el.onload = resolve;
    el.onerror = () => reject(new Error(t('signin.err.network')));
    document.head.append(el);
  });
}

export async function firebaseAuth() {
  if (fbAuth || !signInSettings.firebase) return fbAuth;
  await loadScript('vendor/firebase/firebase-app-compat.js');
  await loadScript('vendor/firebase/firebase-auth-compat.js');
  const f = signInSettings.firebase;
  firebase.initializeApp({ apiKey: f.apiKey, authDomain: f.authDomain, projectId: f.projectId });
  fbAuth = firebase.auth();
  if (f.authEmulator) fbAuth.useEmulator(f.authEmulator, { disableWarnings: true });
  // A back-office PC is shared: the sign-in lasts as long as the browser tab.
  await fbAuth.setPersistence(firebase.auth.Auth.Persistence.SESSION);
  // The SDK renews the hourly ID token; the live stream must reconnect with the new one.
  fbAuth.onIdTokenChanged(async user => {
    if (!user || !state.session || !state.session.firebase) return;
    const token = await user.getIdToken();
    if (token === state.session.token) return;
    state.session.token = token;
    sessionStorage.setItem('kp.session', JSON.stringify(state.session));
    if (state.stream && state.stream.close) { state.stream.close(); state.stream = null; openStream(); }
  });
  return fbAuth;
}

export async function sessionOf(user) {
  const result = await user.getIdTokenResult();
  const role = result.claims.role;
  if (!['marketer', 'admin', 'staff'].includes(role)) {
    await fbAuth.signOut();
    throw Object.assign(new Error(t('signin.err.role')), { field: null });
  }
  return { firebase: true, token: result.token, uid: user.uid, email: user.email, role, store: result.claims.store };
}

export const FIREBASE_ERRORS = {
  'auth/invalid-email': ['signin-email', 'signin.err.email'],
  'auth/missing-email': ['signin-email', 'signin.err.email'],
  'auth/user-not-found': ['signin-email', 'signin.err.unknown'],
  'auth/wrong-password': ['signin-password', 'signin.err.wrong'],
  'auth/missing-password': ['signin-password', 'signin.err.password'],
  'auth/too-many-requests': [null, 'signin.err.many'],
  'auth/network-request-failed': [null, 'signin.err.network'],
};

export function signInError(message, fieldId) {
  document.querySelectorAll('#signin [aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  const field = fieldId && document.getElementById(fieldId);
  const label = field ? field.closest('label').querySelector('span').textContent + ': ' : '';
  document.getElementById('signin-error').textContent = label + message;
  if (field) { field.setAttribute('aria-invalid', 'true'); field.focus(); }
}

export async function showSignIn() {
  document.getElementById('shell').hidden = true;
  document.getElementById('signin').hidden = false;
  applyI18n();
  document.getElementById('signin-firebase').hidden = !signInSettings.firebase;
  document.getElementById('signin-form').hidden = !signInSettings.devSignIn;
  document.getElementById('signin-dev-intro').hidden = !signInSettings.firebase;
  document.getElementById('signin-firebase').onsubmit = async ev => {
    ev.preventDefault();
    const email = document.getElementById('signin-email').value.trim();
    const password = document.getElementById('signin-password').value;
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return signInError(t('signin.err.email'), 'signin-email');
    if (!password) return signInError(t('signin.err.password'), 'signin-password');
    try {
      const auth = await firebaseAuth();
      const credential = await auth.signInWithEmailAndPassword(email, password);
      startSession(await sessionOf(credential.user));
    } catch (e) {
      const [field, key] = FIREBASE_ERRORS[e.code] || [e.field === undefined ? null : e.field, null];
      signInError(key ? t(key) : e.message, field);
    }
  };
  if (signInSettings.firebase) document.getElementById('signin-email').focus();
  if (!signInSettings.devSignIn) return;
  const stores = await api('GET', '/api/stores').catch(() => []);
  const select = document.getElementById('signin-store');
  select.replaceChildren(...stores.map(s => h('option', { value: s.id }, s.name)));
  const role = document.getElementById('signin-role');
  role.onchange = () => { document.getElementById('signin-store-label').hidden = role.value !== 'staff'; };
  document.getElementById('signin-form').onsubmit = async ev => {
    ev.preventDefault();
    try {
      const body = { role: role.value };
      if (role.value === 'staff') body.store = select.value;
      const issued = await api('POST', '/api/dev/tokens', body);
      startSession({ token: issued.token, uid: issued.uid, role: role.value, store: body.store });
    } catch (e) {
      signInError(e.message, null);
    }
  };
  document.getElementById('signin-token-submit').onclick = () => {
    const token = document.getElementById('signin-token').value.trim();
    try {
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      startSession({ token, uid: claims.sub, role: claims.role, store: claims.store });
    } catch (e) {
      signInError('ID token: ' + e.message, null);
    }
  };
}

export function startSession(s) {
  state.session = s;
  sessionStorage.setItem('kp.session', JSON.stringify(s));
  boot();
}

export function signOut() {
  sessionStorage.removeItem('kp.session');
  const wasFirebase = state.session && state.session.firebase;
  state.session = null;
  if (state.stream && state.stream.close) state.stream.close();
  state.stream = null;
  if (wasFirebase && fbAuth) fbAuth.signOut();
  location.hash = '';
  showSignIn();
}

/** Loads how to sign in; resumes a Firebase sign-in that is still valid in this tab. */
export async function init() {
  signInSettings = await api('GET', '/api/console/sign-in').catch(() => signInSettings);
  if (state.session && state.session.firebase) {
    const auth = await firebaseAuth();
    const user = auth && await new Promise(resolve => { const stop = auth.onAuthStateChanged(u => { stop(); resolve(u); }); });
    state.session = user ? await sessionOf(user).catch(() => null) : null;
    if (!state.session) sessionStorage.removeItem('kp.session');
  }
  return boot();
}
