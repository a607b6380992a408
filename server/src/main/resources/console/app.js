// Kundenpuls console: a small single-page app on the server's REST API, no build step.
import { t, lang, setLang, applyI18n } from './i18n.js';

const session = JSON.parse(sessionStorage.getItem('kp.session') || 'null');
const state = { session, stores: [], touchpoints: {}, categories: [], stream: null, charts: [], alerts: [] };

class ApiError extends Error {
  constructor(problem) {
    super((problem.field ? problem.field + ': ' : '') + (problem.detail || problem.title));
    this.problem = problem;
  }
}

async function api(method, path, body, contentType = 'application/json') {
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

function toast(message, kind = '') {
  const el = document.createElement('div');
  el.className = 'toast ' + kind;
  el.setAttribute('role', kind === 'bad' ? 'alert' : 'status');
  el.textContent = message;
  document.getElementById('toasts').append(el);
  setTimeout(() => el.remove(), kind === 'alert' ? 12000 : 6000);
}

function showError(e) { toast(t('error') + ' – ' + e.message, 'bad'); }

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(c));
  return el;
}

const fmt = (v, digits = 0) => v === null || v === undefined ? '–' : Number(v).toFixed(digits);
const storeName = id => (state.stores.find(s => s.id === id) || { name: id }).name;
const tpName = id => (state.touchpoints[id] || {})[lang()] || id;
const date = iso => iso ? new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'de-DE') : '–';

// ---------- sign-in ----------
// Production: Firebase Authentication (e-mail and password) with the Firebase JS SDK; the role and
// store come from the account's custom claims. The embedded default adds the dev sign-in.
let signInSettings = { devSignIn: false, firebase: null };
let fbAuth = null;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = src;
    el.onload = resolve;
    el.onerror = () => reject(new Error(t('signin.err.network')));
    document.head.append(el);
  });
}

