import './style.css';
import { Api, ApiError, type Me } from './api';
import { describe, type Ctx } from './context';
import { h } from './dom';
import { currentLang, setLang, t, type Key, type Lang } from './i18n';
import { navFor, type NavItem } from './roles';
import { formatRoute, parseRoute, type Route } from './router';
import { loginView } from './views/login';
import { queueView } from './views/queue';
import { caseView } from './views/case';
import { registryView } from './views/registry';
import { subscriptionsView } from './views/subscriptions';
import { dashboardView } from './views/dashboard';
import { accuracyView } from './views/accuracy';
import { LiveUpdates } from './live';

const TOKEN_KEY = 'ipwatch.casework.token';
const LANG_KEY = 'ipwatch.casework.lang';

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let me: Me | null = null;
const api = new Api(() => token);
const live = new LiveUpdates();

const statusLine = h('p', { id: 'status-line', className: 'status', role: 'status', 'aria-live': 'polite' });
const main = h('main', { id: 'main', tabindex: '-1' });
const nav = h('nav', { className: 'nav', 'aria-label': t('mainNav') });
const header = h('header', { className: 'topbar' });

function say(message: string, isError = false): void {
  statusLine.textContent = message;
  statusLine.classList.toggle('error', isError);
}

function fail(e: unknown): void {
  if (e instanceof ApiError && e.status === 401) {
    signOut(t('sessionEnded'));
    return;
  }
  say(describe(e), true);
}

function go(hash: string): void {
  if (location.hash === hash) void render();
  else location.hash = hash;
}

const NAV_LABEL: Record<NavItem, Key> = {
  queue: 'navQueue', notices: 'navNotices', dashboard: 'navDashboard', registry: 'navRegistry',
  subscriptions: 'navSubscriptions', accuracy: 'navAccuracy',
};

function renderChrome(route: Route): void {
  const langSelect = h('select', { id: 'lang', onchange: (ev: Event) => {
    const l = (ev.target as HTMLSelectElement).value as Lang;
    localStorage.setItem(LANG_KEY, l);
    setLang(l);
    void render();
  } }, h('option', { value: 'en', selected: currentLang() === 'en' }, 'English'),
  h('option', { value: 'zh', selected: currentLang() === 'zh' }, '中文'));
  header.replaceChildren(
    h('a', { className: 'skip-link', href: '#main', onclick: (ev: Event) => { ev.preventDefault(); main.focus(); } },
      t('skip')),
    h('h1', { className: 'brand' }, t('appName'), ' ', h('span', { className: 'brand-sub' }, t('appSub'))),
    h('div', { className: 'lang' }, h('label', { for: 'lang' }, t('language')), langSelect),
    ...(me ? [h('div', { className: 'whoami' }, h('span', {}, t('signedInAs')), h('strong', { id: 'org-name' },
      me.organisation.name), h('span', { className: 'role-badge', id: 'org-role' },
      t(`role${me.organisation.role}` as Key)),
    h('button', { type: 'button', id: 'sign-out', className: 'button-secondary', onclick: () => signOut() },
      t('signOut')))] : []));
  if (!me) {
    nav.replaceChildren();
    nav.hidden = true;
    return;
  }
  nav.hidden = false;
  nav.setAttribute('aria-label', t('mainNav'));
  const items = navFor(me.organisation.role);
  nav.replaceChildren(h('ul', {}, ...items.map((item) => {
    const label = item === 'queue' && me?.organisation.role === 'RIGHTS_HOLDER' ? 'navMyCases' : NAV_LABEL[item];
    const href = item === 'queue' ? '#/cases' : `#/${item}`;
    const current = route.view === item || ((item === 'queue' || item === 'notices') && route.view === 'case');
    return h('li', {}, h('a', { href, 'aria-current': current ? 'page' : null, 'data-nav': item }, t(label)));
  })));
}

async function render(): Promise<void> {
  let route = parseRoute(location.hash);
  if (!token || !me) route = { view: 'login' };
  if (me && route.view !== 'case' && route.view !== 'login') {
    // a view the role does not have (e.g. a platform following a queue link) shows the role's home instead
    const allowed = navFor(me.organisation.role);
    if (!allowed.includes(route.view as NavItem)) {
      route = allowed[0] === 'notices' ? { view: 'notices', params: {} } : { view: 'queue', params: {} };
    }
  }
  renderChrome(route);
  say('');
  if (route.view === 'login' || !me || !token) {
    main.replaceChildren(await loginView(api, signIn));
    return;
  }
  const ctx: Ctx = { api, me, token, say, fail, go };
  main.replaceChildren(h('p', { className: 'help' }, t('loading')));
  let view: HTMLElement;
  switch (route.view) {
    case 'case':
      view = await caseView(ctx, route.id, live);
      break;
    case 'registry':
      view = await registryView(ctx);
      break;
    case 'subscriptions':
      view = await subscriptionsView(ctx);
      break;
    case 'dashboard':
      view = await dashboardView(ctx);
      break;
    case 'accuracy':
      view = await accuracyView(ctx);
      break;
    case 'notices':
      view = await queueView(ctx, route.params, 'notices', live);
      break;
    default:
      view = await queueView(ctx, route.view === 'queue' ? route.params : {}, 'queue', live);
  }
  main.replaceChildren(view);
  const heading = view.querySelector<HTMLElement>('h2');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

async function signIn(candidate: string): Promise<void> {
  say(t('loading'));
  try {
    me = await api.get<Me>('/api/me', candidate);
    token = candidate;
    sessionStorage.setItem(TOKEN_KEY, candidate);
    live.start(candidate, say);
    const r = parseRoute(location.hash);
    go(r.view === 'login' ? formatRoute(navFor(me.organisation.role)[0] === 'notices'
      ? { view: 'notices', params: {} } : { view: 'queue', params: {} }) : location.hash);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) say(t('tokenRejected'), true);
    else say(describe(e), true);
  }
}

function signOut(message?: string): void {
  token = null;
  me = null;
  live.stop();
  sessionStorage.removeItem(TOKEN_KEY);
  go('#/login');
  setTimeout(() => say(message ?? ''), 0);
}

async function boot(): Promise<void> {
  const saved = localStorage.getItem(LANG_KEY);
  setLang(saved === 'zh' ? 'zh' : 'en');
  document.body.replaceChildren(header, nav, h('div', { className: 'content' }, statusLine, main));
  window.addEventListener('hashchange', () => void render());
  // "/" jumps to the search field, as in most web applications; never while typing in a field
  document.addEventListener('keydown', (ev) => {
    const typing = ev.target instanceof HTMLElement && ev.target.closest('input, textarea, select, [contenteditable]');
    const search = document.getElementById('q');
    if (ev.key === '/' && !typing && search && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      search.focus();
    }
  });
  if (token) {
    try {
      me = await api.get<Me>('/api/me');
      live.start(token, say);
    } catch {
      token = null;
      sessionStorage.removeItem(TOKEN_KEY);
    }
  }
  await render();
}

void boot();
