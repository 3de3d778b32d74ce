// Customers: search and list, one customer's details, and the import panel (by hand or CSV).
import { h, clear, announce, when, money } from './dom.js';
import { t, language } from './i18n.js';
import { get, call } from './api.js';
import { importPanel } from './import.js';

function name(c) {
  return [c.first_name, c.last_name].filter(Boolean).join(' ');
}

export async function customersPage(main) {
  const search = h('input', { id: 'customer-search', type: 'search', placeholder: t('customers.search') });
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('customers.more'));
  const panel = h('div');
  let cursor = null;
  async function load(reset) {
    if (reset) { cursor = null; clear(body); }
    const q = search.value.trim();
    const page = await get('customers?limit=50' + (q ? '&q=' + encodeURIComponent(q) : '')
      + (cursor ? '&after=' + encodeURIComponent(cursor) : ''));
    for (const c of page.data) {
      const open = () => { location.hash = '#/customers/' + c.id; };
      body.append(h('tr', { class: 'clickable', tabindex: 0, onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); } },
        h('td', {}, name(c)), h('td', {}, c.email || ''), h('td', {}, c.phone || ''), h('td', {}, c.company || ''),
        h('td', {}, (c.sources || []).join(', ')), h('td', {}, c.charge_count), h('td', {}, when(c.signed_up_at, language()))));
    }
    if (!body.children.length) body.append(h('tr', {}, h('td', { colspan: 7 }, t('customers.none'))));
    cursor = page.next_cursor;
    more.hidden = !page.has_more;
  }
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => load(true), 250); });
  more.addEventListener('click', () => load(false));
  const importButton = h('button', { type: 'button', id: 'import-open', 'aria-expanded': 'false', onclick: () => {
    const open = importButton.getAttribute('aria-expanded') !== 'true';
    importButton.setAttribute('aria-expanded', String(open));
    clear(panel, open ? importPanel(() => load(true)) : null);
  } }, t('customers.import'));
  clear(main, h('h1', {}, t('customers.title')),
    h('div', { class: 'actions' }, h('label', { for: 'customer-search', class: 'sr' }, t('customers.search')), search, importButton),
    panel,
    h('div', { class: 'table-wrap' }, h('table', { id: 'customers' }, h('thead', {}, h('tr', {},
      ['col.name', 'col.email', 'col.phone', 'col.company', 'col.sources', 'col.charges', 'col.signup']
        .map((k) => h('th', { scope: 'col' }, t(k))))), body)), more);
  await load(true);
}

export async function customerPage(main, id) {
  const [c, charges, requests, eligibility] = await Promise.all([get('customers/' + id), get('customers/' + id + '/charges'),
    get('requests?customer_id=' + id), get('customers/' + id + '/eligibility')]);
  const lang = language();
  const spent = Object.entries(c.total_spent || {}).map(([cur, v]) => money(v, cur, lang)).join(', ');
  const ask = h('button', { type: 'button', disabled: !!c.opted_out_at, onclick: async () => {
    try {
      await call('POST', 'requests', { body: { customer_id: c.id } });
      announce(t('detail.asked'));
      customerPage(main, id);
    } catch (e) { announce(t('error.generic') + ' ' + e.message); }
  } }, t('detail.ask'));
  clear(main, h('p', {}, h('a', { href: '#/customers' }, '← ' + t('detail.back'))), h('h1', {}, name(c)),
    h('div', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, t('col.email')), h('dd', {}, c.email || '–'), h('dt', {}, t('col.phone')), h('dd', {}, c.phone || '–'),
      h('dt', {}, t('col.company')), h('dd', {}, c.company || '–'), h('dt', {}, t('col.signup')), h('dd', {}, when(c.signed_up_at, lang)),
      h('dt', {}, t('col.sources')), h('dd', {}, (c.sources || []).join(', ')),
      h('dt', {}, t('col.charges')), h('dd', {}, c.charge_count + (spent ? ' · ' + spent : '')),
      c.opted_out_at ? [h('dt', {}, t('detail.optedOut')), h('dd', { class: 'bad' }, when(c.opted_out_at, lang))] : null)),
    h('h2', {}, t('detail.eligibility')),
    h('div', { class: 'card' }, h('p', { class: eligibility.eligible ? 'ok' : 'bad' },
      eligibility.eligible ? t('detail.eligible') : t('detail.notEligible'),
      eligibility.next_send_at ? ' ' + t('detail.next') + ': ' + when(eligibility.next_send_at, lang) : ''),
    h('ul', {}, eligibility.reasons.map((r) => h('li', { class: r.met ? 'ok' : 'bad' }, (r.met ? '✓ ' : '✗ ') + r.explanation))),
    h('div', { class: 'actions' }, ask)),
    h('h2', {}, t('detail.charges')),
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('col.date')), h('th', {}, t('col.amount')))),
      h('tbody', {}, charges.data.map((x) => h('tr', {}, h('td', {}, when(x.charged_at, lang)), h('td', {}, money(x.amount, x.currency, lang))))))),
    h('h2', {}, t('detail.requests')), requestTable(requests.data, lang));
}

export function requestTable(rows, lang, withCustomer) {
  if (!rows.length) return h('p', {}, t('requests.none'));
  return h('div', { class: 'table-wrap' }, h('table', { id: 'requests' }, h('thead', {}, h('tr', {},
    [withCustomer ? 'col.customer' : null, 'col.channel', 'col.due', 'col.status', 'col.attempts', 'col.error']
      .filter(Boolean).map((k) => h('th', { scope: 'col' }, t(k))))),
  h('tbody', {}, rows.map((r) => h('tr', {},
    withCustomer ? h('td', {}, h('a', { href: '#/customers/' + r.customer_id }, r.customer_id.slice(0, 8))) : null,
    h('td', {}, r.channel + (r.reminder ? ' (+' + r.reminder + ')' : '')), h('td', {}, when(r.sent_at || r.due_at, lang)),
    h('td', {}, h('span', { class: 'badge ' + r.status }, t('status.' + r.status))), h('td', {}, r.attempts),
    h('td', {}, r.error || ''))))));
}
