import { api, download } from '../api.js';
import { toast, showError, h, tpName, date, storeName } from '../dom.js';
import { t, lang } from '../i18n.js';
import { route } from '../router.js';
import { state } from '../state.js';

// ---------- admin ----------
export async function admin(main) {
  // A store row opens the store in the form below for editing.
  const edit = (s, tps) => {
    storeId.value = s.id;
    storeNameInput.value = s.name;
    storeCity.value = s.city || '';
    storeZone.value = s.timeZone;
    [...storeTps.options].forEach(o => { o.selected = tps.some(tp => tp.id === o.value); });
    storeNameInput.focus();
  };
  const stores = h('div', { class: 'card' }, h('h2', {}, t('admin.stores')), h('p', { class: 'muted' }, t('admin.storesHint')),
      h('table', {}, h('tbody', {}, await Promise.all(
      state.stores.map(async s => {
        const tps = await api('GET', '/api/stores/' + s.id + '/touchpoints?lang=' + lang());
        return h('tr', { class: 'list-row', tabindex: 0, 'data-store': s.id, onclick: () => edit(s, tps),
          onkeydown: e => { if (e.key === 'Enter') edit(s, tps); } },
        h('td', {}, h('b', {}, s.name)), h('td', {}, s.city), h('td', { class: 'muted' }, s.timeZone),
        h('td', {}, tps.map(tp => tp.name).join(', ')));
      })))));
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
  // Privacy requests arrive by e-mail: find the customer by the address, then export or erase them.
  const email = h('input', { id: 'gdpr-email', type: 'email', autocomplete: 'off', placeholder: 'kunde@example.org' });
  const found = h('div', { id: 'gdpr-result' });
  const find = async () => {
    found.replaceChildren();
    try {
      const c = await api('GET', '/api/admin/customers?email=' + encodeURIComponent(email.value.trim()));
      found.replaceChildren(h('div', { class: 'match' }, h('div', {}, h('b', {}, c.name || '–'), ' · ', c.email,
          c.homeStoreId ? h('span', { class: 'muted' }, ' · ' + storeName(c.homeStoreId)) : null),
          h('div', { class: 'muted' }, t('admin.uid') + ' ' + c.uid),
          h('div', { class: 'row' },
              h('button', { type: 'button', id: 'gdpr-export', onclick: () => download('/api/admin/profiles/' + encodeURIComponent(c.uid)
                  + '/export').then(loadAudit).catch(showError) }, t('admin.exportButton')),
              h('button', { type: 'button', id: 'gdpr-erase', onclick: () => { uid.value = c.uid; askFirst(); } }, t('admin.eraseButton')))));
      await loadAudit();
    } catch (e) {
      found.replaceChildren(h('p', { class: e.problem && e.problem.status === 404 ? 'muted' : 'error', role: 'alert' },
          e.problem ? e.problem.detail || e.problem.title : e.message));
      await loadAudit().catch(() => {});
    }
  };
  const eraseCard = h('div', { class: 'card' }, h('h2', {}, t('admin.erase')), h('p', { class: 'muted' }, t('admin.eraseHint')),
      h('form', { class: 'row', onsubmit: ev => { ev.preventDefault(); find(); } }, h('label', {}, t('admin.findEmail'), email),
          h('button', { type: 'submit', id: 'gdpr-find' }, t('admin.findButton'))), found,
      h('div', { class: 'row' }, h('label', {}, t('admin.uid'), uid), h('button', { id: 'erase-button', onclick: askFirst }, t('admin.eraseButton'))),
      eraseStatus);
  // The audit log: filtered by action and actor, a page at a time, and as a CSV file.
  const audit = h('div', { class: 'card', id: 'audit' });
  const actionWord = a => t('audit.' + a) === 'audit.' + a ? a : t('audit.' + a);
  const auditAction = h('select', { id: 'audit-action' }, h('option', { value: '' }, t('admin.auditAllActions')),
      ['profile.lookup', 'profile.export', 'profile.erase', 'catalog.import', 'store.create', 'store.update', 'kiosk.enroll', 'kiosk.revoke']
          .map(a => h('option', { value: a }, actionWord(a))));
  const auditActor = h('input', { id: 'audit-actor', placeholder: t('admin.auditActorHint'), autocomplete: 'off' });
  const rows = h('tbody', {});
  const more = h('button', { type: 'button', id: 'audit-more', hidden: true }, t('admin.auditMore'));
  let next = null;
  const query = () => (auditAction.value ? '&action=' + encodeURIComponent(auditAction.value) : '')
      + (auditActor.value.trim() ? '&actor=' + encodeURIComponent(auditActor.value.trim()) : '');
  const row = a => h('tr', { 'data-position': a.position }, h('td', { class: 'muted' }, date(a.at)), h('td', { title: a.action }, actionWord(a.action)),
      h('td', {}, a.subjectName ? [h('b', {}, a.subjectName), h('div', { class: 'muted' }, a.subject)] : a.subject),
      h('td', { class: 'muted' }, a.actor || ''), h('td', {}, a.detail));
  const page = async append => {
    const data = await api('GET', '/api/admin/audit?limit=50' + query() + (append && next !== null ? '&before=' + next : ''));
    if (!append) rows.replaceChildren();
    rows.append(...data.items.map(row));
    next = data.next;
    more.hidden = next === null || next === undefined;
    empty.hidden = rows.children.length > 0;
  };
  const empty = h('p', { class: 'muted', id: 'audit-empty', hidden: true }, t('admin.auditEmpty'));
  more.addEventListener('click', () => page(true).catch(showError));
  auditAction.addEventListener('change', () => page(false).catch(showError));
  auditActor.addEventListener('change', () => page(false).catch(showError));
  audit.append(h('h2', {}, t('admin.audit')),
      h('div', { class: 'toolbar' }, h('label', {}, t('admin.auditAction'), auditAction), h('label', {}, t('admin.auditActor'), auditActor),
          h('span', { class: 'spacer' }), h('button', { type: 'button', id: 'audit-csv',
            onclick: () => download('/api/admin/audit?format=csv' + query()).catch(showError) }, t('admin.auditCsv'))),
      empty, h('div', { class: 'table-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('admin.auditAt')),
          h('th', {}, t('admin.auditAction')), h('th', {}, t('admin.auditSubject')), h('th', {}, t('admin.auditActor')),
          h('th', {}, t('admin.auditDetail')))), rows)), more);
  const loadAudit = () => page(false);
  main.append(h('h1', {}, t('admin.title')), stores, h('div', { class: 'grid2' }, importCard, eraseCard), audit);
  await loadAudit().catch(e => audit.replaceChildren(h('p', { class: 'error' }, e.message)));
}
