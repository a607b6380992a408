import { api } from '../api.js';
import { toast, showError, h, day } from '../dom.js';
import { t, lang } from '../i18n.js';
import { state } from '../state.js';

// ---------- offers ----------
export async function offers(main) {
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
        h('td', {}, o.definition.category || o.definition.gtin), h('td', { class: 'muted' }, t('offers.validTo') + ' ' + day(o.definition.validTo)),
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
