import { api, download } from '../api.js';
import { h, storeName, tpName, date, showError } from '../dom.js';
import { t, lang } from '../i18n.js';
import { state } from '../state.js';

// ---------- the answers behind a heatmap cell ----------
/**
 * Opens the answers of one store and touchpoint in the dashboard's range: newest first, 20 at a
 * time, filtered by category and product. The card stays while live updates redraw the heatmap.
 */
export function openDrilldown(storeId, touchpoint, from, to, preset = '') {
  const card = document.getElementById('drill');
  const category = h('select', { id: 'drill-category' }, h('option', { value: '' }, t('drill.allCategories')),
      state.categories.map(c => h('option', { value: c.id, selected: c.id === preset }, c.name)));
  const gtin = h('input', { id: 'drill-gtin', inputmode: 'numeric', placeholder: t('drill.gtinHint') });
  const list = h('div', { id: 'drill-list', class: 'answers' });
  const more = h('button', { id: 'drill-more', type: 'button', hidden: true }, t('drill.more'));
  const close = h('button', { id: 'drill-close', type: 'button' }, t('drill.close'));
  const exportAs = format => h('button', { id: 'drill-export-' + format, type: 'button',
    onclick: () => download(query().replace('/api/feedback/answers?', '/api/feedback/answers/export?') + '&format=' + format)
        .catch(showError) }, t('drill.export.' + format));
  let page = 0;
  const query = () => '/api/feedback/answers?storeId=' + encodeURIComponent(storeId) + '&touchpoint=' + encodeURIComponent(touchpoint)
      + '&from=' + from + '&to=' + to + '&size=20&lang=' + lang()
      + (category.value ? '&category=' + encodeURIComponent(category.value) : '')
      + (gtin.value.trim() ? '&gtin=' + encodeURIComponent(gtin.value.trim()) : '');
  const load = async append => {
    const result = await api('GET', query() + '&page=' + page);
    const rows = result.items.map(answerRow);
    if (append) list.append(...rows);
    else list.replaceChildren(...(rows.length ? rows : [h('p', { class: 'muted' }, t('dash.noData'))]));
    more.hidden = !result.more;
  };
  const reload = () => {
    page = 0;
    load(false).catch(showError);
  };
  category.addEventListener('change', reload);
  gtin.addEventListener('change', reload);
  more.addEventListener('click', () => {
    page++;
    load(true).catch(showError);
  });
  close.addEventListener('click', () => { card.hidden = true; });
  card.replaceChildren(h('div', { class: 'toolbar spread' }, h('h2', {}, storeName(storeId) + ' · ' + tpName(touchpoint)), close),
      h('div', { class: 'toolbar' }, h('label', {}, t('drill.category'), category), h('label', {}, t('drill.product'), gtin),
          exportAs('csv'), exportAs('xlsx')),
      list, more);
  card.hidden = false;
  reload();
  card.scrollIntoView({ block: 'nearest' });
}

function answerRow(a) {
  const scores = [date(a.createdAt), a.rating != null ? '★' + a.rating : null, a.nps != null ? 'NPS ' + a.nps : null,
    a.ces != null ? 'CES ' + a.ces : null].filter(Boolean).join(' · ');
  return h('div', { class: 'answer' }, h('small', { class: 'muted' }, scores),
      a.product ? h('div', {}, a.product, h('small', { class: 'muted' }, ' ' + a.gtin)) : null,
      a.comment ? h('div', { class: 'comment' }, a.comment) : h('div', { class: 'muted' }, t('drill.noComment')));
}
