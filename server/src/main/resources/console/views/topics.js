import { api } from '../api.js';
import { h, date } from '../dom.js';
import { lang, t } from '../i18n.js';

// ---------- topics: what the comments of the dashboard's scope are about ----------

/** Loads and shows the pain points and delights of a scope (the dashboard's query string). */
export async function showTopics(query) {
  const report = await api('GET', '/api/analytics/topics?lang=' + lang() + query);
  const list = (items, id) => h('div', { id }, items.length
    ? items.map(topic => h('div', { class: 'topic' },
        h('b', {}, topic.label), ' · ' + t('topics.comments', topic.count)
          + (topic.change == null ? '' : ' · ' + (topic.change > 0 ? '+' : '') + topic.change.toFixed(1) + ' pp'),
        topic.examples.slice(0, 2).map(e => h('div', { class: 'comment' }, e.text,
            h('small', {}, date(e.at) + (e.rating ? ' · ★' + e.rating : ''))))))
    : [h('p', { class: 'muted' }, report.count ? t('topics.none') : t('dash.noData'))]);
  document.getElementById('topics').replaceChildren(
      h('p', { class: 'muted' }, t('topics.legend', report.count)),
      h('div', { class: 'grid2' },
          h('div', {}, h('h3', {}, t('topics.pain')), list(report.painPoints, 'pain-points')),
          h('div', {}, h('h3', {}, t('topics.delights')), list(report.delights, 'delights'))));
}
