import { api } from '../api.js';
import { showError, h, fmt, storeName, tpName, date } from '../dom.js';
import { t } from '../i18n.js';
import { state } from '../state.js';

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

export async function dashboard(main) {
  const staffStore = state.session.role === 'staff' ? state.session.store : null;
  const today = storeToday();
  const monthAgo = new Date(Date.parse(today) - 27 * 86400000).toISOString().slice(0, 10);
  const storeSel = h('select', { id: 'dash-store', disabled: !!staffStore },
      staffStore ? [] : [h('option', { value: '' }, t('dash.all'))],
      state.stores.filter(s => !staffStore || s.id === staffStore).map(s => h('option', { value: s.id }, s.name)));
  const from = h('input', { type: 'date', id: 'dash-from', value: monthAgo });
  const to = h('input', { type: 'date', id: 'dash-to', value: today });
  const kpis = h('div', { class: 'kpis', id: 'kpis' });
  const heat = h('div', { class: 'card' }, h('h2', {}, t('dash.heatmap')), h('div', { id: 'heatmap' }));
  const trend = h('div', { class: 'card' }, h('h2', {}, t('dash.trend')), h('canvas', { id: 'trend', height: 160 }));
  const dims = h('div', { class: 'card' }, h('h2', {}, t('dash.dimensions')), h('canvas', { id: 'dims', height: 160 }));
  const worst = h('div', { class: 'card' }, h('h2', {}, t('dash.worst')), h('div', { id: 'worst' }));
  const alerts = h('div', { class: 'card' }, h('h2', {}, t('dash.alerts')), h('div', { id: 'alerts' }));
  main.append(h('div', { class: 'toolbar' }, h('h1', {}, t('dash.title')), h('span', { class: 'pill sending', id: 'live' }, '● ' + t('dash.live'))),
      h('div', { class: 'toolbar' }, h('label', {}, t('dash.store'), storeSel), h('label', {}, t('dash.from'), from),
          h('label', {}, t('dash.to'), to)),
      kpis, h('div', { class: 'grid2' }, heat, worst), h('div', { class: 'grid2' }, trend, dims), alerts);
  const q = () => (storeSel.value ? '&storeId=' + storeSel.value : '') + '&from=' + from.value + '&to=' + to.value;
  let loading = null;
  const load = async () => {
    const total = await api('GET', '/api/analytics/scores?granularity=week' + q());
    kpis.replaceChildren(
        kpi(t('dash.answers'), fmt(total.count), 'kpi-count'), kpi('CSAT', fmt(total.csat) + (total.csat == null ? '' : ' %'), 'kpi-csat'),
        kpi('NPS', fmt(total.nps), 'kpi-nps'), kpi('CES', fmt(total.ces, 1), 'kpi-ces'));
    await heatmap(storeSel.value, from.value, to.value);
    renderTrend(total);
    renderDims(total);
    const alertList = await api('GET', '/api/analytics/alerts' + (storeSel.value ? '?storeId=' + storeSel.value : ''));
    renderAlerts(alertList.items);
  };
  // A reload still running when the user moves on must not write into (or complain about) a view that is gone.
  // An update arriving during a reload may not be in the data being read: one more reload follows it.
  let again = false;
  const ownView = document.body.dataset.view;
  const reload = () => {
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
  [storeSel, from, to].forEach(el => el.addEventListener('change', reload));
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

export function kpi(label, value, id) {
  return h('div', { class: 'card kpi' }, h('div', { class: 'label' }, label), h('div', { class: 'value', id }, value));
}

export function heatColor(csat) {
  if (csat === null || csat === undefined) return 'heat-none';
  const hue = Math.round(Math.max(0, Math.min(100, csat)) * 1.2);
  return 'background:hsl(' + hue + ',65%,88%)';
}

export async function heatmap(storeId, from, to) {
  const stores = storeId ? state.stores.filter(s => s.id === storeId) : state.stores;
  const tps = Object.keys(state.touchpoints);
  const rows = [];
  const weak = [];
  for (const s of stores) {
    const cells = await Promise.all(tps.map(tp => api('GET', '/api/analytics/scores?storeId=' + s.id + '&touchpoint=' + tp
        + '&from=' + from + '&to=' + to)));
    rows.push(h('tr', {}, h('th', {}, s.name), cells.map((r, i) => {
      if (r.count > 0) weak.push({ store: s.id, tp: tps[i], report: r });
      const style = heatColor(r.csat);
      return h('td', { class: 'cell ' + (style.startsWith('heat') ? style : ''), style: style.startsWith('heat') ? null : style,
        title: r.count + ' ' + t('dash.answers') }, r.count ? fmt(r.csat) : '–');
    })));
  }
  document.getElementById('heatmap').replaceChildren(h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, ''), tps.map(tp => h('th', {}, tpName(tp))))), h('tbody', {}, rows)));
  weak.sort((a, b) => (a.report.csat ?? 101) - (b.report.csat ?? 101));
  const worst = document.getElementById('worst');
  worst.replaceChildren(...(weak.length ? weak.slice(0, 3).map(w => h('div', {},
      h('b', {}, storeName(w.store) + ' · ' + tpName(w.tp)), ' — CSAT ' + fmt(w.report.csat) + ' %, NPS ' + fmt(w.report.nps),
      w.report.comments.slice(0, 3).map(c => h('div', { class: 'comment' }, c.text,
          h('small', {}, date(c.at) + (c.rating ? ' · ★' + c.rating : '')))))) : [h('p', { class: 'muted' }, t('dash.noData'))]));
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

export function renderTrend(total) {
  const labels = total.periods.map(p => p.period);
  chartOn('trend', {
    type: 'line',
    data: { labels, datasets: [
      { label: 'CSAT %', data: total.periods.map(p => p.csat), borderColor: '#0f766e', tension: .3 },
      { label: 'NPS', data: total.periods.map(p => p.nps), borderColor: '#c2410c', tension: .3 }] },
    options: { animation: false, scales: { y: { suggestedMin: -100, suggestedMax: 100 } } }
  });
}

export function renderDims(total) {
  const order = ['quality', 'availability', 'reliability', 'usefulness', 'value', 'staff', 'ambience'];
  const functional = ['quality', 'availability', 'reliability', 'usefulness', 'value'];
  // Two datasets on the same bars (grouped: false), so that the legend explains the two colours.
  const side = (label, colour, keep) => ({ label, grouped: false, backgroundColor: colour,
    data: order.map(d => keep(d) ? total.dimensions[d] ?? null : null) });
  chartOn('dims', {
    type: 'bar',
    data: { labels: order.map(d => t('dim.' + d)), datasets: [
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