async function firebaseAuth() {
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

async function sessionOf(user) {
  const result = await user.getIdTokenResult();
  const role = result.claims.role;
  if (!['marketer', 'admin', 'staff'].includes(role)) {
    await fbAuth.signOut();
    throw Object.assign(new Error(t('signin.err.role')), { field: null });
  }
  return { firebase: true, token: result.token, uid: user.uid, email: user.email, role, store: result.claims.store };
}

const FIREBASE_ERRORS = {
  'auth/invalid-email': ['signin-email', 'signin.err.email'],
  'auth/missing-email': ['signin-email', 'signin.err.email'],
  'auth/user-not-found': ['signin-email', 'signin.err.unknown'],
  'auth/wrong-password': ['signin-password', 'signin.err.wrong'],
  'auth/missing-password': ['signin-password', 'signin.err.password'],
  'auth/too-many-requests': [null, 'signin.err.many'],
  'auth/network-request-failed': [null, 'signin.err.network'],
};

function signInError(message, fieldId) {
  document.querySelectorAll('#signin [aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  const field = fieldId && document.getElementById(fieldId);
  const label = field ? field.closest('label').querySelector('span').textContent + ': ' : '';
  document.getElementById('signin-error').textContent = label + message;
  if (field) { field.setAttribute('aria-invalid', 'true'); field.focus(); }
}

async function showSignIn() {
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

function startSession(s) {
  state.session = s;
  sessionStorage.setItem('kp.session', JSON.stringify(s));
  boot();
}

function signOut() {
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
async function init() {
  signInSettings = await api('GET', '/api/console/sign-in').catch(() => signInSettings);
  if (state.session && state.session.firebase) {
    const auth = await firebaseAuth();
    const user = auth && await new Promise(resolve => { const stop = auth.onAuthStateChanged(u => { stop(); resolve(u); }); });
    state.session = user ? await sessionOf(user).catch(() => null) : null;
    if (!state.session) sessionStorage.removeItem('kp.session');
  }
  return boot();
}

// ---------- shell ----------
async function boot() {
  if (!state.session) return showSignIn();
  document.getElementById('signin').hidden = true;
  document.getElementById('shell').hidden = false;
  const who = document.getElementById('who');
  who.textContent = (state.session.email ? state.session.email + ' · ' : '') + t('role.' + state.session.role);
  document.getElementById('lang').textContent = lang() === 'de' ? 'EN' : 'DE';
  applyI18n();
  [state.stores, state.categories] = await Promise.all([api('GET', '/api/stores'), api('GET', '/api/categories?lang=' + lang())]);
  // Staff see their store by name, once the stores are known.
  if (state.session.store) who.textContent += ' · ' + storeName(state.session.store);
  const tps = await api('GET', '/api/stores/' + state.stores[0].id + '/touchpoints');
  state.touchpoints = Object.fromEntries(tps.map(tp => [tp.id, tp.names]));
  openStream();
  route();
}

async function openStream() {
  if (state.stream || state.session.role === 'shopper') return;
  // The token stays out of the URL: it buys a single-use ticket, and the stream opens with that.
  // When the token expires the server ends the stream ('expired'); a new one opens with a fresh
  // token. On a broken connection EventSource would retry the used ticket, so it is replaced too.
  state.stream = 'opening';
  let source;
  try {
    const { ticket } = await api('POST', '/api/analytics/stream-tickets');
    source = new EventSource('/api/analytics/stream?ticket=' + encodeURIComponent(ticket));
  } catch (e) {
    state.stream = null;
    setTimeout(openStream, 5000);
    return;
  }
  state.stream = source;
  const reopen = delay => {
    source.close();
    if (state.stream !== source) return;
    state.stream = null;
    if (state.session) setTimeout(openStream, delay);
  };
  source.addEventListener('expired', () => reopen(0));
  source.addEventListener('error', () => reopen(2000));
  source.addEventListener('alert', ev => {
    const a = JSON.parse(ev.data);
    state.alerts.unshift(a);
    toast('⚠ ' + storeName(a.storeId) + ' · ' + tpName(a.touchpoint) + ': ' + a.unhappy + ' ' + t('dash.of') + ' ' + a.answers
        + ' ' + t('dash.unhappy') + ' (' + a.windowMinutes + ' min)', 'alert');
    document.dispatchEvent(new CustomEvent('kp:alert', { detail: a }));
  });
  source.addEventListener('scores', ev => document.dispatchEvent(new CustomEvent('kp:scores', { detail: JSON.parse(ev.data) })));
}

const views = { dashboard, cases, kiosks, campaigns, offers, surveys, admin };
// The pages each role may use: the server refuses the rest anyway, so the console does not offer them.
const VIEWS_BY_ROLE = {
  staff: ['dashboard', 'cases', 'kiosks'],
  marketer: ['dashboard', 'campaigns', 'offers', 'surveys'],
  admin: ['dashboard', 'cases', 'kiosks', 'campaigns', 'offers', 'surveys', 'admin'],
};
function allowedViews() {
  return VIEWS_BY_ROLE[state.session && state.session.role] || ['dashboard'];
}

function route() {
  const allowed = allowedViews();
  document.querySelectorAll('.sidebar a[data-view]').forEach(a => { a.hidden = !allowed.includes(a.dataset.view); });
  const asked = (location.hash || '#dashboard').slice(1).split('/')[0];
  const name = allowed.includes(asked) ? asked : 'dashboard';
  const view = views[name] || dashboard;
  document.querySelectorAll('.sidebar a').forEach(a => a.classList.toggle('active', a.dataset.view === name));
  state.charts.forEach(c => c.destroy());
  state.charts = [];
  const main = document.getElementById('main');
  // Chosen from the navigation: focus goes to the new page, so that Tab continues there and a
  // screen reader announces it (instead of staying on the link).
  const fromNavigation = document.activeElement && document.activeElement.closest && document.activeElement.closest('.sidebar a');
  main.replaceChildren();
  document.body.dataset.view = name;
  if (fromNavigation) main.focus({ preventScroll: true });
  view(main).catch(e => { if (document.body.dataset.view === name) showError(e); });
}

// ---------- dashboard ----------
/**
 * Today as the stores count days: answers are dated in their store's time zone, so "today" is the
 * latest calendar date among the stores (not the UTC date, which lags in Europe between midnight and
 * one or two o'clock, and not only the browser's).
 */
function storeToday() {
  const dateIn = timeZone => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date());
  const zones = [...new Set(state.stores.map(s => s.timeZone).filter(Boolean))];
  return [dateIn(undefined), ...zones.map(z => { try { return dateIn(z); } catch { return ''; } })].sort().pop();
}

async function dashboard(main) {
  const staffStore = state.session.role === 'staff' ? state.session.store : null;
  const today = storeToday();
  const monthAgo = new Date(Date.parse(today) - 27 * 86400000).toISOString().slice(0, 10);
  const storeSel = h('select', { id: 'dash-store', disabled: !!staffStore },
      staffStore ? [] : [h('option', { value: '' }, t('dash.all'))],
      state.stores.filter(s => !staffStore || s.id === staffStore).map(s => h('option', { value: s.id }, s.name)));
  const from = h('input', { type: 'date', id: 'dash-from', value: monthAgo });
  const to = h('input', { type: 'date', id: 'dash-to', value: today });
  const kpis = h('div', { class: 'kpis', id: 'kpis' });
  const heat = h('div', { class: 'card' }, h('h2', {}, t('dash.heatmap')), h('div', { id: 'heatmap' }));
  const trend = h('div', { class: 'card' }, h('h2', {}, t('dash.trend')), h('canvas', { id: 'trend', height: 160 }));
  const dims = h('div', { class: 'card' }, h('h2', {}, t('dash.dimensions')), h('canvas', { id: 'dims', height: 160 }));
  const worst = h('div', { class: 'card' }, h('h2', {}, t('dash.worst')), h('div', { id: 'worst' }));
  const alerts = h('div', { class: 'card' }, h('h2', {}, t('dash.alerts')), h('div', { id: 'alerts' }));
  main.append(h('div', { class: 'toolbar' }, h('h1', {}, t('dash.title')), h('span', { class: 'pill sending', id: 'live' }, '● ' + t('dash.live'))),
      h('div', { class: 'toolbar' }, h('label', {}, t('dash.store'), storeSel), h('label', {}, t('dash.from'), from),
          h('label', {}, t('dash.to'), to)),
      kpis, h('div', { class: 'grid2' }, heat, worst), h('div', { class: 'grid2' }, trend, dims), alerts);
  const q = () => (storeSel.value ? '&storeId=' + storeSel.value : '') + '&from=' + from.value + '&to=' + to.value;
  let loading = null;
  const load = async () => {
    const total = await api('GET', '/api/analytics/scores?granularity=week' + q());
    kpis.replaceChildren(
        kpi(t('dash.answers'), fmt(total.count), 'kpi-count'), kpi('CSAT', fmt(total.csat) + (total.csat == null ? '' : ' %'), 'kpi-csat'),
        kpi('NPS', fmt(total.nps), 'kpi-nps'), kpi('CES', fmt(total.ces, 1), 'kpi-ces'));
    await heatmap(storeSel.value, from.value, to.value);
    renderTrend(total);
    renderDims(total);
    const alertList = await api('GET', '/api/analytics/alerts' + (storeSel.value ? '?storeId=' + storeSel.value : ''));
    renderAlerts(alertList.items);
  };
  // A reload still running when the user moves on must not write into (or complain about) a view that is gone.
  // An update arriving during a reload may not be in the data being read: one more reload follows it.
  let again = false;
  const ownView = document.body.dataset.view;
  const reload = () => {
    if (document.body.dataset.view !== ownView) return;
    if (loading) {
      again = true;
      return;
    }
    loading = load().catch(e => { if (document.body.dataset.view === ownView) showError(e); }).finally(() => {
      loading = null;
      if (again) {
        again = false;
        reload();
      }
    });
  };
  [storeSel, from, to].forEach(el => el.addEventListener('change', reload));
  const onScores = () => setTimeout(reload, 150);
  document.addEventListener('kp:scores', onScores);
  document.addEventListener('kp:alert', reload);
  window.addEventListener('hashchange', () => {
    document.removeEventListener('kp:scores', onScores);
    document.removeEventListener('kp:alert', reload);
  }, { once: true });
  reload();
  await loading;
}

function kpi(label, value, id) {
  return h('div', { class: 'card kpi' }, h('div', { class: 'label' }, label), h('div', { class: 'value', id }, value));
}

function heatColor(csat) {
  if (csat === null || csat === undefined) return 'heat-none';
  const hue = Math.round(Math.max(0, Math.min(100, csat)) * 1.2);
  return 'background:hsl(' + hue + ',65%,88%)';
}

async function heatmap(storeId, from, to) {
  const stores = storeId ? state.stores.filter(s => s.id === storeId) : state.stores;
  const tps = Object.keys(state.touchpoints);
  const rows = [];
  const weak = [];
  for (const s of stores) {
    const cells = await Promise.all(tps.map(tp => api('GET', '/api/analytics/scores?storeId=' + s.id + '&touchpoint=' + tp
        + '&from=' + from + '&to=' + to)));
    rows.push(h('tr', {}, h('th', {}, s.name), cells.map((r, i) => {
      if (r.count > 0) weak.push({ store: s.id, tp: tps[i], report: r });
      const style = heatColor(r.csat);
      return h('td', { class: 'cell ' + (style.startsWith('heat') ? style : ''), style: style.startsWith('heat') ? null : style,
        title: r.count + ' ' + t('dash.answers') }, r.count ? fmt(r.csat) : '–');
    })));
  }
  document.getElementById('heatmap').replaceChildren(h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, ''), tps.map(tp => h('th', {}, tpName(tp))))), h('tbody', {}, rows)));
  weak.sort((a, b) => (a.report.csat ?? 101) - (b.report.csat ?? 101));
  const worst = document.getElementById('worst');
  worst.replaceChildren(...(weak.length ? weak.slice(0, 3).map(w => h('div', {},
      h('b', {}, storeName(w.store) + ' · ' + tpName(w.tp)), ' — CSAT ' + fmt(w.report.csat) + ' %, NPS ' + fmt(w.report.nps),
      w.report.comments.slice(0, 3).map(c => h('div', { class: 'comment' }, c.text,
          h('small', {}, date(c.at) + (c.rating ? ' · ★' + c.rating : '')))))) : [h('p', { class: 'muted' }, t('dash.noData'))]));
}

function chartOn(id, config) {
  // A live reload draws into the same canvas: the old chart must go first.
  const canvas = document.getElementById(id);
  const old = Chart.getChart(canvas);
  if (old) old.destroy();
  const chart = new Chart(canvas, config);
  state.charts.push(chart);
  return chart;
}

function renderTrend(total) {
  const labels = total.periods.map(p => p.period);
  chartOn('trend', {
    type: 'line',
    data: { labels, datasets: [
      { label: 'CSAT %', data: total.periods.map(p => p.csat), borderColor: '#0f766e', tension: .3 },
      { label: 'NPS', data: total.periods.map(p => p.nps), borderColor: '#c2410c', tension: .3 }] },
    options: { animation: false, scales: { y: { suggestedMin: -100, suggestedMax: 100 } } }
  });
}

