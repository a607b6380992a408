import { api } from '../api.js';
import { h, fmt, showError } from '../dom.js';
import { t } from '../i18n.js';
import { state } from '../state.js';

// ---------- targets: what a store aims for, next to its KPIs ----------

/** The targets of the stores the caller may see, by store id. */
export function loadTargets() {
  return api('GET', '/api/analytics/targets');
}

/** The line under a KPI: the store's target and whether the score reaches it; nothing without a target. */
export function targetLine(value, target, id, unit) {
  if (target === null || target === undefined) return null;
  const shown = fmt(target) + unit;
  if (value === null || value === undefined) return h('div', { class: 'target muted', id }, t('target.line', shown));
  const met = value >= target;
  return h('div', { class: 'target ' + (met ? 'up' : 'down'), id }, (met ? '✓ ' : '✗ ') + t(met ? 'target.met' : 'target.missed', shown));
}

/** The form marketers and admins set a store's targets with; an empty field removes that target. */
export function targetEditor(storeId, target, onSaved) {
  if (!storeId || !['marketer', 'admin'].includes(state.session.role)) return null;
  const input = (id, min, max, value) => h('input', { type: 'number', id, min, max, step: 1, class: 'narrow', value: value ?? '' });
  const csat = input('target-csat', 0, 100, target?.csat);
  const nps = input('target-nps', -100, 100, target?.nps);
  const number = el => el.value === '' ? null : Number(el.value);
  const save = h('button', { type: 'button', id: 'target-save', class: 'ghost', onclick: () =>
    api('PUT', '/api/analytics/targets/' + storeId, { csat: number(csat), nps: number(nps) }).then(onSaved).catch(showError) },
  t('target.save'));
  return h('div', { class: 'toolbar targets', id: 'targets' }, h('b', {}, t('target.title')),
      h('label', {}, 'CSAT %', csat), h('label', {}, 'NPS', nps), save);
}
