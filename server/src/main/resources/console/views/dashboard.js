import { api, download } from '../api.js';
import { showError, h, fmt, storeName, tpName, date } from '../dom.js';
import { t } from '../i18n.js';
import { state } from '../state.js';
import { openDrilldown } from './drilldown.js';
import { periodOf, previousRange } from './periods.js';
import { loadTargets, targetEditor, targetLine } from './targets.js';
import { showTopics } from './topics.js';

// ---------- dashboard ----------
/**
 * Today as the stores count days: answers are dated in their store's time zone, so "today" is the
 * latest calendar date among the stores (not the UTC date, which lags in Europe between midnight and
 * one or two o'clock, and not only the browser's).
 */
export function storeToday() {
  const dateIn = timeZone => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date());
  const zones = [...new Set(state.stores.map(s => s.timeZone).filter(Boolean))];
  return [dateIn(undefined), ...zones.map(z => { try { return dateIn(z); } catch { return ''; } })].sort().pop();
}

/** The smallest number of answers whose score the dashboard reads as a verdict; the user may change it. */
function minN() {
  const saved = Number(localStorage.getItem('kp.minN'));
  return Number.isInteger(saved) && saved >= 1 ? saved : 5;
}

export async function dashboard(main) {
  const staffStore = state.session.role === 'staff' ? state.session.store : null;
  const today = storeToday();
  const monthAgo = new Date(Date.parse(today) - 27 * 86400000).toISOString().slice(0, 10);
  const storeSel = h('select', { id: 'dash-store', disabled: !!staffStore },
      staffStore ? [] : [h('option', { value: '' }, t('dash.all'))],
      state.stores.filter(s => !staffStore || s.id === staffStore).map(s => h('option', { value: s.id }, s.name)));
  const from = h('kp-date', { id: 'dash-from', value: monthAgo });
  const to = h('kp-date', { id: 'dash-to', value: today });
  const granularity = h('select', { id: 'dash-granularity' }, ['day', 'week', 'month', 'quarter'].map(g =>
      h('option', { value: g, selected: g === 'week' }, t('dash.by.' + g))));
  const category = h('select', { id: 'dash-category' }, h('option', { value: '' }, t('drill.allCategories')),
      state.categories.map(c => h('option', { value: c.id }, c.name)));
  const minimum = h('input', { type: 'number', id: 'dash-min-n', min: 1, max: 1000, value: minN(), class: 'narrow' });
  const kpis = h('div', { class: 'kpis', id: 'kpis' });
  const targetSlot = h('div', { id: 'target-slot' });
  const heat = h('div', { class: 'card' }, h('h2', {}, t('dash.heatmap')), h('div', { id: 'heatmap' }));
  const exportScores = format => h('button', { id: 'scores-export-' + format, type: 'button', class: 'ghost',
    onclick: () => download('/api/analytics/scores/export?granularity=' + granularity.value + q(from.value, to.value) + '&format=' + format)
        .catch(showError) }, t('drill.export.' + format));
  const trend = h('div', { class: 'card' }, h('div', { class: 'toolbar spread' }, h('h2', { id: 'trend-title' }, t('dash.trend.week')),
      h('span', {}, exportScores('csv'), exportScores('xlsx'))),
      h('canvas', { id: 'trend', height: 160 }), h('p', { class: 'muted no-data', id: 'trend-empty', hidden: true }, t('dash.noData')));
  const dims = h('div', { class: 'card' }, h('h2', {}, t('dash.dimensions')), h('canvas', { id: 'dims', height: 160 }),
      h('p', { class: 'muted no-data', id: 'dims-empty', hidden: true }, t('dash.noData')));
  const worst = h('div', { class: 'card' }, h('h2', {}, t('dash.worst')), h('div', { id: 'worst' }));
  const alerts = h('div', { class: 'card' }, h('h2', {}, t('dash.alerts')), h('div', { id: 'alerts' }));
  const topics = h('div', { class: 'card' }, h('h2', {}, t('topics.title')), h('div', { id: 'topics' }));
  main.append(h('div', { class: 'toolbar' }, h('h1', {}, t('dash.title')), h('span', { class: 'pill sending', id: 'live' }, '● ' + t('dash.live'))),
      h('div', { class: 'toolbar' }, h('label', {}, t('dash.store'), storeSel), h('label', {}, t('dash.from'), from),
          h('label', {}, t('dash.to'), to), h('label', {}, t('drill.category'), category),
          h('label', {}, t('dash.granularity'), granularity),
          h('label', { title: t('dash.minNHint') }, t('dash.minN'), minimum)),
      kpis, targetSlot, h('div', { class: 'grid2' }, heat, worst), h('div', { class: 'card', id: 'drill', hidden: true }),
      topics, h('div', { class: 'grid2' }, trend, dims), alerts);
  const q = (a, b) => (storeSel.value ? '&storeId=' + storeSel.value : '') + (category.value ? '&category=' + category.value : '')
      + '&from=' + a + '&to=' + b;
  let loading = null;
  const load = async () => {
    const prev = previousRange(from.value, to.value);
    const [total, before, targets] = await Promise.all([
      api('GET', '/api/analytics/scores?granularity=' + granularity.value + q(from.value, to.value)),
      api('GET', '/api/analytics/scores?granularity=quarter' + q(prev.from, prev.to)), storeSel.value ? loadTargets() : {}]);
    const target = targets[storeSel.value] || null;
    const vs = t('dash.vsPrevious', prev.days);
    kpis.replaceChildren(
        kpi(t('dash.answers'), fmt(total.count), 'kpi-count', delta(total.count, before.count, 0, '', vs)),
        kpi('CSAT', fmt(total.csat) + (total.csat == null ? '' : ' %'), 'kpi-csat', delta(total.csat, before.csat, 1, ' pp', vs),
            targetLine(total.csat, target?.csat, 'kpi-csat-target', ' %')),
        kpi('NPS', fmt(total.nps), 'kpi-nps', delta(total.nps, before.nps, 1, '', vs), targetLine(total.nps, target?.nps, 'kpi-nps-target', '')),
        // Less effort is better: a falling CES is the good direction.
        kpi('CES', fmt(total.ces, 1), 'kpi-ces', delta(total.ces, before.ces, 1, '', vs, true)));
    targetSlot.replaceChildren(...[targetEditor(storeSel.value, target, reload)].filter(Boolean));
    await heatmap(storeSel.value, from.value, to.value, minN(), category.value);
    await showTopics(q(from.value, to.value));
    renderTrend(total, granularity.value, to.value >= today ? periodOf(today, granularity.value) : null);
    renderDims(total);
    const alertList = await api('GET', '/api/analytics/alerts' + (storeSel.value ? '?storeId=' + storeSel.value : ''));
    renderAlerts(alertList.items);
  };
  // A reload still running when the user moves on must not write into (or complain about) a view that is gone.
  // An update arriving during a reload may not be in the data being read: one more reload follows it.
  let again = false;
  const ownView = document.body.dataset.view;
  const reload = () => {
    // A render that was replaced before it finished (its host left the page) stops listening.
    if (!main.isConnected) {
      document.removeEventListener('kp:scores', onScores);
      document.removeEventListener('kp:alert', reload);
      return;
    }
    if (document.body.dataset.view !== ownView) return;
    if (loading) {
      again = true;
      return;
    }
    loading = load().catch(e => { if (document.body.dataset.view === ownView) showError(e); }).finally(() => {
      loading = null;
      if (again) {
        again = false;
        reload();
      }
    });
  };
  minimum.addEventListener('change', () => {
    const n = Number(minimum.value);
    if (Number.isInteger(n) && n >= 1) localStorage.setItem('kp.minN', String(n));
    reload();
  });
  granularity.addEventListener('change', () => {
    document.getElementById('trend-title').textContent = t('dash.trend.' + granularity.value);
    reload();
  });
  [storeSel, from, to, category].forEach(el => el.addEventListener('change', reload));
  const onScores = () => setTimeout(reload, 150);
  document.addEventListener('kp:scores', onScores);
  document.addEventListener('kp:alert', reload);
  window.addEventListener('hashchange', () => {
    document.removeEventListener('kp:scores', onScores);
    document.removeEventListener('kp:alert', reload);
  }, { once: true });
  reload();
  await loading;
}

