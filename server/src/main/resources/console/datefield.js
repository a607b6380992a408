// Date and time entry in the console's language, not the browser's: <input type="date"> shows
// mm/dd/yyyy in an American browser next to a German console. <kp-date> is a text field that reads
// and writes "31.12.2026" (de) or "31/12/2026" (en), optionally with " 14:30", and whose value is
// ISO ("2026-12-31", "2026-12-31T14:30"), so that the views read and set it as they did the native
// input. <kp-date kind="time"> is a 24-hour "14:30". ISO input is accepted too.
import { lang } from './i18n.js';

const pad = n => String(n).padStart(2, '0');

/** Parses what a user typed into ISO, '' for nothing, or null when it is no valid date. */
export function parseEntry(text, kind) {
  const s = text.trim();
  if (!s) return '';
  const time = /^(\d{1,2})[:.](\d{2})$/;
  if (kind === 'time') {
    const m = s.match(time);
    return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? pad(m[1]) + ':' + m[2] : null;
  }
  const [datePart, timePart] = s.split(/[ T]+/);
  let y, mo, d;
  let m = datePart.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) [, y, mo, d] = m.map(Number);
  else {
    m = datePart.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/);
    if (!m) return null;
    [, d, mo, y] = m.map(Number);
    if (y < 100) y += 2000;
  }
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const iso = y + '-' + pad(mo) + '-' + pad(d);
  if (kind !== 'datetime') return timePart ? null : iso;
  if (!timePart) return iso + 'T00:00';
  const t = timePart.match(time);
  return t && Number(t[1]) < 24 && Number(t[2]) < 60 ? iso + 'T' + pad(t[1]) + ':' + t[2] : null;
}

/** ISO back into the console's language. */
export function formatEntry(iso, kind) {
  if (!iso) return '';
  if (kind === 'time') return iso.slice(0, 5);
  const [y, mo, d] = iso.slice(0, 10).split('-');
  const day = lang() === 'en' ? d + '/' + mo + '/' + y : d + '.' + mo + '.' + y;
  return kind === 'datetime' ? day + ' ' + (iso.slice(11, 16) || '00:00') : day;
}

class DateField extends HTMLElement {
  get field() {
    if (!this.input) {
      const kind = this.kind;
      this.input = document.createElement('input');
      this.input.type = 'text';
      this.input.autocomplete = 'off';
      this.input.inputMode = kind === 'time' ? 'numeric' : 'text';
      const day = lang() === 'en' ? 'DD/MM/YYYY' : 'TT.MM.JJJJ';
      this.input.placeholder = kind === 'time' ? 'HH:MM' : kind === 'datetime' ? day + ' HH:MM' : day;
      this.input.size = kind === 'time' ? 6 : kind === 'datetime' ? 17 : 11;
      for (const name of ['data-field', 'aria-label']) if (this.hasAttribute(name)) this.input.setAttribute(name, this.getAttribute(name));
      this.input.addEventListener('blur', () => this.tidy());
      this.input.addEventListener('keydown', e => { if (e.key === 'Enter') this.tidy(); });
      this.append(this.input);
      if (this.hasAttribute('value')) this.value = this.getAttribute('value');
    }
    return this.input;
  }

  get kind() { return this.getAttribute('kind') || 'date'; }

  connectedCallback() { this.field; }

  /** ISO, '' when empty, or the raw text when it is no date (the server or the view then says what is wrong). */
  get value() {
    const parsed = parseEntry(this.field.value, this.kind);
    return parsed === null ? this.field.value : parsed;
  }

  set value(iso) {
    this.field.value = formatEntry(iso, this.kind);
    this.field.removeAttribute('aria-invalid');
  }

  focus(options) { this.field.focus(options); }

  /** Rewrites what was typed in the console's form, or marks it when it is no date; a changed value fires "change". */
  tidy() {
    const parsed = parseEntry(this.field.value, this.kind);
    if (parsed === null) { this.field.setAttribute('aria-invalid', 'true'); return; }
    this.field.removeAttribute('aria-invalid');
    const shown = formatEntry(parsed, this.kind);
    if (shown !== this.field.value) {
      this.field.value = shown;
      this.field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
}

customElements.define('kp-date', DateField);