function renderDims(total) {
  const order = ['quality', 'availability', 'reliability', 'usefulness', 'value', 'staff', 'ambience'];
  const functional = ['quality', 'availability', 'reliability', 'usefulness', 'value'];
  // Two datasets on the same bars (grouped: false), so that the legend explains the two colours.
  const side = (label, colour, keep) => ({ label, grouped: false, backgroundColor: colour,
    data: order.map(d => keep(d) ? total.dimensions[d] ?? null : null) });
  chartOn('dims', {
    type: 'bar',
    data: { labels: order.map(d => t('dim.' + d)), datasets: [
      side(t('dash.functional'), '#0f766e', d => functional.includes(d)),
      side(t('dash.emotional'), '#d97706', d => !functional.includes(d))] },
    options: { animation: false, scales: { y: { min: 0, max: 5, title: { display: true, text: t('dash.dimScale') } } } }
  });
}

function renderAlerts(items) {
  document.getElementById('alerts').replaceChildren(...(items.length ? items.slice(0, 8).map(a => h('div', { class: 'row alert-row' },
      h('span', { class: 'pill overdue' }, fmt(a.unhappyShare) + ' %'), h('b', {}, storeName(a.storeId) + ' · ' + tpName(a.touchpoint)),
      h('span', { class: 'muted' }, a.unhappy + ' ' + t('dash.of') + ' ' + a.answers + ' ' + t('dash.unhappy') + ' · ' + date(a.at))))
    : [h('p', { class: 'muted' }, t('dash.noAlerts'))]));
}

// ---------- cases ----------
async function cases(main) {
  const filter = h('select', { id: 'case-state' }, h('option', { value: 'active' }, t('cases.active')),
      h('option', { value: 'open' }, t('cases.open')), h('option', { value: 'answered' }, t('cases.answered')),
      h('option', { value: 'closed' }, t('cases.closed')), h('option', { value: 'all' }, t('cases.all')));
  const list = h('div', { class: 'card', id: 'case-list' });
  const detail = h('div', { class: 'card', id: 'case-detail' }, h('p', { class: 'muted' }, t('cases.pick')));
  main.append(h('div', { class: 'toolbar' }, h('h1', {}, t('cases.title')), h('label', {}, t('cases.state'), filter)),
      h('div', { class: 'grid2' }, list, detail));
  const load = async () => {
    const data = await api('GET', '/api/cases?state=' + filter.value);
    list.replaceChildren(data.items.length ? h('table', {}, h('tbody', {}, data.items.map(c => h('tr', {
      class: 'list-row', tabindex: 0, 'data-case': c.id, onclick: () => open(c.id),
      onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(c.id, true); } } },
    h('td', {}, h('span', { class: 'pill ' + (c.overdue ? 'overdue' : c.state) }, c.overdue ? t('cases.overdue') : t('cases.' + c.state))),
    h('td', {}, h('b', {}, storeName(c.storeId) + ' · ' + tpName(c.touchpoint)), h('div', { class: 'muted' }, c.comment || '')),
    h('td', { class: 'muted' }, t('cases.due') + ' ' + date(c.dueAt)))))) : h('p', { class: 'muted' }, t('cases.none')));
  };
  // Opened with the keyboard, the case puts the cursor into the reply: the next thing staff do.
  const open = async (id, focusReply = false) => {
    const c = await api('GET', '/api/cases/' + id);
    const text = h('textarea', { id: 'case-reply', rows: 3 });
    detail.replaceChildren(h('h2', {}, storeName(c.storeId) + ' · ' + tpName(c.touchpoint)),
        h('div', { class: 'comment' }, c.comment || '', h('small', {}, (c.rating ? '★' + c.rating + ' · ' : '') + date(c.openedAt))),
        h('div', { class: 'thread' }, c.messages.map(m => h('div', { class: 'msg ' + m.author }, m.text, h('small', { class: 'muted' }, ' ' + date(m.at))))),
        c.state === 'closed' ? null : h('label', {}, t('cases.reply'), text),
        c.state === 'closed' ? null : h('div', { class: 'row' },
            h('button', { class: 'primary', id: 'case-send', onclick: () => api('POST', '/api/cases/' + id + '/replies', { text: text.value })
                .then(() => { toast(t('saved')); open(id, true); load(); }).catch(showError) }, t('cases.send')),
            h('button', { id: 'case-close', onclick: () => api('POST', '/api/cases/' + id + '/close')
                .then(() => { open(id); load(); }).catch(showError) }, t('cases.close'))));
    if (focusReply && text.isConnected) text.focus();
  };
  filter.addEventListener('change', () => load().catch(showError));
  await load();
}

// ---------- kiosks ----------
// Store tablets are enrolled here, never on the tablet itself: the one-time code (text and QR
// code) is shown once, the tablet exchanges it for its own identity. The fleet view is our
// version of HappyOrNot's terminal status: last contact, app version and outbox backlog.
async function kiosks(main) {
  const isAdmin = state.session.role === 'admin';
  const ownStore = state.session.store;
  const store = h('select', { id: 'kiosk-store' }, state.stores.filter(s => isAdmin || s.id === ownStore)
      .map(s => h('option', { value: s.id }, s.name)));
  const touchpoint = h('select', { id: 'kiosk-touchpoint' });
  const label = h('input', { id: 'kiosk-label', placeholder: t('kiosks.labelHint'), maxlength: 60 });
  const result = h('div', { id: 'kiosk-code', 'aria-live': 'polite' });
  const loadTouchpoints = async () => {
    const tps = await api('GET', '/api/stores/' + encodeURIComponent(store.value) + '/touchpoints?lang=' + lang());
    touchpoint.replaceChildren(...tps.map(tp => h('option', { value: tp.id }, tp.name)));
  };
  store.addEventListener('change', () => loadTouchpoints().catch(showError));
  const enroll = async () => {
    try {
      const e = await api('POST', '/api/kiosks', { storeId: store.value, touchpoint: touchpoint.value, label: label.value });
      const qr = h('img', { id: 'kiosk-qr', alt: t('kiosks.qrAlt'), width: 180, height: 180,
        src: 'data:image/svg+xml;base64,' + btoa(e.qrSvg) });
      result.replaceChildren(h('div', { class: 'enroll-code' }, qr, h('div', {},
          h('p', {}, t('kiosks.codeFor').replace('{label}', e.kiosk.label)),
          h('p', { class: 'code', id: 'kiosk-code-text' }, e.code),
          h('p', { class: 'muted' }, t('kiosks.codeHint').replace('{time}', date(e.codeExpiresAt))))));
      label.value = '';
      await loadFleet();
    } catch (err) { result.replaceChildren(h('p', { class: 'error', role: 'alert' }, err.message)); }
  };
  const enrollCard = h('div', { class: 'card' }, h('h2', {}, t('kiosks.enroll')), h('p', { class: 'muted' }, t('kiosks.enrollHint')),
      h('div', { class: 'form-grid' }, h('label', {}, t('kiosks.store'), store), h('label', {}, t('kiosks.touchpoint'), touchpoint),
          h('label', {}, t('kiosks.label'), label)),
      h('div', { class: 'row' }, h('button', { class: 'primary', id: 'kiosk-enroll', onclick: enroll }, t('kiosks.enrollButton'))), result);
  const fleet = h('div', { class: 'card', id: 'kiosk-fleet' });
  const loadFleet = async () => {
    const data = await api('GET', '/api/kiosks');
    if (!data.items.length) {
      fleet.replaceChildren(h('h2', {}, t('kiosks.fleet')), h('p', { class: 'muted' }, t('kiosks.none')));
      return;
    }
    fleet.replaceChildren(h('h2', {}, t('kiosks.fleet')), h('div', { class: 'table-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('kiosks.label')),
        h('th', {}, t('kiosks.where')), h('th', {}, t('kiosks.state')), h('th', {}, t('kiosks.lastContact')),
        h('th', {}, t('kiosks.version')), h('th', {}, t('kiosks.backlog')), isAdmin ? h('th', {}) : null)),
    h('tbody', {}, data.items.map(k => h('tr', { 'data-kiosk': k.id },
        h('td', {}, h('b', {}, k.label)), h('td', {}, storeName(k.storeId) + ' · ' + tpName(k.touchpoint)),
        h('td', {}, h('span', { class: 'pill kiosk-' + k.state }, t('kiosks.state.' + k.state))),
        h('td', { class: 'muted' }, date(k.lastContactAt)), h('td', {}, k.appVersion || '–'),
        h('td', {}, k.backlog === undefined ? '–' : String(k.backlog)),
        isAdmin ? h('td', {}, k.state === 'revoked' ? null : revokeButton(k)) : null))))));
  };
  // Revoking takes the tablet out at its next request: the first click asks, the second revokes.
  const revokeButton = k => {
    const cell = h('span', {});
    const ask = h('button', { class: 'danger', 'data-revoke': k.id, onclick: () => {
      const yes = h('button', { class: 'danger', id: 'kiosk-revoke-confirm', onclick: () => api('POST', '/api/kiosks/' + k.id + '/revoke')
          .then(() => { toast(t('kiosks.revoked')); return loadFleet(); }).catch(showError) }, t('kiosks.revokeConfirm'));
      cell.replaceChildren(yes, h('button', { onclick: () => cell.replaceChildren(ask) }, t('admin.cancel')));
      yes.focus();
    } }, t('kiosks.revoke'));
    cell.append(ask);
    return cell;
  };
  main.append(h('h1', {}, t('kiosks.title')), enrollCard, fleet);
  await Promise.all([loadTouchpoints(), loadFleet()]);
}

