// The console's texts in German and English; the browser language decides, the user may switch.
// The dictionaries are JSON files (i18n/de.json, i18n/en.json), loaded once before any page renders.
const load = code => fetch(new URL('./i18n/' + code + '.json', import.meta.url)).then(r => r.json());
const [de, en] = await Promise.all([load('de'), load('en')]);
const texts = { de, en };


let current = (sessionStorage.getItem('kp.lang') || navigator.language || 'de').toLowerCase().startsWith('en') ? 'en' : 'de';

export function lang() { return current; }

export function setLang(value) {
  current = value === 'en' ? 'en' : 'de';
  sessionStorage.setItem('kp.lang', current);
  document.documentElement.lang = current;
}

/** A text by key; {0}, {1} … take the arguments. */
export function t(key, ...args) {
  const text = texts[current][key] ?? texts.de[key] ?? key;
  return args.length ? text.replace(/\{(\d+)}/g, (m, i) => (args[i] ?? m)) : text;
}

export function applyI18n(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}
