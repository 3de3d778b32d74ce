// Small DOM helpers: elements are built with text nodes only, so values from the server are never parsed as HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

let statusTimer;
export function announce(text) {
  const s = document.getElementById('status');
  s.textContent = text;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { s.textContent = ''; }, 6000);
}

export function when(iso, lang) {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function money(minor, currency, lang) {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: currency.toUpperCase() })
    .format(minor / 100);
}

/** A labelled input with room for its field error; returns {wrap, input, error}. */
export function field(id, label, attrs = {}, hint) {
  const error = h('div', { class: 'error', id: id + '-error' });
  const input = attrs.tag === 'select' ? h('select', { id, name: id, 'aria-describedby': id + '-error' }, attrs.options || [])
    : attrs.tag === 'textarea' ? h('textarea', { id, name: id, rows: attrs.rows || 4, 'aria-describedby': id + '-error' })
    : h('input', { id, name: id, type: attrs.type || 'text', autocomplete: attrs.autocomplete || 'off',
        required: attrs.required, placeholder: attrs.placeholder, 'aria-describedby': id + '-error' });
  if (attrs.value !== undefined && attrs.value !== null) input.value = attrs.value;
  const wrap = h('div', {}, h('label', { for: id }, label), input, hint ? h('div', { class: 'hint' }, hint) : null, error);
  return { wrap, input, error };
}

/** Shows a problem's field errors next to the fields (by name) and returns the messages no field took. */
export function showErrors(fields, problem) {
  for (const f of Object.values(fields)) { f.error.textContent = ''; f.input.removeAttribute('aria-invalid'); }
  const rest = [];
  let first = null;
  for (const e of (problem && problem.errors) || []) {
    const f = fields[e.field];
    if (f) {
      f.error.textContent = e.message;
      f.input.setAttribute('aria-invalid', 'true');
      first = first || f.input;
    } else rest.push((e.field ? e.field + ': ' : '') + e.message);
  }
  if (first) first.focus();
  return rest;
}