// ---------- campaigns ----------
async function campaigns(main) {
  const offersList = (await api('GET', '/api/offers')).items;
  const f = {};
  const multi = (id, options) => h('select', { id, multiple: true, size: Math.min(4, options.length) },
      options.map(([v, label]) => h('option', { value: v }, label)));
  f.name = h('input', { id: 'camp-name', value: lang() === 'de' ? 'Wochenend-Angebot' : 'Weekend offer' });
  f.stores = multi('camp-stores', state.stores.map(s => [s.id, s.name]));
  f.locales = multi('camp-locales', [['de', 'Deutsch'], ['en', 'English']]);
  f.platforms = multi('camp-platforms', [['android', 'Android'], ['ios', 'iOS']]);
  f.category = h('select', { id: 'camp-category' }, h('option', { value: '' }, t('camp.none')),
      state.categories.map(c => h('option', { value: c.id }, c.name)));
  f.nps = multi('camp-nps', [['promoter', 'Promoter'], ['passive', 'Passive'], ['detractor', 'Detractor']]);
  f.visited = h('input', { id: 'camp-visited', type: 'number', min: 1 });
  f.titleDe = h('input', { id: 'camp-title-de', value: 'Hallo {firstName}!' });
  f.bodyDe = h('textarea', { id: 'camp-body-de', rows: 2 }, 'Neu diese Woche in {store}. {offer}');
  f.titleEn = h('input', { id: 'camp-title-en', value: 'Hi {firstName}!' });
  f.bodyEn = h('textarea', { id: 'camp-body-en', rows: 2 }, 'New this week at {store}. {offer}');
  f.ab = h('input', { id: 'camp-ab', type: 'checkbox' });
  f.share = h('input', { id: 'camp-share', type: 'number', min: 1, max: 99, value: 50 });
  f.titleB = h('input', { id: 'camp-title-b', value: 'Nur dieses Wochenende' });
  f.bodyB = h('textarea', { id: 'camp-body-b', rows: 2 }, '{offer} in {store}');
  f.offer = h('select', { id: 'camp-offer' }, h('option', { value: '' }, t('camp.none')),
      offersList.filter(o => !o.definition.recovery).map(o => h('option', { value: o.id }, o.definition.title[lang()] || o.definition.title.de)));
  f.schedule = h('input', { id: 'camp-schedule', type: 'datetime-local' });
  f.quietFrom = h('input', { id: 'camp-quiet-from', type: 'time' });
  f.quietTo = h('input', { id: 'camp-quiet-to', type: 'time' });
  f.cap = h('input', { id: 'camp-cap', type: 'number', min: 1 });
  const size = h('div', { class: 'size', id: 'camp-size' }, '–');
  const phone = h('div', { class: 'phone', id: 'camp-phone' });
  const list = h('div', { class: 'card', id: 'camp-list' });
  const values = sel => [...sel.selectedOptions].map(o => o.value);
  const definition = () => {
    const variants = [{ id: 'A', locale: 'de', title: f.titleDe.value, body: f.bodyDe.value },
      { id: 'A', locale: 'en', title: f.titleEn.value, body: f.bodyEn.value }];
    if (f.ab.checked) {
      variants.forEach(v => { v.share = Number(f.share.value); });
      variants.push({ id: 'B', locale: 'de', title: f.titleB.value, body: f.bodyB.value, share: 100 - Number(f.share.value) });
    }
    const audience = {};
    if (values(f.stores).length) audience.homeStoreIds = values(f.stores);
    if (values(f.locales).length) audience.locales = values(f.locales);
    if (values(f.platforms).length) audience.platforms = values(f.platforms);
    if (f.category.value) audience.category = f.category.value;
    if (values(f.nps).length) audience.npsGroups = values(f.nps);
    if (f.visited.value) audience.visitedWithinDays = Number(f.visited.value);
    const d = { name: f.name.value, audience, variants };
    if (f.offer.value) d.offerId = f.offer.value;
    if (f.schedule.value) d.scheduleAt = new Date(f.schedule.value).toISOString();
    if (f.quietFrom.value && f.quietTo.value) d.quietHours = { start: f.quietFrom.value, end: f.quietTo.value };
    if (f.cap.value) d.frequencyCap = { max: Number(f.cap.value), days: 7 };
    return d;
  };
  let timer = null;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const p = await api('POST', '/api/campaigns/preview', definition());
        size.textContent = p.audienceSize;
        const sample = p.samples[0];
        const de = f.titleDe.value;
        phone.replaceChildren(h('div', { class: 'notification' }, h('b', {}, sample ? sample.title : de),
            sample ? sample.body : f.bodyDe.value));
      } catch (e) {
        size.textContent = '!';
        phone.replaceChildren(h('div', { class: 'notification error' }, e.message));
      }
    }, 250);
  };
  const form = h('form', { class: 'card', id: 'camp-form', onsubmit: ev => { ev.preventDefault(); } },
      h('h2', {}, t('camp.new')),
      h('div', { class: 'form-grid' }, h('label', {}, t('camp.name'), f.name), h('label', {}, t('camp.offer'), f.offer),
          h('label', {}, t('camp.schedule'), f.schedule)),
      h('h2', {}, t('camp.audience')),
      h('div', { class: 'form-grid' }, h('label', {}, t('camp.stores'), f.stores), h('label', {}, t('camp.locales'), f.locales),
          h('label', {}, t('camp.platforms'), f.platforms), h('label', {}, t('camp.category'), f.category),
          h('label', {}, t('camp.nps'), f.nps), h('label', {}, t('camp.visited'), f.visited)),
      h('div', { class: 'row' }, size, h('span', { class: 'muted' }, t('camp.size'))),
      h('h2', {}, t('camp.variants')), h('p', { class: 'muted' }, t('camp.placeholders')),
      h('div', { class: 'grid2' }, h('div', {}, h('label', {}, t('camp.title.de'), f.titleDe), h('label', {}, t('camp.body.de'), f.bodyDe),
          h('label', {}, t('camp.title.en'), f.titleEn), h('label', {}, t('camp.body.en'), f.bodyEn),
          h('label', { class: 'row' }, f.ab, t('camp.ab')), h('label', {}, t('camp.shareA'), f.share),
          h('label', {}, 'B ' + t('camp.title.de'), f.titleB), h('label', {}, 'B ' + t('camp.body.de'), f.bodyB)),
      h('div', {}, h('label', {}, t('camp.preview')), phone)),
      h('div', { class: 'form-grid' }, h('label', {}, t('camp.quiet'), h('div', { class: 'row' }, f.quietFrom, f.quietTo)),
          h('label', {}, t('camp.cap'), f.cap)),
      h('div', { class: 'row' }, h('button', { class: 'primary', id: 'camp-create', type: 'button', onclick: async () => {
        try {
          const c = await api('POST', '/api/campaigns', definition());
          toast(t('saved'));
          await api('POST', '/api/campaigns/' + c.id + '/send');
          await loadList();
        } catch (e) { showError(e); }
      } }, t('camp.send'))));
  // Variant B's fields only count with the A/B test switched on: until then they are greyed out.
  const abFields = [f.share, f.titleB, f.bodyB];
  const syncAb = () => abFields.forEach(el => { el.disabled = !f.ab.checked; });
  f.ab.addEventListener('change', syncAb);
  syncAb();
  const sendButton = form.querySelector('#camp-create');
  const syncSchedule = () => { sendButton.textContent = f.schedule.value ? t('camp.scheduleButton') : t('camp.send'); };
  f.schedule.addEventListener('input', syncSchedule);
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  main.append(h('h1', {}, t('camp.title')), list, form);
  const loadList = async () => {
    const data = await api('GET', '/api/campaigns');
    list.replaceChildren(h('h2', {}, t('camp.funnel')), ...(data.items.length ? data.items.map(funnel) : [h('p', { class: 'muted', id: 'camp-empty' }, t('camp.empty'))]));
    return data.items;
  };
  await loadList();
  refresh();
  const poll = setInterval(async () => {
    if (document.body.dataset.view !== 'campaigns') return clearInterval(poll);
    const items = await loadList().catch(() => []);
    if (!items.some(c => c.state === 'sending' || c.state === 'scheduled')) return;
  }, 1000);
}

