import { api } from '../api.js';
import { toast, showError, h, storeName, tpName, date } from '../dom.js';
import { t, lang } from '../i18n.js';
import { state } from '../state.js';

// ---------- kiosks ----------
// Store tablets are enrolled here, never on the tablet itself: the one-time code (text and QR
// code) is shown once, the tablet exchanges it for its own identity. The fleet view is our
// version of HappyOrNot's terminal status: last contact, app version and outbox backlog.
export async function kiosks(main) {
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
