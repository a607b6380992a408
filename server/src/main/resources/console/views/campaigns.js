import { api } from '../api.js';
import { toast, showError, h, date } from '../dom.js';
import { t, lang } from '../i18n.js';
import { state } from '../state.js';

const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const percent = v => v === null || v === undefined ? '–'
  : new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'de-DE', { style: 'percent', maximumFractionDigits: 1 }).format(v);
const number = v => new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'de-DE').format(v);

/** A group of toggles for one audience rule: none picked means the rule does not narrow. */
function chips(id, field, options) {
  const el = h('div', { class: 'any-of', id, role: 'group', 'data-field': field },
      options.map(([v, label]) => h('label', { class: 'chip' }, h('input', { type: 'checkbox', value: v, 'data-chip': v }), label)));
  return {
    el,
    values: () => [...el.querySelectorAll('input:checked')].map(i => i.value),
    labels: () => [...el.querySelectorAll('input:checked')].map(i => i.parentElement.textContent),
    set: values => el.querySelectorAll('input').forEach(i => { i.checked = (values || []).includes(i.value); })
  };
}

/** Two or more buttons of which one is pressed; calls back with the pressed value. */
function segmented(id, options, onPick) {
  const el = h('div', { class: 'segmented', id, role: 'group' });
  const pick = value => {
    el.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.value === value)));
    onPick(value);
  };
  options.forEach(([value, label]) => el.append(h('button', { type: 'button', 'data-value': value, 'aria-pressed': 'false',
    onclick: () => pick(value) }, label)));
  return { el, pick, button: value => el.querySelector('[data-value="' + value + '"]') };
}