function funnel(c) {
  const s = c.stats;
  const max = Math.max(1, s.targeted);
  const bar = (label, n, cls) => h('div', { class: 'row' }, h('span', { style: 'width:110px', class: 'muted' }, label),
      h('div', { class: 'bar ' + cls, style: 'width:' + Math.max(2, 100 * n / max) * 3 + 'px' }, String(n)));
  return h('div', { class: 'funnel', 'data-campaign': c.id }, h('div', { class: 'row' }, h('b', {}, c.definition.name),
      h('span', { class: 'pill ' + c.state }, t('camp.state.' + c.state))),
      bar(t('camp.targeted'), s.targeted, 'targeted'), bar(t('camp.sent'), s.sent, 'sent'), bar(t('camp.opened'), s.opened, 'opened'),
      bar(t('camp.redeemed'), s.redeemed, 'redeemed'),
      h('div', { class: 'muted' }, t('camp.failed') + ' ' + s.failed + ' · ' + t('camp.unregistered') + ' ' + s.unregistered
          + ' · ' + t('camp.suppressed') + ' ' + s.suppressed));
}

// ---------- offers ----------
async function offers(main) {
  const list = h('div', { class: 'card', id: 'offer-list' });
  const titleDe = h('input', { id: 'offer-title-de', value: 'Frühstücks-Woche' });
  const titleEn = h('input', { id: 'offer-title-en', value: 'Breakfast week' });
  const benefit = h('input', { id: 'offer-benefit', value: '-20 %' });
  const category = h('select', { id: 'offer-category' }, h('option', { value: '' }, t('camp.none')),
      state.categories.map(c => h('option', { value: c.id }, c.name)));
  const gtin = h('input', { id: 'offer-gtin', inputmode: 'numeric' });
  const days = h('input', { id: 'offer-days', type: 'number', value: 14, min: 1 });
  const recovery = h('input', { id: 'offer-recovery', type: 'checkbox' });
  let editing = null;
  const submit = h('button', { class: 'primary', type: 'submit', id: 'offer-create' }, t('offers.create'));
  const edit = o => {
    editing = o;
    titleDe.value = o.definition.title.de || '';
    titleEn.value = o.definition.title.en || '';
    benefit.value = o.definition.benefit;
    category.value = o.definition.category || '';
    gtin.value = o.definition.gtin || '';
    days.value = Math.max(1, Math.round((new Date(o.definition.validTo) - Date.now()) / 86400000));
    recovery.checked = !!o.definition.recovery;
    submit.textContent = t('offers.update');
    titleDe.focus();
  };
  const load = async () => {
    const data = await api('GET', '/api/offers');
    list.replaceChildren(h('table', {}, h('tbody', {}, data.items.map(o => h('tr', { class: 'list-row', tabindex: 0,
      'data-offer': o.id, onclick: () => edit(o), onkeydown: e => e.key === 'Enter' && edit(o) },
        h('td', {}, h('b', {}, o.definition.title[lang()] || o.definition.title.de)), h('td', {}, o.definition.benefit),
        h('td', {}, o.definition.category || o.definition.gtin), h('td', { class: 'muted' }, t('offers.validTo') + ' ' + date(o.definition.validTo)),
        h('td', {}, o.definition.recovery ? h('span', { class: 'pill' }, t('offers.recovery')) : ''))))));
  };
  main.append(h('h1', {}, t('offers.title')), list, h('form', { class: 'card', onsubmit: async ev => {
    ev.preventDefault();
    const now = new Date();
    const body = { title: { de: titleDe.value, en: titleEn.value }, benefit: benefit.value,
      validFrom: now.toISOString(), validTo: new Date(now.getTime() + Number(days.value) * 86400000).toISOString(),
      recovery: recovery.checked };
    if (category.value) body.category = category.value;
    if (gtin.value) body.gtin = gtin.value;
    try {
      if (editing) {
        body.validFrom = editing.definition.validFrom;
        await api('PUT', '/api/offers/' + editing.id, body);
      } else {
        await api('POST', '/api/offers', body);
      }
      editing = null;
      submit.textContent = t('offers.create');
      toast(t('saved'));
      await load();
    } catch (e) { showError(e); }
  } }, h('h2', {}, t('offers.new')), h('div', { class: 'form-grid' }, h('label', {}, t('offers.titleDe'), titleDe),
      h('label', {}, t('offers.titleEn'), titleEn), h('label', {}, t('offers.benefit'), benefit), h('label', {}, t('offers.category'), category),
      h('label', {}, t('offers.gtin'), gtin), h('label', {}, t('offers.days'), days), h('label', { class: 'row' }, recovery, t('offers.recovery'))),
  submit));
  await load();
}

// ---------- surveys ----------
// A form-based editor: questions with their type, texts in both languages, choices, skip logic
// ("show only if an earlier answer is one of …") and where the survey runs. Each save is a new version.
const QUESTION_TYPES = ['smiley', 'nps', 'ces', 'single', 'multiple', 'text'];
const SCALES = { smiley: [1, 5], nps: [0, 10], ces: [1, 7] };

