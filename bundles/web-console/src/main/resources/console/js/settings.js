// Project settings: the BCC address (with a copy button), the review URL, API keys, and the project's own SMTP.
import { h, clear, announce, when, field, showErrors } from './dom.js';
import { t, language } from './i18n.js';
import { get, call, session } from './api.js';

export async function settingsPage(main, projects) {
  const project = projects.find((p) => p.slug === session.project);
  const s = await get('settings');
  const keys = h('div');
  clear(main, h('h1', {}, t('settings.title') + ' – ' + project.name), bccCard(s), reviewCard(s),
    h('section', { class: 'card' }, h('h2', {}, t('settings.keys')), keys), smtpCard(s, () => settingsPage(main, projects)));
  await loadKeys(keys, project);
}

function bccCard(s) {
  const copy = h('button', { type: 'button', class: 'secondary', id: 'bcc-copy', onclick: async () => {
    try {
      await navigator.clipboard.writeText(s.bcc_address);
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('bcc-address'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.execCommand('copy');
    }
    announce(t('settings.copied'));
  } }, t('settings.copy'));
  return h('section', { class: 'card' }, h('h2', {}, t('settings.bcc')), s.bcc_address
    ? [h('p', {}, h('code', { class: 'copy', id: 'bcc-address' }, s.bcc_address), ' ', copy), h('p', { class: 'hint' }, t('settings.bccHint'))]
    : h('p', {}, t('settings.bccNone')));
}

function reviewCard(s) {
  const url = field('review-url', t('settings.review'), { type: 'url', value: s.review_url, placeholder: 'https://g.page/r/…/review' });
  return h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await call('PATCH', 'settings', { body: { review_url: url.input.value.trim() || null } });
      showErrors({ review_url: url }, null);
      announce(t('settings.saved'));
    } catch (err) { showErrors({ review_url: url }, err.problem); }
  } }, url.wrap, h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('settings.saveReview'))));
}

async function loadKeys(box, project) {
  const list = (await get('projects/' + project.id + '/api-keys', { project: false })).data;
  const label = h('input', { id: 'key-label', value: 'console' });
  const shown = h('div', { 'aria-live': 'polite' });
  const lang = language();
  clear(box, h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {},
    ['col.prefix', 'col.label', 'col.created', 'col.status'].map((k) => h('th', { scope: 'col' }, t(k))), h('th', {}))),
  h('tbody', {}, list.map((k) => h('tr', {}, h('td', {}, h('code', {}, k.prefix)), h('td', {}, k.label || ''),
    h('td', {}, when(k.created_at, lang)), h('td', {}, k.revoked_at ? t('settings.revoked') + ' ' + when(k.revoked_at, lang) : ''),
    h('td', {}, k.revoked_at ? null : h('button', { type: 'button', class: 'link', onclick: async () => {
      await call('DELETE', 'projects/' + project.id + '/api-keys/' + k.id, { project: false });
      loadKeys(box, project);
    } }, t('settings.revoke')))))))),
  h('form', { class: 'actions', onsubmit: async (e) => {
    e.preventDefault();
    const k = await call('POST', 'projects/' + project.id + '/api-keys', { body: { label: label.value }, project: false });
    await loadKeys(box, project);
    box.append(h('p', { role: 'alert' }, t('settings.keyOnce') + ' ', h('code', { class: 'copy' }, k.api_key)));
  } }, h('label', { for: 'key-label' }, t('settings.keyLabel')), label, h('button', { type: 'submit' }, t('settings.newKey'))), shown);
}

function smtpCard(s, reload) {
  const m = s.smtp || {};
  const f = {
    host: field('smtp-host', t('settings.host'), { value: m.host }),
    port: field('smtp-port', t('settings.port'), { type: 'number', value: m.port || 587 }),
    username: field('smtp-user', t('settings.username'), { value: m.username, autocomplete: 'off' }),
    password: field('smtp-password', t('settings.password'), { type: 'password', autocomplete: 'new-password' },
      m.password_set ? t('importers.secretSet') : null),
    tls: field('smtp-tls', t('settings.tls'), { tag: 'select', options: ['starttls', 'ssl', 'none'].map((v) => h('option', {
      value: v, selected: (m.tls || 'starttls') === v }, v)) }),
    from_address: field('smtp-from', t('settings.fromAddress'), { type: 'email', value: m.from_address }),
    from_name: field('smtp-name', t('settings.fromName'), { value: m.from_name }),
  };
  const other = h('div', { class: 'error', role: 'alert' });
  return h('form', { class: 'card', id: 'smtp-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const body = { host: f.host.input.value.trim(), port: Number(f.port.input.value), username: f.username.input.value.trim(),
      tls: f.tls.input.value, from_address: f.from_address.input.value.trim(), from_name: f.from_name.input.value.trim() };
    if (f.password.input.value) body.password = f.password.input.value;
    try {
      await call('PUT', 'settings/smtp', { body });
      announce(t('settings.saved'));
      reload();
    } catch (err) { other.textContent = showErrors(f, err.problem).join('; '); }
  } }, h('h2', {}, t('settings.smtp')), s.smtp ? null : h('p', { class: 'hint' }, t('settings.smtpNone')),
  h('div', { class: 'row' }, Object.values(f).map((x) => x.wrap)), other,
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('settings.saveSmtp')),
    s.smtp ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
      await call('DELETE', 'settings/smtp');
      reload();
    } }, t('settings.deleteSmtp')) : null));
}
