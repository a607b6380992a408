import { api } from '../api.js';
import { toast, showError, h, storeName, tpName, date } from '../dom.js';
import { t } from '../i18n.js';

// ---------- cases ----------
export async function cases(main) {
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
