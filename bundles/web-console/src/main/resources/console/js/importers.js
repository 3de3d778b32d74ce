// Importers: the ones installed right now (refreshed every few seconds, so bundles coming and going show), settings
// of the pull importers (secrets write-only) and "sync now".
import { h, clear, announce, when, field, showErrors } from './dom.js';
import { t, language } from './i18n.js';
import { get, call } from './api.js';

const SETTINGS = {
  stripe: [['api_key', 'password'], ['webhook_secret', 'password'], ['api_base', 'url'], ['sync_interval_minutes', 'number']],
  hubspot: [['token', 'password'], ['webhook_secret', 'password'], ['lifecycle_stages', 'text'], ['signup_date_property', 'text'],
    ['api_base', 'url'], ['sync_interval_minutes', 'number']],
};

export async function importersPage(main) {
  const body = h('tbody');
  const forms = h('div');
  const open = new Map();
  async function refresh() {
    const list = (await get('importers')).data;
    const lang = language();
    clear(body, list.map((i) => h('tr', { 'data-importer': i.id },
      h('td', {}, h('strong', {}, i.label), ' ', h('code', {}, i.id)),
      h('td', {}, t(i.kind === 'pull' ? 'importers.pull' : 'importers.push')), h('td', {}, i.version || ''),
      h('td', {}, i.configured ? t('yes') : t('no')),
      h('td', {}, syncText(i, lang)),
      h('td', {}, SETTINGS[i.id] ? h('button', { type: 'button', class: 'secondary', 'aria-expanded': String(open.has(i.id)),
        onclick: () => toggle(i) }, t('importers.settings')) : null,
      i.kind === 'pull' ? h('button', { type: 'button', class: 'link', onclick: () => sync(i.id) }, t('importers.sync')) : null))));
    for (const id of [...open.keys()]) {
      if (!list.some((i) => i.id === id)) { open.get(id).remove(); open.delete(id); }
    }
  }
  async function toggle(i) {
    if (open.has(i.id)) { open.get(i.id).remove(); open.delete(i.id); } else {
      const form = await settingsForm(i);
      open.set(i.id, form);
      forms.append(form);
      form.querySelector('input').focus();
    }
    refresh();
  }
  async function sync(id) {
    try {
      await call('POST', 'importers/' + id + '/sync');
      announce(t('importers.syncStarted'));
      refresh();
    } catch (e) { announce(t('error.generic') + ' ' + e.message); }
  }
  clear(main, h('h1', {}, t('importers.title')), h('p', { class: 'hint' }, t('importers.live')),
    h('div', { class: 'table-wrap' }, h('table', { id: 'importers' }, h('thead', {}, h('tr', {},
      ['col.importer', 'col.kind', 'col.version', 'importers.configured', 'col.sync', 'importers.settings']
        .map((k) => h('th', { scope: 'col' }, t(k))))), body)), forms);
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), 3000);
  return () => clearInterval(timer);
}

function syncText(i, lang) {
  if (!i.sync) return '–';
  const job = i.sync.last_job;
  if (!job) return t('importers.never');
  return t('status.' + job.status) + ', ' + when(job.finished_at || job.started_at, lang)
    + (job.error ? ' – ' + job.error : ' (' + job.created + ' ' + t('import.created') + ', ' + job.updated + ' '
      + t('import.updated') + ')');
}

async function settingsForm(i) {
  const current = await get('importers/' + i.id + '/config').catch(() => ({ settings: {}, secrets_set: [] }));
  const fields = {};
  for (const [name, type] of SETTINGS[i.id]) {
    const secret = type === 'password';
    const value = secret ? '' : Array.isArray(current.settings[name]) ? current.settings[name].join(', ') : current.settings[name];
    fields[name] = field(i.id + '-' + name, name, { type, value, autocomplete: secret ? 'new-password' : 'off' },
      secret && (current.secrets_set || []).includes(name) ? t('importers.secretSet') : null);
  }
  const other = h('div', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    const body = {};
    for (const [name, type] of SETTINGS[i.id]) {
      const v = fields[name].input.value.trim();
      if (!v) continue;
      body[name] = name === 'lifecycle_stages' ? v.split(',').map((s) => s.trim()).filter(Boolean)
        : type === 'number' ? Number(v) : v;
    }
    try {
      await call('PUT', 'importers/' + i.id + '/config', { body });
      showErrors(fields, null);
      other.textContent = '';
      announce(t('importers.saved'));
    } catch (err) {
      other.textContent = showErrors(fields, err.problem).join('; ') || (err.problem.errors ? '' : err.message);
    }
  } }, h('h2', {}, i.label + ' – ' + t('importers.settings')), h('div', { class: 'row' }, Object.values(fields).map((f) => f.wrap)),
  other, h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('importers.save'))));
  return form;
}
