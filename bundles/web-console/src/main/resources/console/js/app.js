// The console's shell: login, project choice, language, navigation by URL hash.
import { h, clear, announce } from './dom.js';
import { t, language, setLanguage } from './i18n.js';
import { call, get, session, basic, ApiError } from './api.js';
import { customersPage, customerPage } from './customers.js';
import { importersPage } from './importers.js';
import { strategyPage } from './strategy.js';
import { requestsPage } from './requests.js';
import { settingsPage } from './settings.js';

const main = document.getElementById('main');
const PAGES = [['customers', 'nav.customers'], ['importers', 'nav.importers'], ['strategy', 'nav.strategy'],
  ['requests', 'nav.requests'], ['settings', 'nav.settings']];
let stopPage = null;

function loginPage() {
  document.getElementById('top').hidden = true;
  const user = h('input', { id: 'login-user', autocomplete: 'username', value: 'admin', required: true });
  const password = h('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('div', { class: 'error', role: 'alert', id: 'login-error' });
  const form = h('form', { class: 'card login', onsubmit: async (e) => {
    e.preventDefault();
    const auth = basic(user.value, password.value);
    try {
      await call('GET', 'projects', { auth, project: false });
      session.auth = auth;
      route();
    } catch (err) {
      error.textContent = err instanceof ApiError && (err.status === 401 || err.status === 403) ? t('login.failed')
        : t('error.generic') + ' ' + err.message;
    }
  } }, h('h1', {}, 'BewertungsBox – ' + t('login.title')),
  h('label', { for: 'login-user' }, t('login.user')), user,
  h('label', { for: 'login-password' }, t('login.password')), password, error,
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'login-submit' }, t('login.submit'))));
  clear(main, form);
  user.focus();
}

async function projectChooser() {
  const select = document.getElementById('project');
  const projects = (await get('projects', { project: false })).data;
  if (!projects.some((p) => p.slug === session.project)) session.project = projects.length ? projects[0].slug : '';
  clear(select, projects.map((p) => h('option', { value: p.slug, selected: p.slug === session.project }, p.name)));
  select.onchange = () => { session.project = select.value; route(); };
  document.getElementById('project-label').textContent = t('project');
  return projects;
}

function header(current) {
  document.getElementById('top').hidden = false;
  clear(document.getElementById('nav'), PAGES.map(([id, key]) => h('a', {
    href: '#/' + id, 'aria-current': id === current ? 'page' : null }, t(key))));
  const lang = document.getElementById('lang');
  lang.value = language();
  lang.onchange = () => { setLanguage(lang.value); route(); };
  const out = document.getElementById('logout');
  out.textContent = t('logout');
  out.onclick = () => { session.auth = null; location.hash = ''; loginPage(); };
}

function noProject() {
  const name = h('input', { id: 'new-project', required: true });
  clear(main, h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    const p = await call('POST', 'projects', { body: { name: name.value }, project: false });
    session.project = p.slug;
    route();
  } }, h('h1', {}, t('project.new')), h('p', {}, t('login.noProjects')), h('label', { for: 'new-project' }, t('project.new')),
  name, h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('project.create')))));
}

async function route() {
  if (stopPage) { stopPage(); stopPage = null; }
  document.documentElement.lang = language();
  if (!session.auth) { loginPage(); return; }
  const [, page = 'customers', arg] = location.hash.split('/');
  header(page);
  try {
    const projects = await projectChooser();
    if (!projects.length) { noProject(); return; }
    clear(main, h('p', {}, t('loading')));
    const render = { customers: () => (arg ? customerPage(main, arg) : customersPage(main)), importers: () => importersPage(main),
      strategy: () => strategyPage(main), requests: () => requestsPage(main), settings: () => settingsPage(main, projects) }[page]
      || (() => customersPage(main));
    stopPage = (await render()) || null;
    main.focus();
  } catch (err) {
    clear(main, h('p', { class: 'bad', role: 'alert' }, t('error.generic') + ' ' + err.message));
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('bb-logout', () => loginPage());
setLanguage(language());
route();
export { announce };
