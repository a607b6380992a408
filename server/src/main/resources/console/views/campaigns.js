import { api } from '../api.js';
import { toast, showError, h } from '../dom.js';
import { t, lang } from '../i18n.js';
import { state } from '../state.js';

// ---------- campaigns ----------
export async function campaigns(main) {
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

export function funnel(c) {
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