/**
 * The change against the previous period, or that there is nothing to compare with.
 * lowerIsBetter: for CES, where less effort is the good direction.
 */
export function delta(now, before, digits, unit, vs, lowerIsBetter = false) {
  if (now === null || now === undefined || before === null || before === undefined) {
    return h('div', { class: 'delta muted' }, t('dash.noComparison'));
  }
  const change = now - before;
  const rounded = Number(change.toFixed(digits));
  const good = rounded === 0 ? 'flat' : (rounded > 0) !== lowerIsBetter ? 'up' : 'down';
  const arrow = rounded === 0 ? '→' : rounded > 0 ? '▲' : '▼';
  return h('div', { class: 'delta ' + good }, arrow + ' ' + (rounded > 0 ? '+' : '') + rounded.toFixed(digits) + unit + ' ' + vs);
}

export function kpi(label, value, id, change, target = null) {
  return h('div', { class: 'card kpi' }, h('div', { class: 'label' }, label), h('div', { class: 'value', id }, value),
      change ? Object.assign(change, { id: id + '-delta' }) : null, target);
}

export function heatColor(csat) {
  if (csat === null || csat === undefined) return 'heat-none';
  const hue = Math.round(Math.max(0, Math.min(100, csat)) * 1.2);
  return 'background:hsl(' + hue + ',65%,88%)';
}