function answerValues(q) {
  if (SCALES[q.type]) {
    const [lo, hi] = SCALES[q.type];
    return Array.from({ length: hi - lo + 1 }, (_, i) => ({ value: String(lo + i), label: String(lo + i) }));
  }
  if (q.type === 'single' || q.type === 'multiple') return q.options.map(o => ({ value: o.id, label: o.text.de || o.id }));
  return [];
}

function blankQuestion(questions) {
  let n = questions.length + 1;
  while (questions.some(q => q.id === 'q' + n)) n++;
  return { id: 'q' + n, type: 'smiley', text: { de: '', en: '' }, options: [], required: false, showIf: null };
}

function toDraft(definition) {
  return {
    questions: definition.questions.map(q => ({ id: q.id, type: q.type, text: { de: q.text.de || '', en: q.text.en || '' },
      options: (q.options || []).map(o => ({ id: o.id, text: { de: o.text.de || '', en: o.text.en || '' } })),
      required: !!q.required, showIf: q.showIf ? { question: q.showIf.question, anyOf: [...q.showIf.anyOf] } : null }))
  };
}

function fromDraft(draft) {
  const text = t => t.en && t.en.trim() ? { de: t.de, en: t.en } : { de: t.de };
  return draft.questions.map(q => {
    const out = { id: q.id, type: q.type, text: text(q.text), required: q.required };
    if (q.type === 'single' || q.type === 'multiple') out.options = q.options.map(o => ({ id: o.id, text: text(o.text) }));
    if (q.showIf) out.showIf = q.showIf;
    return out;
  });
}

const localInput = iso => iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60000).toISOString().slice(0, 16) : '';

