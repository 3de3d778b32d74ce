// The request strategy as one form (all of PUT /strategy), with the preview of the next 7 days beside it.
import { h, clear, announce, when, field, showErrors } from './dom.js';
import { t, language } from './i18n.js';
import { get, call } from './api.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const UNITS = ['minutes', 'hours', 'days', 'months'];

function options(values, label, selected) {
  return values.map((v) => h('option', { value: v, selected: v === selected }, label(v)));
}

export async function strategyPage(main) {
  const s = await get('strategy');
  const w = s.send_window;
  const f = {
    enabled: h('input', { type: 'checkbox', id: 's-enabled', checked: s.enabled }),
    trigger: field('s-trigger', t('strategy.trigger'), { tag: 'select', options: options(['signup', 'last_charge'], (v) => t('strategy.' + v), s.trigger) }),
    'delay.amount': field('s-delay', t('strategy.delay'), { type: 'number', value: s.delay.amount }),
    'delay.unit': field('s-unit', t('strategy.unit'), { tag: 'select', options: options(UNITS, (u) => t('unit.' + u), s.delay.unit) }),
    email: h('input', { type: 'checkbox', id: 's-email', checked: s.channels.includes('email') }),
    sms: h('input', { type: 'checkbox', id: 's-sms', checked: s.channels.includes('sms') }),
    anyTime: h('input', { type: 'checkbox', id: 's-any', checked: !w }),
    'send_window.time_zone': field('s-zone', t('strategy.timeZone'), { value: w ? w.time_zone : 'Europe/Berlin' }),
    'send_window.from': field('s-from', t('strategy.from'), { type: 'time', value: w ? w.from : '09:00' }),
    'send_window.to': field('s-to', t('strategy.to'), { type: 'time', value: w ? w.to : '18:00' }),
    reminders: field('s-reminders', t('strategy.reminders'), { value: s.reminders.map((r) => r.unit === 'days' ? r.amount
      : r.amount + ' ' + r.unit).join(', ') }),
    'conditions.min_charges': field('s-min-charges', t('strategy.minCharges'), { type: 'number', value: s.conditions.min_charges }),
    'conditions.min_total': field('s-min-total', t('strategy.minTotal'), { type: 'number', value: s.conditions.min_total }),
    'conditions.min_average': field('s-min-average', t('strategy.minAverage'), { type: 'number', value: s.conditions.min_average }),
    'conditions.currency': field('s-currency', t('strategy.currency'), { value: s.conditions.currency }),
    requireSubscription: h('input', { type: 'checkbox', id: 's-subscription', checked: s.conditions.require_subscription }),
    'caps.email_daily': field('s-cap-ed', t('strategy.emailDaily'), { type: 'number', value: s.caps.email_daily }),
    'caps.email_monthly': field('s-cap-em', t('strategy.emailMonthly'), { type: 'number', value: s.caps.email_monthly }),
    'caps.sms_daily': field('s-cap-sd', t('strategy.smsDaily'), { type: 'number', value: s.caps.sms_daily }),
    'caps.sms_monthly': field('s-cap-sm', t('strategy.smsMonthly'), { type: 'number', value: s.caps.sms_monthly }),
    'templates.email_subject': field('s-subject', t('strategy.subject'), { value: s.templates.email_subject }),
    'templates.email_body': field('s-body', t('strategy.body'), { tag: 'textarea', rows: 8, value: s.templates.email_body }),
    'templates.sms_body': field('s-sms-body', t('strategy.sms'), { tag: 'textarea', rows: 3, value: s.templates.sms_body }),
  };
  const dayBoxes = DAYS.map((d) => h('label', { class: 'inline' }, h('input', { type: 'checkbox', value: d,
    checked: w ? w.days.includes(d) : DAYS.indexOf(d) < 5 }), ' ' + d));
  const fielded = Object.fromEntries(Object.entries(f).filter(([, v]) => v.input));
  fielded.channels = { input: f.email, error: h('div', { class: 'error' }) };
  fielded['send_window.days'] = { input: dayBoxes[0].firstChild, error: h('div', { class: 'error' }) };
  const other = h('div', { class: 'error', role: 'alert' });
  const preview = h('div', { id: 'strategy-preview' });
  const box = (input, label) => h('label', { for: input.id }, input, ' ' + label);
  const form = h('form', { id: 'strategy-form', class: 'card', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const num = (k) => Number(f[k].input.value || 0);
    const body = {
      enabled: f.enabled.checked, trigger: f.trigger.input.value,
      delay: { amount: num('delay.amount'), unit: f['delay.unit'].input.value },
      channels: [f.email.checked ? 'email' : null, f.sms.checked ? 'sms' : null].filter(Boolean),
      send_window: f.anyTime.checked ? null : { time_zone: f['send_window.time_zone'].input.value.trim(),
        days: dayBoxes.map((l) => l.firstChild).filter((c) => c.checked).map((c) => c.value),
        from: f['send_window.from'].input.value, to: f['send_window.to'].input.value },
      reminders: f.reminders.input.value.split(',').map((x) => x.trim()).filter(Boolean).map((x) => {
        const [amount, unit] = x.split(/\s+/);
        return { amount: Number(amount), unit: unit || 'days' };
      }),
      conditions: { require_subscription: f.requireSubscription.checked, min_charges: num('conditions.min_charges'),
        min_total: num('conditions.min_total'), min_average: num('conditions.min_average'),
        currency: f['conditions.currency'].input.value.trim() },
      caps: { email_daily: num('caps.email_daily'), email_monthly: num('caps.email_monthly'), sms_daily: num('caps.sms_daily'),
        sms_monthly: num('caps.sms_monthly') },
      templates: { email_subject: f['templates.email_subject'].input.value || null,
        email_body: f['templates.email_body'].input.value || null, sms_body: f['templates.sms_body'].input.value || null },
    };
    try {
      await call('PUT', 'strategy', { body });
      showErrors(fielded, null);
      other.textContent = '';
      announce(t('strategy.saved'));
      loadPreview(preview);
    } catch (err) {
      other.textContent = showErrors(fielded, err.problem).join('; ') || (err.problem.errors ? '' : err.message);
    }
  } },
  h('p', {}, box(f.enabled, t('strategy.enabled'))),
  h('div', { class: 'row' }, f.trigger.wrap, f['delay.amount'].wrap, f['delay.unit'].wrap),
  h('fieldset', {}, h('legend', {}, t('strategy.channels')), box(f.email, 'E-Mail'), ' ', box(f.sms, 'SMS'), fielded.channels.error),
  h('fieldset', {}, h('legend', {}, t('strategy.window')), h('p', {}, box(f.anyTime, t('strategy.anyTime'))),
    h('div', { class: 'row' }, f['send_window.time_zone'].wrap, f['send_window.from'].wrap, f['send_window.to'].wrap),
    h('div', { role: 'group', 'aria-label': t('strategy.days') }, dayBoxes), fielded['send_window.days'].error),
  f.reminders.wrap,
  h('fieldset', {}, h('legend', {}, t('strategy.conditions')), h('p', {}, box(f.requireSubscription, t('strategy.requireSubscription'))),
    h('div', { class: 'row' }, f['conditions.min_charges'].wrap, f['conditions.min_total'].wrap, f['conditions.min_average'].wrap,
      f['conditions.currency'].wrap)),
  h('fieldset', {}, h('legend', {}, t('strategy.caps')), h('div', { class: 'row' }, f['caps.email_daily'].wrap,
    f['caps.email_monthly'].wrap, f['caps.sms_daily'].wrap, f['caps.sms_monthly'].wrap)),
  h('fieldset', {}, h('legend', {}, t('strategy.templates')), h('p', { class: 'hint' }, t('strategy.placeholders')),
    f['templates.email_subject'].wrap, f['templates.email_body'].wrap, f['templates.sms_body'].wrap),
  other, h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'strategy-save' }, t('strategy.save'))));
  clear(main, h('h1', {}, t('strategy.title')), form, h('h2', {}, t('strategy.preview')), preview);
  await loadPreview(preview);
}

async function loadPreview(preview) {
  const rows = (await get('strategy/preview?days=7&limit=100')).data;
  const lang = language();
  clear(preview, rows.length ? h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {},
    ['col.customer', 'col.channel', 'col.sendAt'].map((k) => h('th', { scope: 'col' }, t(k))))),
  h('tbody', {}, rows.map((r) => h('tr', {}, h('td', {}, h('a', { href: '#/customers/' + r.customer_id },
    [r.first_name, r.last_name].filter(Boolean).join(' '))), h('td', {}, r.channels.join(', ')),
  h('td', {}, when(r.send_at, lang))))))) : h('p', {}, t('strategy.nobody')));
}
