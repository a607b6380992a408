import { api } from '../api.js';
import { toast, h, storeName, tpName } from '../dom.js';
import { t, lang } from '../i18n.js';
import { state } from '../state.js';

// ---------- surveys ----------
// A form-based editor: questions with their type, texts in both languages, choices, skip logic
// ("show only if an earlier answer is one of …") and where the survey runs. Each save is a new version.
export const QUESTION_TYPES = ['smiley', 'nps', 'ces', 'single', 'multiple', 'text'];
export const SCALES = { smiley: [1, 5], nps: [0, 10], ces: [1, 7] };

export function answerValues(q) {
  if (SCALES[q.type]) {
    const [lo, hi] = SCALES[q.type];
    return Array.from({ length: hi - lo + 1 }, (_, i) => ({ value: String(lo + i), label: String(lo + i) }));
  }
  if (q.type === 'single' || q.type === 'multiple') return q.options.map(o => ({ value: o.id, label: o.text.de || o.id }));
  return [];
}

export function blankQuestion(questions) {
  let n = questions.length + 1;
  while (questions.some(q => q.id === 'q' + n)) n++;
  return { id: 'q' + n, type: 'smiley', text: { de: '', en: '' }, options: [], required: false, showIf: null };
}

export function toDraft(definition) {
  return {
    questions: definition.questions.map(q => ({ id: q.id, type: q.type, text: { de: q.text.de || '', en: q.text.en || '' },
      options: (q.options || []).map(o => ({ id: o.id, text: { de: o.text.de || '', en: o.text.en || '' } })),
      required: !!q.required, showIf: q.showIf ? { question: q.showIf.question, anyOf: [...q.showIf.anyOf] } : null }))
  };
}

export function fromDraft(draft) {
  const text = t => t.en && t.en.trim() ? { de: t.de, en: t.en } : { de: t.de };
  return draft.questions.map(q => {
    const out = { id: q.id, type: q.type, text: text(q.text), required: q.required };
    if (q.type === 'single' || q.type === 'multiple') out.options = q.options.map(o => ({ id: o.id, text: text(o.text) }));
    if (q.showIf) out.showIf = q.showIf;
    return out;
  });
}

// A local date and time as typed becomes an instant; anything else goes as it is, so that the server names the field.
const instant = v => !v ? null : /^\d{4}-/.test(v) ? new Date(v).toISOString() : v;
export const localInput = iso => iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60000).toISOString().slice(0, 16) : '';