// ---------- campaigns ----------
export async function campaigns(main) {
  const offersList = (await api('GET', '/api/offers')).items;
  let editing = null;
  const f = {};
  f.name = h('input', { id: 'camp-name', 'data-field': 'name', placeholder: t('camp.name.hint') });
  f.stores = chips('camp-stores', 'audience.homeStoreIds', state.stores.map(s => [s.id, s.name]));
  f.locales = chips('camp-locales', 'audience.locales', [['de', 'Deutsch'], ['en', 'English']]);
  f.platforms = chips('camp-platforms', 'audience.platforms', [['android', 'Android'], ['ios', 'iOS']]);
  f.nps = chips('camp-nps', 'audience.npsGroups', [['promoter', t('camp.nps.promoter')], ['passive', t('camp.nps.passive')],
    ['detractor', t('camp.nps.detractor')]]);
  f.ages = chips('camp-ages', 'audience.ageBands', AGE_BANDS.map(b => [b, b === 'under-18' ? '< 18' : b]));
  f.category = h('select', { id: 'camp-category', 'data-field': 'audience.category' }, h('option', { value: '' }, t('camp.none')),
      state.categories.map(c => h('option', { value: c.id }, c.name)));
  f.affinity = h('select', { id: 'camp-affinity', 'data-field': 'audience.minAffinity' },
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(n => h('option', { value: n / 10 }, '≥ ' + percent(n / 10))));
  f.visited = h('input', { id: 'camp-visited', type: 'number', min: 1, 'data-field': 'audience.visitedWithinDays', inputmode: 'numeric',
    placeholder: t('camp.visited.hint') });
  const text = (id, field, hint, rows) => rows
    ? h('textarea', { id, rows, 'data-field': field, placeholder: hint })
    : h('input', { id, 'data-field': field, placeholder: hint });
  f.titleDe = text('camp-title-de', 'title-A-de', 'Hallo {firstName}!');
  f.bodyDe = text('camp-body-de', 'body-A-de', 'Neu diese Woche in {store}: {offer}', 2);
  f.titleEn = text('camp-title-en', 'title-A-en', 'Hi {firstName}!');
  f.bodyEn = text('camp-body-en', 'body-A-en', 'New this week at {store}: {offer}', 2);
  f.ab = h('input', { id: 'camp-ab', type: 'checkbox' });
  f.share = h('input', { id: 'camp-share', type: 'number', min: 1, max: 99, value: 50, inputmode: 'numeric' });
  f.titleBDe = text('camp-title-b', 'title-B-de', 'Nur dieses Wochenende');
  f.bodyBDe = text('camp-body-b', 'body-B-de', '{offer} in {store}', 2);
  f.titleBEn = text('camp-title-b-en', 'title-B-en', 'This weekend only');
  f.bodyBEn = text('camp-body-b-en', 'body-B-en', '{offer} at {store}', 2);
  f.offer = h('select', { id: 'camp-offer', 'data-field': 'offerId' }, h('option', { value: '' }, t('camp.none')),
      offersList.filter(o => !o.definition.recovery).map(o => h('option', { value: o.id }, o.definition.title[lang()] || o.definition.title.de)));
  f.schedule = h('kp-date', { id: 'camp-schedule', kind: 'datetime', 'data-field': 'scheduleAt' });
  f.quietFrom = h('kp-date', { id: 'camp-quiet-from', kind: 'time', 'data-field': 'quietHours.start' });
  f.quietTo = h('kp-date', { id: 'camp-quiet-to', kind: 'time', 'data-field': 'quietHours.end' });
  f.cap = h('input', { id: 'camp-cap', type: 'number', min: 1, 'data-field': 'frequencyCap.max', inputmode: 'numeric' });
  const size = h('div', { class: 'size', id: 'camp-size' }, '–');
  const phone = h('div', { class: 'phone', id: 'camp-phone' });
  const list = h('div', { class: 'card', id: 'camp-list' });
  const drafts = h('div', { class: 'card', id: 'camp-drafts' });
  const formError = h('p', { class: 'error', id: 'camp-error', role: 'alert' });
  const review = h('div', { id: 'camp-review', hidden: true });
  const heading = h('h2', {}, t('camp.new'));

  const texts = () => {
    const all = [['A', 'de', f.titleDe, f.bodyDe], ['A', 'en', f.titleEn, f.bodyEn]];
    if (f.ab.checked) all.push(['B', 'de', f.titleBDe, f.bodyBDe], ['B', 'en', f.titleBEn, f.bodyBEn]);
    // A language left empty is not sent: its readers get the German text (or the other one).
    return all.filter(([, , title, body]) => title.value.trim() || body.value.trim());
  };
  const audience = () => {
    const a = {};
    if (f.stores.values().length) a.homeStoreIds = f.stores.values();
    if (f.locales.values().length) a.locales = f.locales.values();
    if (f.platforms.values().length) a.platforms = f.platforms.values();
    if (f.nps.values().length) a.npsGroups = f.nps.values();
    if (f.ages.values().length) a.ageBands = f.ages.values();
    if (f.category.value) { a.category = f.category.value; a.minAffinity = Number(f.affinity.value); }
    if (f.visited.value) a.visitedWithinDays = Number(f.visited.value);
    return a;
  };
  const definition = () => {
    const share = Number(f.share.value);
    const variants = texts().map(([id, locale, title, body]) => {
      const v = { id, locale, title: title.value, body: body.value };
      if (f.ab.checked) v.share = id === 'A' ? share : 100 - share;
      return v;
    });
    const d = { name: f.name.value, audience: audience(), variants };
    if (f.offer.value) d.offerId = f.offer.value;
    // Not a date as typed: sent as it is, so that the server names the field.
    if (f.schedule.value) d.scheduleAt = /^\d{4}-/.test(f.schedule.value) ? new Date(f.schedule.value).toISOString() : f.schedule.value;
    if (f.quietFrom.value && f.quietTo.value) d.quietHours = { start: f.quietFrom.value, end: f.quietTo.value };
    if (f.cap.value) d.frequencyCap = { max: Number(f.cap.value), days: 7 };
    return d;
  };
  const load = d => {
    f.name.value = d.name;
    const a = d.audience || {};
    f.stores.set(a.homeStoreIds); f.locales.set(a.locales); f.platforms.set(a.platforms); f.nps.set(a.npsGroups); f.ages.set(a.ageBands);
    f.category.value = a.category || '';
    f.affinity.value = String(a.minAffinity || 0.1);
    f.visited.value = a.visitedWithinDays || '';
    const v = (id, locale) => d.variants.find(x => x.id === id && x.locale === locale) || { title: '', body: '' };
    [[f.titleDe, f.bodyDe, 'A', 'de'], [f.titleEn, f.bodyEn, 'A', 'en'], [f.titleBDe, f.bodyBDe, 'B', 'de'], [f.titleBEn, f.bodyBEn, 'B', 'en']]
        .forEach(([title, body, id, locale]) => { title.value = v(id, locale).title; body.value = v(id, locale).body; });
    f.ab.checked = d.variants.some(x => x.id === 'B');
    f.share.value = (d.variants.find(x => x.id === 'A') || {}).share || 50;
    f.offer.value = d.offerId || '';
    f.schedule.value = d.scheduleAt ? toLocalInput(d.scheduleAt) : '';
    f.quietFrom.value = d.quietHours ? d.quietHours.start : '';
    f.quietTo.value = d.quietHours ? d.quietHours.end : '';
    f.cap.value = d.frequencyCap ? d.frequencyCap.max : '';
    sync();
  };
  const reset = () => {
    editing = null;
    form.reset();
    [f.stores, f.locales, f.platforms, f.nps, f.ages].forEach(c => c.set([]));
    f.share.value = 50;
    heading.textContent = t('camp.new');
    review.hidden = true;
    sync();
  };

  const markInvalid = field => {
    form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    let path = field;
    // "variants[2].title" names the third text sent: find which field of the form that was.
    const m = field && field.match(/^variants\[(\d+)\]\.(title|body)$/);
    if (m) { const sent = texts()[Number(m[1])]; if (sent) path = m[2] + '-' + sent[0] + '-' + sent[1]; }
    while (path) {
      const el = form.querySelector('[data-field="' + CSS.escape(path) + '"]');
      if (el) { el.setAttribute('aria-invalid', 'true'); if (el.focus) el.focus(); return; }
      path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
  };
  const failed = e => {
    if (!e.problem) return showError(e);
    formError.textContent = e.problem.detail || e.problem.title;
    markInvalid(e.problem.field);
  };
  /** Saves the form as a draft (new or the one being edited) and returns it. */
  const save = async () => {
    formError.textContent = '';
    markInvalid(null);
    const c = editing ? await api('PUT', '/api/campaigns/' + editing, definition()) : await api('POST', '/api/campaigns', definition());
    editing = c.id;
    heading.textContent = t('camp.editing', c.definition.name);
    return c;
  };

  // ---- live count and preview ----
  let preview = null;
  let shown = { locale: lang(), variant: 'A' };
  const pickLocale = segmented('camp-preview-locale', [['de', 'DE'], ['en', 'EN']], v => { shown.locale = v; renderPhone(); });
  const pickVariant = segmented('camp-preview-variant', [['A', 'A'], ['B', 'B']], v => { shown.variant = v; renderPhone(); });
  const clock = () => new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit' }).format(new Date());
  const renderPhone = () => {
    const samples = preview ? preview.samples : [];
    const sample = samples.find(s => s.variant === shown.variant && s.locale === shown.locale)
        || samples.find(s => s.variant === shown.variant && s.locale === 'de') || samples.find(s => s.variant === shown.variant);
    phone.replaceChildren(h('div', { class: 'lock-time' }, clock()), sample
      ? h('div', { class: 'notification' }, h('div', { class: 'notification-head' }, h('span', { class: 'app-icon' }, 'K'),
          h('span', {}, 'Kundenpuls'), h('span', { class: 'spacer' }), h('span', {}, t('camp.justNow'))),
          h('b', {}, sample.title), sample.body)
      : h('div', { class: 'notification empty' }, t('camp.preview.empty')));
  };
  let timer = null;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      // The count needs no name or text yet; stand-ins keep the request valid while the form is empty.
      const d = definition();
      d.name = d.name || '—';
      const counting = d.variants.length === 0;
      if (counting) d.variants = [{ locale: 'de', title: '—', body: '—' }];
      try {
        preview = await api('POST', '/api/campaigns/preview', d);
        size.textContent = number(preview.audienceSize);
        if (counting) preview.samples = [];
      } catch (e) {
        size.textContent = '!';
        preview = null;
      }
      renderPhone();
    }, 250);
  };

  // ---- review step ----
  const audienceWords = () => {
    const parts = [];
    if (f.stores.values().length) parts.push(t('camp.stores') + ': ' + f.stores.labels().join(', '));
    if (f.locales.values().length) parts.push(t('camp.locales') + ': ' + f.locales.labels().join(', '));
    if (f.platforms.values().length) parts.push(t('camp.platforms') + ': ' + f.platforms.labels().join(', '));
    if (f.nps.values().length) parts.push(t('camp.nps') + ': ' + f.nps.labels().join(', '));
    if (f.ages.values().length) parts.push(t('camp.ages') + ': ' + f.ages.labels().join(', '));
    if (f.category.value) parts.push(t('camp.category') + ': ' + f.category.selectedOptions[0].textContent + ' ' + f.affinity.selectedOptions[0].textContent);
    if (f.visited.value) parts.push(t('camp.visited.words', f.visited.value));
    return parts.length ? parts.join(' · ') : t('camp.audience.everyone');
  };
  const openReview = async () => {
    try {
      const c = await save();
      const r = await api('GET', '/api/campaigns/' + c.id + '/review');
      const lines = [h('li', {}, t('camp.review.audience', audienceWords())),
        h('li', {}, r.variants.length > 1
          ? t('camp.review.split', r.variants.map(v => v.id + ' ' + v.share + ' % (≈ ' + number(v.expected) + ')').join(' · '))
          : t('camp.review.single')),
        h('li', {}, r.scheduleAt ? t('camp.review.scheduled', date(r.scheduleAt)) : t('camp.review.now'))];
      if (r.offerTitle) lines.push(h('li', {}, t('camp.review.offer', r.offerTitle)));
      if (r.quietHours) {
        // Counted for the moment the campaign goes out: now, or its scheduled time.
        const key = r.scheduleAt ? 'camp.review.quietScheduled' : 'camp.review.quiet';
        lines.push(h('li', { class: r.inQuietHoursNow ? 'warn' : '' }, r.inQuietHoursNow
          ? t(key, number(r.inQuietHoursNow), r.quietHours.start, r.quietHours.end)
          : t('camp.review.quietNone', r.quietHours.start, r.quietHours.end)));
      }
      if (r.frequencyCap) lines.push(h('li', {}, t('camp.review.cap', r.frequencyCap.max, r.frequencyCap.days)));
      if (r.contactBudget) {
        lines.push(h('li', { id: 'camp-review-budget', class: r.overContactBudget ? 'warn' : '' }, r.overContactBudget
          ? t('camp.review.budget', number(r.overContactBudget), r.contactBudget.max, r.contactBudget.days)
          : t('camp.review.budgetNone', r.contactBudget.max, r.contactBudget.days)));
      }
      const go = h('button', { class: 'primary', type: 'button', id: 'camp-confirm-send', onclick: async () => {
        go.disabled = true;
        try {
          await api('POST', '/api/campaigns/' + c.id + '/send');
          toast(r.scheduleAt ? t('camp.review.doneScheduled') : t('camp.review.done'));
          reset();
          await loadLists();
        } catch (e) { go.disabled = false; showError(e); }
      } }, r.scheduleAt ? t('camp.review.confirmScheduled', number(r.audienceSize)) : t('camp.review.confirm', number(r.audienceSize)));
      review.replaceChildren(h('div', { class: 'confirm review', role: 'dialog', 'aria-labelledby': 'camp-review-title' },
          h('h3', { id: 'camp-review-title' }, t('camp.review.title', number(r.audienceSize))),
          h('ul', {}, lines),
          h('div', { class: 'row' }, go, h('button', { type: 'button', id: 'camp-confirm-cancel', onclick: () => { review.hidden = true; } },
              t('camp.review.back')))));
      review.hidden = false;
      await loadLists();
      go.focus();
    } catch (e) { failed(e); }
  };
  const testSend = async () => {
    try {
      const c = await save();
      const r = await api('POST', '/api/campaigns/' + c.id + '/test');
      toast(t('camp.test.done', r.sent, r.devices));
      await loadLists();
    } catch (e) { failed(e); }
  };

  const form = h('form', { class: 'card', id: 'camp-form', novalidate: true, onsubmit: ev => { ev.preventDefault(); } },
      heading,
      h('div', { class: 'form-grid' }, h('label', {}, t('camp.name'), f.name), h('label', {}, t('camp.offer'), f.offer),
          h('label', {}, t('camp.schedule'), f.schedule)),
      h('h2', {}, t('camp.audience')), h('p', { class: 'muted' }, t('camp.audience.hint')),
      h('div', { class: 'rules' },
          h('div', { class: 'rule' }, h('span', { class: 'rule-name' }, t('camp.stores')), f.stores.el),
          h('div', { class: 'rule' }, h('span', { class: 'rule-name' }, t('camp.locales')), f.locales.el),
          h('div', { class: 'rule' }, h('span', { class: 'rule-name' }, t('camp.platforms')), f.platforms.el),
          h('div', { class: 'rule' }, h('span', { class: 'rule-name' }, t('camp.nps')), f.nps.el),
          h('div', { class: 'rule' }, h('span', { class: 'rule-name' }, t('camp.ages')), f.ages.el),
          h('div', { class: 'rule' }, h('span', { class: 'rule-name' }, t('camp.category')), h('div', { class: 'row' }, f.category, f.affinity)),
          h('div', { class: 'rule' }, h('span', { class: 'rule-name' }, t('camp.visited')), f.visited)),
      h('div', { class: 'row' }, size, h('span', { class: 'muted' }, t('camp.size'))),
      h('h2', {}, t('camp.variants')), h('p', { class: 'muted' }, t('camp.placeholders')),
      h('div', { class: 'grid2 compose' }, h('div', { class: 'texts' },
          h('label', {}, t('camp.title.de'), f.titleDe), h('label', {}, t('camp.body.de'), f.bodyDe),
          h('label', {}, t('camp.title.en'), f.titleEn), h('label', {}, t('camp.body.en'), f.bodyEn),
          h('label', { class: 'check' }, f.ab, t('camp.ab')), h('label', {}, t('camp.shareA'), f.share),
          h('label', {}, 'B · ' + t('camp.title.de'), f.titleBDe), h('label', {}, 'B · ' + t('camp.body.de'), f.bodyBDe),
          h('label', {}, 'B · ' + t('camp.title.en'), f.titleBEn), h('label', {}, 'B · ' + t('camp.body.en'), f.bodyBEn)),
      h('div', { class: 'preview' }, h('span', { class: 'rule-name' }, t('camp.preview')),
          h('div', { class: 'row' }, pickLocale.el, pickVariant.el), phone)),
      h('div', { class: 'form-grid' }, h('label', {}, t('camp.quiet'), h('div', { class: 'row' }, f.quietFrom, f.quietTo)),
          h('label', {}, t('camp.cap'), f.cap)),
      formError,
      h('div', { class: 'row' },
          h('button', { type: 'button', id: 'camp-save', onclick: async () => {
            try { await save(); toast(t('camp.saved')); await loadLists(); } catch (e) { failed(e); }
          } }, t('camp.saveDraft')),
          h('button', { type: 'button', id: 'camp-test', onclick: testSend }, t('camp.test')),
          h('span', { class: 'spacer' }),
          h('button', { type: 'button', id: 'camp-new', onclick: reset }, t('camp.discardForm')),
          h('button', { class: 'primary', id: 'camp-create', type: 'button', onclick: openReview }, t('camp.reviewButton'))),
      review);
  // Variant B's fields only count with the A/B test switched on; the affinity only with a category.
  const sync = () => {
    [f.share, f.titleBDe, f.bodyBDe, f.titleBEn, f.bodyBEn].forEach(el => { el.disabled = !f.ab.checked; });
    pickVariant.button('B').disabled = !f.ab.checked;
    if (!f.ab.checked && shown.variant === 'B') pickVariant.pick('A');
    f.affinity.disabled = !f.category.value;
    refresh();
  };
  form.addEventListener('input', () => { review.hidden = true; refresh(); });
  form.addEventListener('change', sync);

  const loadLists = async () => {
    const data = await api('GET', '/api/campaigns');
    const open = data.items.filter(c => c.state === 'draft');
    drafts.replaceChildren(h('h2', {}, t('camp.drafts')), open.length
      ? h('table', {}, h('tbody', {}, open.map(c => h('tr', { class: 'list-row', tabindex: 0, 'data-draft': c.id,
        onclick: () => edit(c), onkeydown: e => e.key === 'Enter' && edit(c) },
        h('td', {}, h('b', {}, c.definition.name)), h('td', { class: 'muted' }, t('camp.createdAt', date(c.createdAt))),
        h('td', {}, h('button', { type: 'button', class: 'icon danger', 'aria-label': t('camp.deleteDraft'), title: t('camp.deleteDraft'),
          onclick: async e => {
            e.stopPropagation();
            try { await api('DELETE', '/api/campaigns/' + c.id); if (editing === c.id) reset(); await loadLists(); } catch (err) { showError(err); }
          } }, '✕'))))))
      : h('p', { class: 'muted', id: 'camp-no-drafts' }, t('camp.noDrafts')));
    const out = data.items.filter(c => c.state !== 'draft');
    list.replaceChildren(h('h2', {}, t('camp.funnel')), ...(out.length ? out.map(funnel)
      : [h('p', { class: 'muted', id: 'camp-empty' }, t('camp.empty'))]));
    return data.items;
  };
  const edit = c => {
    editing = c.id;
    load(c.definition);
    heading.textContent = t('camp.editing', c.definition.name);
    review.hidden = true;
    f.name.focus();
  };
  main.append(h('h1', {}, t('camp.title')), list, drafts, form);
  await loadLists();
  pickLocale.pick(lang());
  pickVariant.pick('A');
  sync();
  const poll = setInterval(async () => {
    if (document.body.dataset.view !== 'campaigns' || !main.isConnected) return clearInterval(poll);
    const items = await loadLists().catch(() => []);
    if (!items.some(c => c.state === 'sending' || c.state === 'scheduled')) return;
  }, 1000);
}

