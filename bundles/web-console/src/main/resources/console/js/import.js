// The import panel: a customer by hand (with field errors from the API) or a CSV file (preview, dry run, progress,
// report, rejected rows).
import { h, clear, announce, field, showErrors } from './dom.js';
import { t } from './i18n.js';
import { call, get } from './api.js';

export function importPanel(onChange) {
  const manualTab = h('button', { type: 'button', role: 'tab', id: 'tab-manual', 'aria-selected': 'true' }, t('import.manual'));
  const csvTab = h('button', { type: 'button', role: 'tab', id: 'tab-csv', 'aria-selected': 'false' }, t('import.csv'));
  const body = h('div', { role: 'tabpanel' });
  const select = (tab) => {
    manualTab.setAttribute('aria-selected', String(tab === 'manual'));
    csvTab.setAttribute('aria-selected', String(tab === 'csv'));
    clear(body, tab === 'manual' ? manualForm(onChange) : csvForm(onChange));
  };
  manualTab.addEventListener('click', () => select('manual'));
  csvTab.addEventListener('click', () => select('csv'));
  select('manual');
  return h('section', { class: 'card', 'aria-labelledby': 'import-title' }, h('h2', { id: 'import-title' }, t('import.title')),
    h('div', { class: 'tabs', role: 'tablist' }, manualTab, csvTab), body);
}

function manualForm(onChange) {
  const fields = {};
  for (const [id, type] of [['first_name', 'text'], ['last_name', 'text'], ['email', 'email'], ['phone', 'tel'],
    ['company', 'text'], ['signed_up_at', 'date']]) {
    fields[id] = field('c-' + id, t('f.' + id), { type, required: id === 'first_name' });
  }
  fields.contact = fields.email;
  const other = h('div', { class: 'error', role: 'alert' });
  const form = h('form', { id: 'manual-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const body = {};
    for (const id of ['first_name', 'last_name', 'email', 'phone', 'company', 'signed_up_at']) {
      const v = fields[id].input.value.trim();
      if (v) body[id] = v;
    }
    body.source = 'manual';
    try {
      const c = await call('POST', 'customers', { body });
      showErrors(fields, null);
      other.textContent = '';
      form.reset();
      announce(t('import.saved') + ' ' + [c.first_name, c.last_name].filter(Boolean).join(' '));
      onChange();
    } catch (err) {
      other.textContent = showErrors(fields, err.problem).join('; ') || (err.problem.errors ? '' : err.message);
    }
  } }, h('div', { class: 'row' }, ['first_name', 'last_name', 'email', 'phone', 'company', 'signed_up_at'].map((id) => fields[id].wrap)),
  other, h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'manual-save' }, t('import.save'))));
  return form;
}

function delimiterOf(line) {
  const counts = [',', ';', '\t', '|'].map((d) => [d, line.split(d).length]);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

function previewRows(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length).slice(0, 6);
  const d = delimiterOf(lines[0] || '');
  return lines.map((l) => l.split(d).map((v) => v.replace(/^"|"$/g, '')));
}

function csvForm(onChange) {
  let file = null;
  let header = [];
  const input = h('input', { type: 'file', id: 'csv-file', accept: '.csv,text/csv' });
  const chosen = h('p', { class: 'hint' });
  const preview = h('div');
  const progress = h('div');
  const report = h('div', { id: 'import-report', 'aria-live': 'polite' });
  const check = h('button', { type: 'button', class: 'secondary', id: 'csv-check', disabled: true }, t('import.check'));
  const run = h('button', { type: 'button', id: 'csv-run', disabled: true }, t('import.run'));
  const drop = h('div', { class: 'drop' }, h('p', {}, t('import.drop')),
    h('label', { for: 'csv-file' }, t('import.choose')), input, chosen);
  async function take(f) {
    file = f;
    chosen.textContent = f.name + ' (' + Math.ceil(f.size / 1024) + ' KB)';
    const rows = previewRows(await f.slice(0, 64 * 1024).text());
    header = rows[0] || [];
    clear(preview, h('h3', {}, t('import.preview')), h('div', { class: 'table-wrap' }, h('table', { id: 'csv-preview' },
      h('thead', {}, h('tr', {}, header.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.slice(1).map((r) => h('tr', {}, r.map((v) => h('td', {}, v))))))));
    check.disabled = false;
    run.disabled = false;
    clear(report);
  }
  input.addEventListener('change', () => input.files[0] && take(input.files[0]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) take(e.dataTransfer.files[0]); });
  async function upload(dry) {
    check.disabled = true;
    run.disabled = true;
    const bar = h('progress', { max: 100, value: 0, 'aria-label': t('import.running') });
    clear(report);
    clear(progress, h('p', {}, t('import.running')), bar);
    try {
      let job = await call('POST', 'imports/csv' + (dry ? '?dry_run=true' : ''), { body: file, type: 'text/csv' });
      while (!job.finished_at) {
        await new Promise((r) => setTimeout(r, 400));
        job = await get('imports/' + job.id);
        bar.value = job.percent || 0;
      }
      bar.value = 100;
      clear(progress);
      showReport(report, job, header);
      if (!dry) onChange();
    } catch (err) {
      clear(progress, h('p', { class: 'bad', role: 'alert' }, t('import.failed') + ' ' + err.message));
    }
    check.disabled = false;
    run.disabled = false;
  }
  check.addEventListener('click', () => upload(true));
  run.addEventListener('click', () => upload(false));
  return h('div', {}, drop, preview, h('div', { class: 'actions' }, check, run), progress, report);
}

function showReport(report, job, header) {
  const ignored = job.ignored_columns || [];
  const used = header.filter((c) => !ignored.includes(c));
  const download = job.rejected > 0 ? h('button', { type: 'button', class: 'link', id: 'rejected-download', onclick: async () => {
    const r = await call('GET', 'imports/' + job.id + '/rejected.csv', { raw: true });
    const url = URL.createObjectURL(await r.blob());
    const a = h('a', { href: url, download: 'rejected-' + job.id + '.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } }, t('import.download')) : null;
  clear(report, h('h3', {}, t('import.report')),
    job.status === 'failed' ? h('p', { class: 'bad', role: 'alert' }, t('import.failed') + ' ' + job.error) : null,
    job.dry_run ? h('p', { class: 'hint' }, t('import.dry')) : null,
    h('p', { id: 'report-counts' }, [['created', job.created], ['updated', job.updated], ['unchanged', job.unchanged],
      ['rejected', job.rejected]].map(([k, v]) => v + ' ' + t('import.' + k)).join(' · ')),
    used.length ? h('p', {}, t('import.columns') + ': ' + used.join(', ')) : null,
    ignored.length ? h('p', { class: 'hint' }, t('import.ignored') + ': ' + ignored.join(', ')) : null,
    (job.errors || []).length ? h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {},
      ['import.row', 'import.field', 'import.message'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, job.errors.slice(0, 50).map((e) => h('tr', {}, h('td', {}, e.row), h('td', {}, e.field || ''), h('td', {}, e.message))))))
      : null, download);
}