async function surveys(main) {
  const list = h('div', { class: 'card', id: 'survey-list' });
  const formError = h('p', { class: 'error', id: 'survey-error', role: 'alert' });
  const name = h('input', { id: 'survey-name', 'data-field': 'name', required: true });
  const multi = (id, field, items) => h('select', { id, 'data-field': field, multiple: true, size: 5 },
      items.map(([value, label]) => h('option', { value }, label)));
  const stores = multi('survey-stores', 'targeting.storeIds', state.stores.map(s => [s.id, s.name]));
  const touchpoints = multi('survey-touchpoints', 'targeting.touchpoints', Object.keys(state.touchpoints).map(tp => [tp, tpName(tp)]));
  const categories = multi('survey-categories', 'targeting.categories', state.categories.map(c => [c.id, c.name]));
  const from = h('input', { id: 'survey-from', type: 'datetime-local', 'data-field': 'activeFrom' });
  const to = h('input', { id: 'survey-to', type: 'datetime-local', 'data-field': 'activeTo' });
  const partial = h('input', { id: 'survey-partial', type: 'checkbox', 'data-field': 'allowPartial' });
  const editor = h('div', { id: 'survey-questions', class: 'questions' });
  const submit = h('button', { class: 'primary', type: 'submit', id: 'survey-create' }, t('surveys.create'));
  const heading = h('h2', {}, t('surveys.new'));
  let editing = null;
  let draft = { questions: [] };

  const select = (el, values) => [...el.options].forEach(o => { o.selected = (values || []).includes(o.value); });
  const reset = () => {
    editing = null;
    draft = { questions: [
      { id: 'mood', type: 'smiley', text: { de: 'Wie war Ihr Einkauf heute?', en: 'How was your visit today?' }, options: [], required: true, showIf: null }] };
    name.value = '';
    [stores, touchpoints, categories].forEach(el => select(el, []));
    from.value = to.value = '';
    partial.checked = false;
    heading.textContent = t('surveys.new');
    submit.textContent = t('surveys.create');
    renderQuestions();
  };
  const edit = s => {
    editing = s;
    draft = toDraft(s.definition);
    name.value = s.definition.name;
    select(stores, s.definition.targeting.storeIds);
    select(touchpoints, s.definition.targeting.touchpoints);
    select(categories, s.definition.targeting.categories);
    from.value = localInput(s.definition.activeFrom);
    to.value = localInput(s.definition.activeTo);
    partial.checked = !!s.definition.allowPartial;
    heading.textContent = s.definition.name;
    submit.textContent = t('surveys.update') + ' (' + t('surveys.version') + ' ' + (s.version + 1) + ')';
    formError.textContent = '';
    renderQuestions();
    name.focus();
  };

  function renderQuestions() {
    editor.replaceChildren(...draft.questions.map((q, i) => questionCard(q, i)),
        h('button', { type: 'button', id: 'survey-add-question', onclick: () => {
          draft.questions.push(blankQuestion(draft.questions));
          renderQuestions();
          editor.querySelectorAll('.question')[draft.questions.length - 1].querySelector('[data-part="text-de"]').focus();
        } }, '+ ' + t('surveys.addQuestion')));
  }

  function questionCard(q, i) {
    const field = suffix => 'questions[' + i + ']' + suffix;
    const bind = (obj, key, attrs) => h('input', { ...attrs, value: obj[key], oninput: e => { obj[key] = e.target.value; } });
    const type = h('select', { 'data-part': 'type', 'data-field': field('.type'), onchange: e => {
      q.type = e.target.value;
      if ((q.type === 'single' || q.type === 'multiple') && q.options.length < 2) {
        q.options = [{ id: 'a', text: { de: '', en: '' } }, { id: 'b', text: { de: '', en: '' } }];
      }
      // Answers that no longer exist cannot trigger later questions.
      draft.questions.forEach(other => {
        if (other.showIf && other.showIf.question === q.id) other.showIf = null;
      });
      renderQuestions();
    } }, QUESTION_TYPES.map(tp => h('option', { value: tp, selected: tp === q.type }, t('surveys.type.' + tp))));
    const move = (delta, label, id) => h('button', { type: 'button', class: 'icon', 'aria-label': label, title: label,
      'data-part': id, disabled: i + delta < 0 || i + delta >= draft.questions.length, onclick: () => {
        const [moved] = draft.questions.splice(i, 1);
        draft.questions.splice(i + delta, 0, moved);
        renderQuestions();
      } }, delta < 0 ? '↑' : '↓');
    const card = h('fieldset', { class: 'question', 'data-question': q.id },
        h('legend', {}, t('surveys.question') + ' ' + (i + 1)),
        h('div', { class: 'question-head' },
            h('label', {}, t('surveys.qid'), h('input', { value: q.id, 'data-part': 'id', 'data-field': field('.id'), size: 8,
              oninput: e => {
                // Skip logic follows a renamed question.
                draft.questions.forEach(other => {
                  if (other.showIf && other.showIf.question === q.id) other.showIf.question = e.target.value;
                });
                q.id = e.target.value;
              } })),
            h('label', {}, t('surveys.type'), type),
            h('label', { class: 'check' }, h('input', { type: 'checkbox', 'data-part': 'required', checked: q.required,
              onchange: e => { q.required = e.target.checked; } }), t('surveys.required')),
            h('span', { class: 'spacer' }),
            move(-1, t('surveys.up'), 'up'), move(1, t('surveys.down'), 'down'),
            h('button', { type: 'button', class: 'icon danger', 'data-part': 'remove', 'aria-label': t('surveys.remove'),
              title: t('surveys.remove'), disabled: draft.questions.length === 1, onclick: () => {
                draft.questions.splice(i, 1);
                draft.questions.forEach(other => {
                  if (other.showIf && other.showIf.question === q.id) other.showIf = null;
                });
                renderQuestions();
              } }, '✕')),
        h('div', { class: 'grid2' },
            h('label', {}, t('surveys.textDe'), bind(q.text, 'de', { 'data-part': 'text-de', 'data-field': field('.text.de') })),
            h('label', {}, t('surveys.textEn'), bind(q.text, 'en', { 'data-part': 'text-en', 'data-field': field('.text.en') }))));
    if (q.type === 'single' || q.type === 'multiple') card.append(optionsEditor(q, i));
    card.append(skipLogic(q, i));
    return card;
  }

  function optionsEditor(q, i) {
    const field = (j, suffix) => 'questions[' + i + '].options[' + j + ']' + suffix;
    return h('div', { class: 'options', 'data-field': 'questions[' + i + '].options' },
        h('div', { class: 'muted' }, t('surveys.options')),
        q.options.map((o, j) => h('div', { class: 'option-row' },
            h('input', { value: o.id, size: 6, 'aria-label': t('surveys.qid'), 'data-part': 'option-id', 'data-field': field(j, '.id'),
              oninput: e => {
                draft.questions.forEach(other => {
                  if (other.showIf && other.showIf.question === q.id) {
                    other.showIf.anyOf = other.showIf.anyOf.map(v => v === o.id ? e.target.value : v);
                  }
                });
                o.id = e.target.value;
              } }),
            h('input', { value: o.text.de, placeholder: 'Deutsch', 'aria-label': t('surveys.textDe'), 'data-part': 'option-de',
              'data-field': field(j, '.text.de'), oninput: e => { o.text.de = e.target.value; } }),
            h('input', { value: o.text.en, placeholder: 'English', 'aria-label': t('surveys.textEn'), 'data-part': 'option-en',
              'data-field': field(j, '.text.en'), oninput: e => { o.text.en = e.target.value; } }),
            h('button', { type: 'button', class: 'icon danger', 'aria-label': t('surveys.remove'), title: t('surveys.remove'),
              disabled: q.options.length <= 2, onclick: () => { q.options.splice(j, 1); renderQuestions(); } }, '✕'))),
        h('button', { type: 'button', 'data-part': 'add-option', onclick: () => {
          let n = q.options.length;
          while (q.options.some(o => o.id === String.fromCharCode(97 + n % 26) + (n >= 26 ? n : ''))) n++;
          q.options.push({ id: String.fromCharCode(97 + n % 26) + (n >= 26 ? n : ''), text: { de: '', en: '' } });
          renderQuestions();
        } }, '+ ' + t('surveys.addOption')));
  }

  function skipLogic(q, i) {
    const earlier = draft.questions.slice(0, i).filter(e => e.type !== 'text');
    const source = q.showIf && draft.questions.find(e => e.id === q.showIf.question);
    const which = h('select', { 'data-part': 'showif-question', 'data-field': 'questions[' + i + '].showIf.question',
      disabled: earlier.length === 0, onchange: e => {
        q.showIf = e.target.value ? { question: e.target.value, anyOf: [] } : null;
        renderQuestions();
      } }, h('option', { value: '' }, t('surveys.always')),
    earlier.map(e => h('option', { value: e.id, selected: q.showIf && q.showIf.question === e.id },
        t('surveys.onlyIf') + ' ' + e.id + ' (' + (e.text[lang()] || e.text.de || '…') + ')')));
    const row = h('div', { class: 'skip' }, h('label', {}, t('surveys.showIf'), which));
    if (q.showIf && source) {
      row.append(h('div', { class: 'any-of', 'data-field': 'questions[' + i + '].showIf.anyOf', role: 'group',
        'aria-label': t('surveys.anyOf') }, h('span', { class: 'muted' }, t('surveys.anyOf')),
      answerValues(source).map(v => h('label', { class: 'chip' }, h('input', { type: 'checkbox', value: v.value,
        'data-part': 'showif-value', checked: q.showIf.anyOf.includes(v.value), onchange: e => {
          q.showIf.anyOf = e.target.checked ? [...q.showIf.anyOf, v.value] : q.showIf.anyOf.filter(x => x !== v.value);
        } }), v.label))));
    }
    return row;
  }

  // "questions[1].options[0].text.de" in the words of this form: "Frage 2 › Antwort 1 › Text (Deutsch)".
  const fieldLabel = field => field.split(/\.(?![^[]*\])/).flatMap(part => {
    const m = part.match(/^(\w+)(?:\[(\d+)\])?$/);
    if (!m) return [part];
    const n = m[2] === undefined ? '' : ' ' + (Number(m[2]) + 1);
    const words = { questions: t('surveys.question'), options: t('surveys.option'), showIf: t('surveys.showIf'),
      anyOf: t('surveys.values'), id: t('surveys.qid'), type: t('surveys.type'), name: t('surveys.name'),
      activeFrom: t('surveys.from'), activeTo: t('surveys.to'), targeting: null, storeIds: t('surveys.stores'),
      touchpoints: t('surveys.touchpoints'), categories: t('surveys.categories'), text: null, question: null,
      de: t('surveys.textDe'), en: t('surveys.textEn') };
    return m[1] in words ? (words[m[1]] === null ? [] : [words[m[1]] + n]) : [part];
  }).join(' › ');

  const markInvalid = field => {
    editor.closest('form').querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    if (!field) return;
    // The most specific element that names the field, or its closest named parent ("questions[1].options").
    let path = field;
    while (path) {
      const el = editor.closest('form').querySelector('[data-field="' + CSS.escape(path) + '"]');
      if (el) {
        el.setAttribute('aria-invalid', 'true');
        if (el.focus) el.focus();
        return;
      }
      path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
  };

  const load = async () => {
    const data = await api('GET', '/api/surveys');
    list.replaceChildren(h('div', { class: 'row' }, h('h2', {}, t('surveys.all')), h('span', { class: 'spacer' }),
        h('button', { type: 'button', id: 'survey-new', onclick: () => { reset(); name.focus(); } }, '+ ' + t('surveys.new'))),
    data.items.length === 0 ? h('p', { class: 'muted' }, t('surveys.none')) : h('table', {}, h('tbody', {}, data.items.map(s => h('tr', {
      class: 'list-row', tabindex: 0, 'data-survey': s.id, onclick: () => edit(s), onkeydown: e => e.key === 'Enter' && edit(s) },
    h('td', {}, h('b', {}, s.definition.name)), h('td', {}, t('surveys.version') + ' ' + s.version),
    h('td', {}, s.definition.questions.length + ' ' + t('surveys.questionsCount')),
    h('td', { class: 'muted' }, [
      ...(s.definition.targeting.storeIds || []).map(storeName), ...(s.definition.targeting.touchpoints || []).map(tpName)].join(', ')
        || t('surveys.everywhere')))))));
  };

  main.append(h('h1', {}, t('surveys.title')), list, h('form', { class: 'card', id: 'survey-form', novalidate: true, onsubmit: async ev => {
    ev.preventDefault();
    formError.textContent = '';
    markInvalid(null);
    const body = { name: name.value, questions: fromDraft(draft), allowPartial: partial.checked,
      activeFrom: from.value ? new Date(from.value).toISOString() : null, activeTo: to.value ? new Date(to.value).toISOString() : null,
      targeting: { storeIds: [...stores.selectedOptions].map(o => o.value), touchpoints: [...touchpoints.selectedOptions].map(o => o.value),
        categories: [...categories.selectedOptions].map(o => o.value) } };
    try {
      if (editing) await api('PUT', '/api/surveys/' + editing.id, body);
      else await api('POST', '/api/surveys', body);
      toast(t('saved'));
      reset();
      await load();
    } catch (e) {
      const field = e.problem && e.problem.field;
      formError.textContent = field ? fieldLabel(field) + ': ' + (e.problem.detail || e.problem.title) : e.message;
      markInvalid(field);
    }
  } }, heading,
  h('div', { class: 'form-grid' }, h('label', {}, t('surveys.name'), name), h('label', {}, t('surveys.from'), from),
      h('label', {}, t('surveys.to'), to)),
  h('div', { class: 'form-grid' }, h('label', {}, t('surveys.stores'), stores), h('label', {}, t('surveys.touchpoints'), touchpoints),
      h('label', {}, t('surveys.categories'), categories)),
  h('p', { class: 'muted' }, t('surveys.targetingHint')),
  h('label', { class: 'check' }, partial, t('surveys.allowPartial')),
  h('h3', {}, t('surveys.questions')), editor, formError, h('div', { class: 'row' }, submit)));
  reset();
  await load();
}

// ---------- admin ----------
async function admin(main) {
  const stores = h('div', { class: 'card' }, h('h2', {}, t('admin.stores')), h('table', {}, h('tbody', {}, await Promise.all(
      state.stores.map(async s => h('tr', {}, h('td', {}, h('b', {}, s.name)), h('td', {}, s.city), h('td', { class: 'muted' }, s.timeZone),
          h('td', {}, (await api('GET', '/api/stores/' + s.id + '/touchpoints?lang=' + lang())).map(tp => tp.name).join(', '))))))));
  const storeId = h('input', { id: 'store-id', placeholder: 'koeln-ehrenfeld' });
  const storeNameInput = h('input', { id: 'store-name' });
  const storeCity = h('input', { id: 'store-city' });
  const storeZone = h('input', { id: 'store-zone', value: 'Europe/Berlin' });
  const storeTps = h('select', { id: 'store-touchpoints', multiple: true, size: 6 },
      Object.keys(state.touchpoints).map(tp => h('option', { value: tp, selected: true }, tpName(tp))));
  stores.append(h('div', { class: 'form-grid' }, h('label', {}, 'ID', storeId), h('label', {}, t('admin.storeName'), storeNameInput),
      h('label', {}, t('admin.city'), storeCity), h('label', {}, t('admin.timeZone'), storeZone),
      h('label', {}, t('surveys.touchpoints'), storeTps)),
  h('div', { class: 'row' }, h('button', { class: 'primary', id: 'store-save', onclick: async () => {
    try {
      await api('PUT', '/api/stores/' + encodeURIComponent(storeId.value.trim()), { name: storeNameInput.value, city: storeCity.value,
        timeZone: storeZone.value, touchpoints: [...storeTps.selectedOptions].map(o => o.value) });
      toast(t('saved'));
      state.stores = await api('GET', '/api/stores');
      route();
    } catch (e) { showError(e); }
  } }, t('admin.saveStore'))));
  const csv = h('textarea', { id: 'import-csv', rows: 6 },
      'gtin,name_de,name_en,brand,category,price,currency,stock\n4012345000016,Hafermilch Barista,Oat milk barista,Oatly,dairy,2.49,EUR,berlin-mitte=12\n');
  // The browser's own file button speaks the browser's language, not the console's: a label stands in for it.
  const fileName = h('span', { class: 'muted', id: 'import-file-name' }, t('admin.noFile'));
  const file = h('input', { type: 'file', accept: '.csv,text/csv', id: 'import-file', class: 'visually-hidden', onchange: async () => {
    csv.value = await file.files[0].text();
    fileName.textContent = file.files[0].name;
  } });
  const filePicker = h('div', { class: 'row' }, file, h('label', { for: 'import-file', class: 'button', tabindex: '0',
      onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); file.click(); } } }, t('admin.chooseFile')), fileName);
  const report = h('div', { id: 'import-report' });
  const importCard = h('div', { class: 'card' }, h('h2', {}, t('admin.import')), filePicker, csv,
      h('button', { class: 'primary', id: 'import-button', onclick: async () => {
        try {
          const r = await api('POST', '/api/products/import', csv.value, 'text/csv');
          report.replaceChildren(h('p', { id: 'import-summary' }, r.imported + ' ' + t('admin.imported') + ', ' + r.rejected.length + ' '
              + t('admin.rejected')), r.rejected.length ? h('table', { id: 'import-rejected' }, h('thead', {}, h('tr', {},
              h('th', {}, t('admin.row')), h('th', {}, t('admin.field')), h('th', {}, t('admin.reason')))),
          h('tbody', {}, r.rejected.map(x => h('tr', {}, h('td', {}, String(x.row)), h('td', {}, x.field), h('td', {}, x.reason))))) : null);
          await loadAudit();
        } catch (e) { report.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message)); }
      } }, t('admin.importButton')), report);
  const uid = h('input', { id: 'erase-uid', autocomplete: 'off' });
  const eraseStatus = h('div', { id: 'erase-status' });
  // Erasure cannot be undone: the first click only asks, the second (on its own button) erases.
  const eraseNow = () => api('DELETE', '/api/admin/profiles/' + encodeURIComponent(uid.value.trim()))
      .then(() => {
        eraseStatus.replaceChildren();
        toast(t('admin.erased'));
        uid.value = '';
        return loadAudit();
      })
      .catch(e => eraseStatus.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message)));
  const askFirst = () => {
    if (!uid.value.trim()) {
      uid.setAttribute('aria-invalid', 'true');
      eraseStatus.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('admin.uid') + ': ' + t('admin.uidMissing')));
      return;
    }
    uid.removeAttribute('aria-invalid');
    const confirmButton = h('button', { class: 'danger', id: 'erase-confirm', onclick: eraseNow }, t('admin.eraseConfirmButton'));
    eraseStatus.replaceChildren(h('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'erase-question' },
        h('p', { id: 'erase-question' }, t('admin.eraseQuestion').replace('{uid}', uid.value.trim())),
        h('div', { class: 'row' }, confirmButton,
            h('button', { id: 'erase-cancel', onclick: () => eraseStatus.replaceChildren() }, t('admin.cancel')))));
    confirmButton.focus();
  };
  const eraseCard = h('div', { class: 'card' }, h('h2', {}, t('admin.erase')), h('p', { class: 'muted' }, t('admin.eraseHint')),
      h('div', { class: 'row' }, h('label', {}, t('admin.uid'), uid), h('button', { id: 'erase-button', onclick: askFirst }, t('admin.eraseButton'))),
      eraseStatus);
  const audit = h('div', { class: 'card', id: 'audit' });
  const loadAudit = async () => {
    const data = await api('GET', '/api/admin/audit?limit=50');
    if (!data.items.length) {
      audit.replaceChildren(h('h2', {}, t('admin.audit')), h('p', { class: 'muted' }, t('admin.auditEmpty')));
      return;
    }
    audit.replaceChildren(h('h2', {}, t('admin.audit')), h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('admin.auditAt')),
        h('th', {}, t('admin.auditAction')), h('th', {}, t('admin.auditSubject')), h('th', {}, t('admin.auditActor')),
        h('th', {}, t('admin.auditDetail')))), h('tbody', {}, data.items.map(a => h('tr', {},
        h('td', { class: 'muted' }, date(a.at)), h('td', { title: a.action }, t('audit.' + a.action) === 'audit.' + a.action ? a.action
            : t('audit.' + a.action)), h('td', {}, a.subject), h('td', { class: 'muted' }, a.actor || ''), h('td', {}, a.detail))))));
  };
  main.append(h('h1', {}, t('admin.title')), stores, h('div', { class: 'grid2' }, importCard, eraseCard), audit);
  await loadAudit().catch(e => audit.replaceChildren(h('p', { class: 'error' }, e.message)));
}

// ---------- start ----------
document.getElementById('lang').addEventListener('click', () => { setLang(lang() === 'de' ? 'en' : 'de'); boot(); });
document.getElementById('signout').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
setLang(lang());
init().catch(showError);