function toLocalInput(iso) {
  const d = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
}

export function funnel(c) {
  const s = c.stats;
  const max = Math.max(1, s.targeted);
  const bar = (label, n, cls) => h('div', { class: 'row' }, h('span', { class: 'muted bar-label' }, label),
      h('div', { class: 'bar ' + cls, style: 'width:' + Math.max(2, 100 * n / max) + '%' }, number(n)));
  const rate = (k, n) => n ? k / n : null;
  const cell = (k, n) => h('td', {}, percent(rate(k, n)), ' ', h('small', { class: 'muted' }, number(k) + '/' + number(n)));
  const variants = Object.entries(s.variants || {});
  const rates = variants.length > 1 ? h('table', { class: 'rates' },
      h('thead', {}, h('tr', {}, h('th', {}, t('camp.variant')), h('th', {}, t('camp.rate.sent')), h('th', {}, t('camp.rate.opened')),
          h('th', {}, t('camp.rate.redeemed')))),
      h('tbody', {}, variants.map(([id, v]) => h('tr', { 'data-variant': id }, h('td', {}, h('b', {}, id)),
          cell(v.sent, v.targeted), cell(v.opened, v.sent), cell(v.redeemed, v.opened))))) : null;
  const verdicts = c.comparison ? h('ul', { class: 'verdicts' }, c.comparison.rates.map(r => h('li', { 'data-rate': r.rate,
    class: r.significant ? 'significant' : '' }, t('camp.rate.' + r.rate.split('/')[0]) + ': ' + c.comparison.a + ' ' + percent(r.rateA)
      + ' · ' + c.comparison.b + ' ' + percent(r.rateB) + ' – ' + (r.pValue === null || r.pValue === undefined ? t('camp.ab.tooFew')
      : (r.significant ? t('camp.ab.differ', fmtP(r.pValue)) : t('camp.ab.same', fmtP(r.pValue))))))) : null;
  return h('div', { class: 'funnel', 'data-campaign': c.id }, h('div', { class: 'row' }, h('b', {}, c.definition.name),
      h('span', { class: 'pill ' + c.state }, t('camp.state.' + c.state)),
      c.state === 'scheduled' && c.definition.scheduleAt ? h('span', { class: 'muted' }, date(c.definition.scheduleAt)) : null),
      bar(t('camp.targeted'), s.targeted, 'targeted'), bar(t('camp.sent'), s.sent, 'sent'), bar(t('camp.opened'), s.opened, 'opened'),
      bar(t('camp.redeemed'), s.redeemed, 'redeemed'),
      h('div', { class: 'muted' }, t('camp.failed') + ' ' + s.failed + ' · ' + t('camp.unregistered') + ' ' + s.unregistered
          + ' · ' + t('camp.suppressed') + ' ' + s.suppressed, s.skippedContactBudget
          ? h('span', { class: 'skipped-budget' }, ' (' + t('camp.skippedBudget', number(s.skippedContactBudget)) + ')') : null,
          s.waiting ? h('span', { class: 'waiting' }, ' · ' + t('camp.waiting', number(s.waiting))) : null),
      rates, verdicts);
}

const fmtP = p => p < 0.001 ? '< 0.001' : new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 3 }).format(p);