export async function heatmap(storeId, from, to, minimum = 1, category = '') {
  const stores = storeId ? state.stores.filter(s => s.id === storeId) : state.stores;
  const tps = Object.keys(state.touchpoints);
  const rows = [];
  const weak = [];
  for (const s of stores) {
    const cells = await Promise.all(tps.map(tp => api('GET', '/api/analytics/scores?storeId=' + s.id + '&touchpoint=' + tp
        + '&from=' + from + '&to=' + to + (category ? '&category=' + category : ''))));
    rows.push(h('tr', {}, h('th', {}, s.name), cells.map((r, i) => cell(r, minimum, () => weak.push({ store: s.id, tp: tps[i], report: r }),
        () => openDrilldown(s.id, tps[i], from, to, category)))));
  }
  document.getElementById('heatmap').replaceChildren(h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, ''), tps.map(tp => h('th', {}, tpName(tp))))), h('tbody', {}, rows)),
      h('p', { class: 'muted legend' }, t('dash.cellLegend', minimum) + ' ' + t('drill.hint')));
  weak.sort((a, b) => (a.report.csat ?? 101) - (b.report.csat ?? 101));
  const worst = document.getElementById('worst');
  worst.replaceChildren(...(weak.length ? weak.slice(0, 3).map(w => h('div', { class: 'weak' },
      h('b', {}, storeName(w.store) + ' · ' + tpName(w.tp)), ' — CSAT ' + fmt(w.report.csat) + ' %, NPS ' + fmt(w.report.nps)
          + ' · n = ' + w.report.count,
      (w.report.detractorComments || []).length
        ? w.report.detractorComments.slice(0, 3).map(c => h('div', { class: 'comment' }, c.text,
            h('small', {}, date(c.at) + (c.rating ? ' · ★' + c.rating : '') + (c.nps != null ? ' · NPS ' + c.nps : ''))))
        : h('div', { class: 'muted' }, t('dash.noUnhappyComments'))))
    : [h('p', { class: 'muted' }, t('dash.noData'))]));
}

/**
 * One heatmap cell: its score with the number of answers behind it. Under the minimum n the cell is
 * grey and shows only n, since a 0 from 3 answers is no verdict; without answers it says so.
 */