export async function surveys(main) {
  const list = h('div', { class: 'card', id: 'survey-list' });
  const formError = h('p', { class: 'error', id: 'survey-error', role: 'alert' });
  const name = h('input', { id: 'survey-name', 'data-field': 'name', required: true });
  const multi = (id, field, items) => h('select', { id, 'data-field': field, multiple: true, size: 5 },
      items.map(([value, label]) => h('option', { value }, label)));
  const stores = multi('survey-stores', 'targeting.storeIds', state.stores.map(s => [s.id, s.name]));
  const touchpoints = multi('survey-touchpoints', 'targeting.touchpoints', Object.keys(state.touchpoints).map(tp => [tp, tpName(tp)]));
  const categories = multi('survey-categories', 'targeting.categories', state.categories.map(c => [c.id, c.name]));
  const from = h('kp-date', { id: 'survey-from', kind: 'datetime', 'data-field': 'activeFrom' });
  const to = h('kp-date', { id: 'survey-to', kind: 'datetime', 'data-field': 'activeTo' });
  const partial = h('input', { id: 'survey-partial', type: 'checkbox', 'data-field': 'allowPartial' });
  const editor = h('div', { id: 'survey-questions', class: 'questions' });
  const submit = h('button', { class: 'primary', type: 'submit', id: 'survey-create' }, t('surveys.create'));
  const heading = h('h2', {}, t('surveys.new'));
  let editing = null;
  let draft = { questions: [] };

  const select = (el, values) => [...el.options].forEach(o => { o.selected = (values || []).includes(o.value); });
  const reset = () => {
    editing = null;
    draft = { questions: [
      { id: 'mood', type: 'smiley', text: { de: 'Wie war Ihr Einkauf heute?', en: 'How was your visit today?' }, options: [], required: true, showIf: null }] };
    name.value = '';
    [stores, touchpoints, categories].forEach(el => select(el, []));
    from.value = to.value = '';
    partial.checked = false;
    heading.textContent = t('surveys.new');
    submit.textContent = t('surveys.create');
    renderQuestions();
  };
  const edit = s => {
    editing = s;
    draft = toDraft(s.definition);
    name.value = s.definition.name;
    select(stores, s.definition.targeting.storeIds);
    select(touchpoints, s.definition.targeting.touchpoints);
    select(categories, s.definition.targeting.categories);
    from.value = localInput(s.definition.activeFrom);
    to.value = localInput(s.definition.activeTo);
    partial.checked = !!s.definition.allowPartial;
    heading.textContent = s.definition.name;
    submit.textContent = t('surveys.update') + ' (' + t('surveys.version') + ' ' + (s.version + 1) + ')';
    formError.textContent = '';
    renderQuestions();
    name.focus();
  };

  function renderQuestions() {
    editor.replaceChildren(...draft.questions.map((q, i) => questionCard(q, i)),
        h('button', { type: 'button', id: 'survey-add-question', onclick: () => {
          draft.questions.push(blankQuestion(draft.questions));
          renderQuestions();
          editor.querySelectorAll('.question')[draft.questions.length - 1].querySelector('[data-part="text-de"]').focus();
        } }, '+ ' + t('surveys.addQuestion')));
  }

  function questionCard(q, i) {
    const field = suffix => 'questions[' + i + ']' + suffix;
    const bind = (obj, key, attrs) => h('input', { ...attrs, value: obj[key], oninput: e => { obj[key] = e.target.value; } });
    const type = h('select', { 'data-part': 'type', 'data-field': field('.type'), onchange: e => {
      q.type = e.target.value;
      if ((q.type === 'single' || q.type === 'multiple') && q.options.length < 2) {
        q.options = [{ id: 'a', text: { de: '', en: '' } }, { id: 'b', text: { de: '', en: '' } }];
      }
      // Answers that no longer exist cannot trigger later questions.
      draft.questions.forEach(other => {
        if (other.showIf && other.showIf.question === q.id) other.showIf = null;
      });
      renderQuestions();
    } }, QUESTION_TYPES.map(tp => h('option', { value: tp, selected: tp === q.type }, t('surveys.type.' + tp))));
    const move = (delta, label, id) => h('button', { type: 'button', class: 'icon', 'aria-label': label, title: label,
      'data-part': id, disabled: i + delta < 0 || i + delta >= draft.questions.length, onclick: () => {
        const [moved] = draft.questions.splice(i, 1);
        draft.questions.splice(i + delta, 0, moved);
        renderQuestions();
      } }, delta < 0 ? '↑' : '↓');
    const card = h('fieldset', { class: 'question', 'data-question': q.id },
        h('legend', {}, t('surveys.question') + ' ' + (i + 1)),
        h('div', { class: 'question-head' },
            h('label', {}, t('surveys.qid'), h('input', { value: q.id, 'data-part': 'id', 'data-field': field('.id'), size: 8,
              oninput: e => {
                // Skip logic follows a renamed question.
                draft.questions.forEach(other => {
                  if (other.showIf && other.showIf.question === q.id) other.showIf.question = e.target.value;
                });
                q.id = e.target.value;
              } })),
            h('label', {}, t('surveys.type'), type),
            h('label', { class: 'check' }, h('input', { type: 'checkbox', 'data-part': 'required', checked: q.required,
              onchange: e => { q.required = e.target.checked; } }), t('surveys.required')),
            h('span', { class: 'spacer' }),
            move(-1, t('surveys.up'), 'up'), move(1, t('surveys.down'), 'down'),
            h('button', { type: 'button', class: 'icon danger', 'data-part': 'remove', 'aria-label': t('surveys.remove'),
              title: t('surveys.remove'), disabled: draft.questions.length === 1, onclick: () => {
                draft.questions.splice(i, 1);
                draft.questions.forEach(other => {
                  if (other.showIf && other.showIf.question === q.id) other.showIf = null;
                });
                renderQuestions();
              } }, '✕')),
        h('div', { class: 'grid2' },
            h('label', {}, t('surveys.textDe'), bind(q.text, 'de', { 'data-part': 'text-de', 'data-field': field('.text.de') })),
            h('label', {}, t('surveys.textEn'), bind(q.text, 'en', { 'data-part': 'text-en', 'data-field': field('.text.en') }))));
    if (q.type === 'single' || q.type === 'multiple') card.append(optionsEditor(q, i));
    card.append(skipLogic(q, i));
    return card;
  }

  function optionsEditor(q, i) {
    const field = (j, suffix) => 'questions[' + i + '].options[' + j + ']' + suffix;
    return h('div', { class: 'options', 'data-field': 'questions[' + i + '].options' },
        h('div', { class: 'muted' }, t('surveys.options')),
        q.options.map((o, j) => h('div', { class: 'option-row' },
            h('input', { value: o.id, size: 6, 'aria-label': t('surveys.qid'), 'data-part': 'option-id', 'data-field': field(j, '.id'),
              oninput: e => {
                draft.questions.forEach(other => {
                  if (other.showIf && other.showIf.question === q.id) {
                    other.showIf.anyOf = other.showIf.anyOf.map(v => v === o.id ? e.target.value : v);
                  }
                });
                o.id = e.target.value;
              } }),
            h('input', { value: o.text.de, placeholder: 'Deutsch', 'aria-label': t('surveys.textDe'), 'data-part': 'option-de',
              'data-field': field(j, '.text.de'), oninput: e => { o.text.de = e.target.value; } }),
            h('input', { value: o.text.en, placeholder: 'English', 'aria-label': t('surveys.textEn'), 'data-part': 'option-en',
              'data-field': field(j, '.text.en'), oninput: e => { o.text.en = e.target.value; } }),
            h('button', { type: 'button', class: 'icon danger', 'aria-label': t('surveys.remove'), title: t('surveys.remove'),
              disabled: q.options.length <= 2, onclick: () => { q.options.splice(j, 1); renderQuestions(); } }, '✕'))),
        h('button', { type: 'button', 'data-part': 'add-option', onclick: () => {
          let n = q.options.length;
          while (q.options.some(o => o.id === String.fromCharCode(97 + n % 26) + (n >= 26 ? n : ''))) n++;
          q.options.push({ id: String.fromCharCode(97 + n % 26) + (n >= 26 ? n : ''), text: { de: '', en: '' } });
          renderQuestions();
        } }, '+ ' + t('surveys.addOption')));
  }

  function skipLogic(q, i) {
    const earlier = draft.questions.slice(0, i).filter(e => e.type !== 'text');
    const source = q.showIf && draft.questions.find(e => e.id === q.showIf.question);
    const which = h('select', { 'data-part': 'showif-question', 'data-field': 'questions[' + i + '].showIf.question',
      disabled: earlier.length === 0, onchange: e => {
        q.showIf = e.target.value ? { question: e.target.value, anyOf: [] } : null;
        renderQuestions();
      } }, h('option', { value: '' }, t('surveys.always')),
    earlier.map(e => h('option', { value: e.id, selected: q.showIf && q.showIf.question === e.id },
        t('surveys.onlyIf') + ' ' + e.id + ' (' + (e.text[lang()] || e.text.de || '…') + ')')));
    const row = h('div', { class: 'skip' }, h('label', {}, t('surveys.showIf'), which));
    if (q.showIf && source) {
      row.append(h('div', { class: 'any-of', 'data-field': 'questions[' + i + '].showIf.anyOf', role: 'group',
        'aria-label': t('surveys.anyOf') }, h('span', { class: 'muted' }, t('surveys.anyOf')),
      answerValues(source).map(v => h('label', { class: 'chip' }, h('input', { type: 'checkbox', value: v.value,
        'data-part': 'showif-value', checked: q.showIf.anyOf.includes(v.value), onchange: e => {
          q.showIf.anyOf = e.target.checked ? [...q.showIf.anyOf, v.value] : q.showIf.anyOf.filter(x => x !== v.value);
        } }), v.label))));
    }
    return row;
  }

  // "questions[1].options[0].text.de" in the words of this form: "Frage 2 › Antwort 1 › Text (Deutsch)".
  const fieldLabel = field => field.split(/\.(?![^[]*\])/).flatMap(part => {
    const m = part.match(/^(\w+)(?:\[(\d+)\])?$/);
    if (!m) return [part];
    const n = m[2] === undefined ? '' : ' ' + (Number(m[2]) + 1);
    const words = { questions: t('surveys.question'), options: t('surveys.option'), showIf: t('surveys.showIf'),
      anyOf: t('surveys.values'), id: t('surveys.qid'), type: t('surveys.type'), name: t('surveys.name'),
      activeFrom: t('surveys.from'), activeTo: t('surveys.to'), targeting: null, storeIds: t('surveys.stores'),
      touchpoints: t('surveys.touchpoints'), categories: t('surveys.categories'), text: null, question: null,
      de: t('surveys.textDe'), en: t('surveys.textEn') };
    return m[1] in words ? (words[m[1]] === null ? [] : [words[m[1]] + n]) : [part];
  }).join(' › ');

  const markInvalid = field => {
    editor.closest('form').querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    if (!field) return;
    // The most specific element that names the field, or its closest named parent ("questions[1].options").
    let path = field;
    while (path) {
      const el = editor.closest('form').querySelector('[data-field="' + CSS.escape(path) + '"]');
      if (el) {
        el.setAttribute('aria-invalid', 'true');
        if (el.focus) el.focus();
        return;
      }
      path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
  };

  const load = async () => {
    const data = await api('GET', '/api/surveys');
    list.replaceChildren(h('div', { class: 'row' }, h('h2', {}, t('surveys.all')), h('span', { class: 'spacer' }),
        h('button', { type: 'button', id: 'survey-new', onclick: () => { reset(); name.focus(); } }, '+ ' + t('surveys.new'))),
    data.items.length === 0 ? h('p', { class: 'muted' }, t('surveys.none')) : h('table', {}, h('tbody', {}, data.items.map(s => h('tr', {
      class: 'list-row', tabindex: 0, 'data-survey': s.id, onclick: () => edit(s), onkeydown: e => e.key === 'Enter' && edit(s) },
    h('td', {}, h('b', {}, s.definition.name)), h('td', {}, t('surveys.version') + ' ' + s.version),
    h('td', {}, s.definition.questions.length + ' ' + t('surveys.questionsCount')),
    h('td', { class: 'muted' }, [
      ...(s.definition.targeting.storeIds || []).map(storeName), ...(s.definition.targeting.touchpoints || []).map(tpName)].join(', ')
        || t('surveys.everywhere')))))));
  };

  main.append(h('h1', {}, t('surveys.title')), list, h('form', { class: 'card', id: 'survey-form', novalidate: true, onsubmit: async ev => {
    ev.preventDefault();
    formError.textContent = '';
    markInvalid(null);
    const body = { name: name.value, questions: fromDraft(draft), allowPartial: partial.checked,
      activeFrom: instant(from.value), activeTo: instant(to.value),
      targeting: { storeIds: [...stores.selectedOptions].map(o => o.value), touchpoints: [...touchpoints.selectedOptions].map(o => o.value),
        categories: [...categories.selectedOptions].map(o => o.value) } };
    try {
      if (editing) await api('PUT', '/api/surveys/' + editing.id, body);
      else await api('POST', '/api/surveys', body);
      toast(t('saved'));
      reset();
      await load();
    } catch (e) {
      const field = e.problem && e.problem.field;
      formError.textContent = field ? fieldLabel(field) + ': ' + (e.problem.detail || e.problem.title) : e.message;
      markInvalid(field);
    }
  } }, heading,
  h('div', { class: 'form-grid' }, h('label', {}, t('surveys.name'), name), h('label', {}, t('surveys.from'), from),
      h('label', {}, t('surveys.to'), to)),
  h('div', { class: 'form-grid' }, h('label', {}, t('surveys.stores'), stores), h('label', {}, t('surveys.touchpoints'), touchpoints),
      h('label', {}, t('surveys.categories'), categories)),
  h('p', { class: 'muted' }, t('surveys.targetingHint')),
  h('label', { class: 'check' }, partial, t('surveys.allowPartial')),
  h('h3', {}, t('surveys.questions')), editor, formError, h('div', { class: 'row' }, submit)));
  reset();
  await load();
}
