// The outbox: every review request with its status, filtered by status.
import { h, clear } from './dom.js';
import { t, language } from './i18n.js';
import { get } from './api.js';
import { requestTable } from './customers.js';

const STATUSES = ['scheduled', 'sent', 'failed', 'skipped', 'cancelled'];

export async function requestsPage(main) {
  const filter = h('select', { id: 'request-status' }, h('option', { value: '' }, t('requests.all')),
    STATUSES.map((s) => h('option', { value: s }, t('status.' + s))));
  const list = h('div');
  async function load() {
    const rows = (await get('requests?limit=200' + (filter.value ? '&status=' + filter.value : ''))).data;
    clear(list, requestTable(rows, language(), true));
  }
  filter.addEventListener('change', load);
  clear(main, h('h1', {}, t('requests.title')), h('div', { class: 'actions' },
    h('label', { for: 'request-status' }, t('col.status')), filter), list);
  await load();
  const timer = setInterval(() => load().catch(() => {}), 5000);
  return () => clearInterval(timer);
}
