import { t, lang } from './i18n.js';
import { state } from './state.js';

export function toast(message, kind = '') {
  const el = document.createElement('div');
  el.className = 'toast ' + kind;
  el.setAttribute('role', kind === 'bad' ? 'alert' : 'status');
  el.textContent = message;
  document.getElementById('toasts').append(el);
  setTimeout(() => el.remove(), kind === 'alert' ? 12000 : 6000);
}

export function showError(e) { toast(t('error') + ' – ' + e.message, 'bad'); }

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(c));
  return el;
}

export const fmt = (v, digits = 0) => v === null || v === undefined ? '–' : Number(v).toFixed(digits);
export const storeName = id => (state.stores.find(s => s.id === id) || { name: id }).name;
export const tpName = id => (state.touchpoints[id] || {})[lang()] || id;
export const date = iso => iso ? new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'de-DE') : '–';
/** A day in the console's language ("31.12.2026", "31 Dec 2026"): for validities, which are days to a reader. */
export const day = iso => iso ? new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'de-DE',
    { day: 'numeric', month: lang() === 'en' ? 'short' : '2-digit', year: 'numeric' }).format(new Date(iso)) : '–';
