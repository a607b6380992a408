import { api } from '../api.js';
import { toast, showError, h, storeName, tpName, date } from '../dom.js';
import { t, lang } from '../i18n.js';
import { state } from '../state.js';

// Reply templates in both languages: staff answer in the customer's language, whatever the console's.
const TEMPLATES = {
  de: [
    ['Entschuldigung', 'Das tut uns sehr leid. Danke, dass Sie es uns sagen – wir haben es an das Team weitergegeben und kümmern uns darum.'],
    ['Rückruf', 'Danke für Ihre Nachricht. Wir rufen Sie gern zurück: Wann passt es Ihnen am besten?'],
    ['Erledigt', 'Wir haben das Problem behoben. Beim nächsten Einkauf sollte alles wieder stimmen – sagen Sie uns gern, wie es war.']
  ],
  en: [
    ['Apology', 'We are very sorry about this. Thank you for telling us – we have passed it on to the team and are on it.'],
    ['Call back', 'Thank you for your message. We are happy to call you back: when suits you best?'],
    ['Fixed', 'We have fixed the problem. Everything should be right on your next visit – do let us know how it went.']
  ]
};

/** "due in 3 h 20 min" or "overdue by 5 h", in the console's language. */
export function countdown(dueAt, now = Date.now()) {
  const minutes = Math.round((Date.parse(dueAt) - now) / 60000);
  const abs = Math.abs(minutes);
  const span = abs >= 2 * 1440 ? Math.round(abs / 1440) + ' ' + t('cases.days')
    : abs >= 60 ? Math.floor(abs / 60) + ' ' + t('cases.hours') + (abs % 60 && abs < 600 ? ' ' + (abs % 60) + ' ' + t('cases.minutes') : '')
      : abs + ' ' + t('cases.minutes');
  return minutes >= 0 ? t('cases.dueIn', span) : t('cases.overdueBy', span);
}

