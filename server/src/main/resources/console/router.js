import { api } from './api.js';
import { toast, showError, storeName, tpName } from './dom.js';
import { t, lang, applyI18n } from './i18n.js';
import { showSignIn } from './session.js';
import { state } from './state.js';
import { admin } from './views/admin.js';
import { campaigns } from './views/campaigns.js';
import { cases } from './views/cases.js';
import { dashboard } from './views/dashboard.js';
import { kiosks } from './views/kiosks.js';
import { offers } from './views/offers.js';
import { surveys } from './views/surveys.js';

// ---------- shell ----------
export async function boot() {
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

export async function openStream() {
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
        + ' ' + t('dash.unhappy') + ' (' + a.windowMinutes + ' min)' + (a.painPoint ? ' – „' + a.painPoint + '“' : ''), 'alert');
    document.dispatchEvent(new CustomEvent('kp:alert', { detail: a }));
  });
  source.addEventListener('scores', ev => document.dispatchEvent(new CustomEvent('kp:scores', { detail: JSON.parse(ev.data) })));
}

export const views = { dashboard, cases, kiosks, campaigns, offers, surveys, admin };
// The pages each role may use: the server refuses the rest anyway, so the console does not offer them.
export const VIEWS_BY_ROLE = {
  staff: ['dashboard', 'cases', 'kiosks'],
  marketer: ['dashboard', 'campaigns', 'offers', 'surveys'],
  admin: ['dashboard', 'cases', 'kiosks', 'campaigns', 'offers', 'surveys', 'admin'],
};
export function allowedViews() {
  return VIEWS_BY_ROLE[state.session && state.session.role] || ['dashboard'];
}

export function route() {
  // A link followed while signed out changes only the hash: the sign-in stays, and boot() routes
  // to that page once signed in.
  if (!state.session) return;
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
  // Each render gets a host of its own: a render still loading when the next one starts (a
  // sign-in followed by a link) then fills a detached host instead of adding a second page.
  const host = document.createElement('div');
  host.className = 'view';
  main.replaceChildren(host);
  document.body.dataset.view = name;
  if (fromNavigation) main.focus({ preventScroll: true });
  view(host).catch(e => { if (document.body.dataset.view === name && host.isConnected) showError(e); });
}