function cell(r, minimum, verdict, open) {
  if (!r.count) {
    return h('td', { class: 'cell heat-none no-data', title: t('dash.noData') }, '–');
  }
  // A cell with answers opens them: by click, or Enter and space for the keyboard.
  const opens = { tabindex: 0, role: 'button', onclick: open,
    onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } } };
  if (r.count < minimum) {
    return h('td', { class: 'cell low-n opens', title: t('dash.tooFew', r.count, minimum), ...opens }, h('small', {}, 'n = ' + r.count));
  }
  verdict();
  const style = heatColor(r.csat);
  const none = style.startsWith('heat');
  return h('td', { class: 'cell opens ' + (none ? style : ''), style: none ? null : style, title: r.count + ' ' + t('dash.answers'),
    ...opens }, r.csat == null ? '–' : fmt(r.csat), h('small', {}, 'n = ' + r.count));
}

export function chartOn(id, config) {
  // A live reload draws into the same canvas: the old chart must go first.
  const canvas = document.getElementById(id);
  const old = Chart.getChart(canvas);
  if (old) old.destroy();
  const chart = new Chart(canvas, config);
  state.charts.push(chart);
  return chart;
}

/** Shows a chart's canvas, or its "no data" line instead of empty axes. */
function chartOrEmpty(id, hasData) {
  document.getElementById(id).hidden = !hasData;
  document.getElementById(id + '-empty').hidden = hasData;
  if (!hasData) {
    const old = Chart.getChart(document.getElementById(id));
    if (old) old.destroy();
  }
  return hasData;
}

/** The trend per period; the period still running (it holds today) is marked as partial. */
export function renderTrend(total, granularity = 'week', running = null) {
  if (!chartOrEmpty('trend', total.periods.length > 0)) return;
  const labels = total.periods.map(p => p.period === running ? p.period + ' (' + t('dash.partial') + ')' : p.period);
  chartOn('trend', {
    type: 'line',
    data: { labels, datasets: [
      { label: 'CSAT %', data: total.periods.map(p => p.csat), borderColor: '#0f766e', tension: .3,
        segment: { borderDash: ctx => labels[ctx.p1DataIndex] !== total.periods[ctx.p1DataIndex].period ? [6, 4] : undefined } },
      { label: 'NPS', data: total.periods.map(p => p.nps), borderColor: '#c2410c', tension: .3,
        segment: { borderDash: ctx => labels[ctx.p1DataIndex] !== total.periods[ctx.p1DataIndex].period ? [6, 4] : undefined } }] },
    options: { animation: false, scales: { y: { suggestedMin: -100, suggestedMax: 100 } } }
  });
}

export function renderDims(total) {
  const order = ['quality', 'availability', 'reliability', 'usefulness', 'value', 'staff', 'ambience'];
  const functional = ['quality', 'availability', 'reliability', 'usefulness', 'value'];
  // Two datasets on the same bars (grouped: false), so that the legend explains the two colours.
  const side = (label, colour, keep) => ({ label, grouped: false, backgroundColor: colour,
    data: order.map(d => keep(d) ? total.dimensions[d] ?? null : null) });
  if (!chartOrEmpty('dims', order.some(d => total.dimensions[d] != null))) return;
  // A dimension nobody rated says so, instead of standing as an empty bar.
  const labels = order.map(d => t('dim.' + d) + (total.dimensions[d] == null ? ' (' + t('dash.noDataShort') + ')' : ''));
  chartOn('dims', {
    type: 'bar',
    data: { labels, datasets: [
      side(t('dash.functional'), '#0f766e', d => functional.includes(d)),
      side(t('dash.emotional'), '#d97706', d => !functional.includes(d))] },
    options: { animation: false, scales: { y: { min: 0, max: 5, title: { display: true, text: t('dash.dimScale') } } } }
  });
}

export function renderAlerts(items) {
  document.getElementById('alerts').replaceChildren(...(items.length ? items.slice(0, 8).map(a => h('div', { class: 'row alert-row' },
      h('span', { class: 'pill overdue' }, fmt(a.unhappyShare) + ' %'), h('b', {}, storeName(a.storeId) + ' · ' + tpName(a.touchpoint)),
      h('span', { class: 'muted' }, a.unhappy + ' ' + t('dash.of') + ' ' + a.answers + ' ' + t('dash.unhappy') + ' · ' + date(a.at))))
    : [h('p', { class: 'muted' }, t('dash.noAlerts'))]));
}