/** "Assign to …": the store's other colleagues (those who have worked its cases), or nothing when there are none. */
function assignTo(c, team, done) {
  const others = team.filter(m => m.uid !== c.assignee && m.uid !== (state.session && state.session.uid));
  if (c.state === 'closed' || !others.length) return null;
  const pick = h('select', { id: 'case-assign', 'aria-label': t('cases.assignTo') }, h('option', { value: '' }, t('cases.assignTo')),
      others.map(m => h('option', { value: m.uid }, m.name)));
  pick.addEventListener('change', () => {
    if (!pick.value) return;
    const who = pick.selectedOptions[0].textContent;
    api('POST', '/api/cases/' + c.id + '/assign', { uid: pick.value })
      .then(() => { toast(t('cases.assigned', who)); done(); }).catch(showError);
  });
  return pick;
}

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
    h('td', { class: c.overdue ? 'sla overdue' : 'sla muted' }, c.state === 'closed' ? '' : countdown(c.dueAt)))))) : h('p', { class: 'muted' }, t('cases.none')));
  };
  // Opened with the keyboard, the case puts the cursor into the reply: the next thing staff do.
  const open = async (id, focusReply = false) => {
    const c = await api('GET', '/api/cases/' + id);
    const team = c.state === 'closed' ? [] : (await api('GET', '/api/cases/colleagues?storeId=' + encodeURIComponent(c.storeId))).items;
    const text = h('textarea', { id: 'case-reply', rows: 3 });
    const d = c.detail || {};
    const who = d.customer && d.customer.contactAllowed
      ? h('div', { class: 'case-customer', id: 'case-customer' }, h('b', {}, d.customer.name || t('cases.noName')),
          d.customer.email ? h('div', {}, h('a', { href: 'mailto:' + d.customer.email }, d.customer.email)) : null,
          d.customer.address ? h('div', { class: 'muted' }, d.customer.address) : null)
      : h('div', { class: 'case-customer muted', id: 'case-customer' }, t('cases.noContact'));
    const a = d.answer;
    const facts = a ? h('dl', { class: 'facts', id: 'case-answer' },
        h('dt', {}, t('cases.touchpoint')), h('dd', {}, tpName(c.touchpoint)),
        a.rating ? [h('dt', {}, t('cases.rating')), h('dd', {}, '★' + a.rating)] : null,
        a.nps !== undefined && a.nps !== null ? [h('dt', {}, 'NPS'), h('dd', {}, String(a.nps))] : null,
        a.ces ? [h('dt', {}, 'CES'), h('dd', {}, String(a.ces))] : null,
        Object.entries(a.dimensions || {}).flatMap(([k, v]) => [h('dt', {}, t('dim.' + k)), h('dd', {}, '★' + v)]),
        a.gtin ? [h('dt', {}, t('cases.product')), h('dd', {}, (a.product || '') + ' (' + a.gtin + ')')] : null,
        h('dt', {}, t('cases.answeredAt')), h('dd', {}, date(a.createdAt))) : null;
    const o = d.outcome;
    const loop = o ? h('ul', { class: 'outcome', id: 'case-outcome' },
        h('li', { class: o.repliedBack ? 'yes' : '' }, o.repliedBack ? t('cases.outcome.replied') : t('cases.outcome.notReplied')),
        h('li', { class: o.ratedAgainAt ? 'yes' : '' }, o.ratedAgainAt
          ? t('cases.outcome.rated', (o.ratedAgain ? '★' + o.ratedAgain : '–'), date(o.ratedAgainAt)) : t('cases.outcome.notRated')),
        o.recoveryOffered ? h('li', { class: o.recoveryRedeemedAt ? 'yes' : '' }, o.recoveryRedeemedAt
          ? t('cases.outcome.redeemed', date(o.recoveryRedeemedAt)) : t('cases.outcome.notRedeemed')) : null) : null;
    const mine = state.session && c.assignee === state.session.uid;
    const template = h('select', { id: 'case-template', 'aria-label': t('cases.template') }, h('option', { value: '' }, t('cases.template')),
        ['de', 'en'].map(l => h('optgroup', { label: l === 'de' ? 'Deutsch' : 'English' },
            TEMPLATES[l].map(([name, body], i) => h('option', { value: l + ':' + i }, name)))));
    template.addEventListener('change', () => {
      if (!template.value) return;
      const [l, i] = template.value.split(':');
      text.value = TEMPLATES[l][Number(i)][1];
      template.value = '';
      text.focus();
    });
    detail.replaceChildren(h('h2', {}, storeName(c.storeId) + ' · ' + tpName(c.touchpoint)),
        h('div', { class: 'row' }, h('span', { class: 'pill ' + (c.overdue ? 'overdue' : c.state) }, c.overdue ? t('cases.overdue') : t('cases.' + c.state)),
            c.state === 'closed' ? null : h('span', { class: c.overdue ? 'sla overdue' : 'sla muted', id: 'case-sla' }, countdown(c.dueAt)),
            h('span', { class: 'spacer' }),
            h('span', { class: 'muted', id: 'case-assignee' }, c.assignee ? (mine ? t('cases.assignedToMe')
              : t('cases.assignedTo', c.assigneeName || c.assignee)) : t('cases.unassigned')),
            c.state === 'closed' || mine ? null : h('button', { type: 'button', id: 'case-take', onclick: () => api('POST', '/api/cases/' + id + '/take')
                .then(() => { open(id); load(); }).catch(showError) }, t('cases.take')),
            assignTo(c, team, () => { open(id); load(); })),
        h('div', { class: 'grid2 case-facts' }, h('div', {}, h('h3', {}, t('cases.customer')), who), h('div', {}, h('h3', {}, t('cases.answer')), facts)),
        h('div', { class: 'comment' }, c.comment || '', h('small', {}, (c.rating ? '★' + c.rating + ' · ' : '') + date(c.openedAt))),
        h('div', { class: 'thread' }, c.messages.map(m => h('div', { class: 'msg ' + m.author }, m.text, h('small', { class: 'muted' }, ' ' + date(m.at))))),
        loop ? h('div', {}, h('h3', {}, t('cases.outcome')), loop) : null,
        c.state === 'closed' ? null : h('div', { class: 'row' }, template),
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
