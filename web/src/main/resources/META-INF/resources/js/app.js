// The console's shell: sign-in, navigation, routing, language and time zone, live updates.
import {
  state, el, clear, t, api, ApiError, loadMessages, whenSignedOut, toast, errorBox, spinner,
  isDesk, isStaff, isApprover, hasRole, SUPPORTED_LOCALES, hooks, loadApiPaths, apiHas, connectLive,
} from './core.js';
import { queuesView } from './views/queues.js';
import { ticketView } from './views/ticket.js';
import { newTicketView } from './views/new-ticket.js';
import { myRequestsView } from './views/my-requests.js';
import { organisationsView, organisationView } from './views/organisation.js';
import { cmdbListView, ciView, importView } from './views/cmdb.js';
import { alarmsView } from './views/alarms.js';
import { changesView, changeView, calendarView, approvalsView, newChangeView, templatesView } from './views/changes.js';
import { dashboardView } from './views/dashboard.js';
import { settingsView } from './views/settings.js';
import { cannedView } from './views/canned.js';
import { notificationBell } from './views/notifications.js';
import { modelsView } from './views/models.js';

const app = document.getElementById('app');
let current = null;      // the view on screen: {onLive, dispose}
let loading = null;      // the view being built: {pending: [[topic, data], ...]} until it is on screen
let live = null;         // the live stream this tab shares with the browser's other tabs (connectLive)
let bell = null;         // the notification bell in the navigation bar
let liveRetry = null;
let signedIn = false;

const ROUTES = [
  [/^#?\/?$/, () => (isStaff() ? queuesView : myRequestsView)],
  [/^#\/tickets$/, () => (isStaff() ? queuesView : myRequestsView)],
  [/^#\/my-requests$/, () => myRequestsView],
  [/^#\/organisations$/, () => organisationsView],
  [/^#\/organisations\/(\d+)$/, () => organisationView],
  [/^#\/tickets\/([A-Za-z]+-\d+)$/, () => ticketView],
  [/^#\/new$/, () => newTicketView],
  [/^#\/cmdb$/, () => cmdbListView],
  [/^#\/cmdb\/import$/, () => importView],
  [/^#\/cmdb\/(\d+)$/, () => ciView],
  [/^#\/alarms$/, () => alarmsView],
  [/^#\/changes$/, () => changesView],
  [/^#\/changes\/calendar$/, () => calendarView],
  [/^#\/changes\/new$/, () => newChangeView],
  [/^#\/changes\/templates$/, () => templatesView],
  [/^#\/changes\/([A-Za-z0-9-]+)$/, () => changeView],
  [/^#\/approvals$/, () => approvalsView],
  [/^#\/dashboard$/, () => dashboardView],
  [/^#\/settings$/, () => settingsView],
  [/^#\/admin\/canned$/, () => cannedView],
  [/^#\/models$/, () => modelsView],
];

async function boot() {
  whenSignedOut(() => { if (signedIn) sessionEnded(); });
  try {
    const session = await api('/api/session');
    if (session.signedIn) await enter(await api('/api/me'));
    else await showSignIn();
  } catch (e) {
    await loadMessages(visitorLocale());
    clear(app, el('div', { class: 'container py-5' }, errorBox(e)));
  }
}

function visitorLocale() {
  // Beacon speaks Korean first; a visitor's last choice on this browser wins.
  const saved = localStorage.getItem('beacon.locale');
  return SUPPORTED_LOCALES.includes(saved) ? saved : 'ko';
}

// ---------------------------------------------------------------- sign-in

async function showSignIn(notice) {
  signedIn = false;
  stopLive();
  disposeView();
  state.me = null;
  await loadMessages(visitorLocale());
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  const error = el('div', { id: 'signin-error', 'aria-live': 'assertive' });
  const username = el('input', { id: 'username', name: 'username', class: 'form-control', autocomplete: 'username', required: true, autofocus: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', class: 'form-control', autocomplete: 'current-password', required: true });
  const submit = el('button', { id: 'signin-submit', type: 'submit', class: 'btn btn-primary w-100' }, t('signin.submit'));
  const form = el('form', { id: 'signin', class: 'card-body', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    clear(error);
    if (!username.value.trim() || !password.value) {
      error.append(errorBox(new Error(t('signin.missing'))));
      return;
    }
    submit.disabled = true;
    try {
      await api('/api/session', { method: 'POST', body: { username: username.value.trim(), password: password.value }, quiet401: true });
      await enter(await api('/api/me'));
    } catch (e) {
      error.append(errorBox(signInFailure(e)));
      submit.disabled = false;
      password.select();
    }
  } },
  el('h1', { class: 'h4 mb-3' }, t('signin.title')),
  notice ? el('div', { class: 'alert alert-info', id: 'signin-notice' }, notice) : null,
  error,
  el('div', { class: 'mb-3' }, el('label', { for: 'username', class: 'form-label' }, t('signin.username')), username),
  el('div', { class: 'mb-3' }, el('label', { for: 'password', class: 'form-label' }, t('signin.password')), password),
  submit);
  const language = languageSelect(state.locale, async (locale) => {
    localStorage.setItem('beacon.locale', locale);
    await showSignIn(notice);
  });
  clear(app, el('main', { id: 'main', class: 'container' },
    el('div', { class: 'card signin-card shadow-sm' },
      el('div', { class: 'card-header d-flex justify-content-between align-items-center' },
        el('span', { class: 'navbar-brand' }, 'Beacon'), language),
      form)));
  username.focus();
}

/** What a refused sign-in tells the visitor: wrong, held back for a moment, or locked. */
function signInFailure(e) {
  if (!(e instanceof ApiError)) return e;
  const type = e.problem.type || '';
  if (e.status === 429 || type.endsWith('/sign-in-throttled')) return new Error(t('signin.throttled'));
  if (type.endsWith('/sign-in-locked')) return new Error(t('signin.locked'));
  return e.status === 401 ? new Error(t('signin.wrong')) : e;
}

function sessionEnded() {
  showSignIn(t('signin.expired'));
}

// ---------------------------------------------------------------- the signed-in shell

async function enter(me) {
  state.me = me;
  await loadApiPaths();
  state.timeZone = me.user.timeZone || 'Asia/Seoul';
  await loadMessages(me.user.locale || 'ko');
  localStorage.setItem('beacon.locale', state.locale);
  signedIn = true;
  renderShell();
  window.onhashchange = route;
  await route();
  startLive();
}

function renderShell() {
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  const link = (href, key, id) => el('li', { class: 'nav-item' },
    el('a', { class: 'nav-link', href, id, dataset: { nav: href } }, t(key)));
  const nav = el('ul', { class: 'navbar-nav me-auto mb-2 mb-lg-0' },
    link('#/tickets', isStaff() ? 'nav.tickets' : 'nav.myRequests', 'nav-tickets'),
    isStaff() ? link('#/alarms', 'nav.alarms', 'nav-alarms') : null,
    isStaff() ? link('#/changes', 'nav.changes', 'nav-changes') : null,
    isApprover() ? link('#/approvals', 'nav.approvals', 'nav-approvals') : null,
    isStaff() ? link('#/cmdb', 'nav.cmdb', 'nav-cmdb') : null,
    isDesk() ? link('#/organisations', 'nav.organisations', 'nav-organisations') : null,
    isStaff() ? link('#/dashboard', 'nav.dashboard', 'nav-dashboard') : null,
    hasRole('admin') ? link('#/admin/canned', 'nav.canned', 'nav-canned') : null,
    hasRole('admin') ? link('#/models', 'nav.models', 'nav-models') : null);
  const user = state.me.user;
  const language = languageSelect(state.locale, changeLanguage);
  const toggler = el('button', { class: 'navbar-toggler', type: 'button', 'aria-controls': 'main-nav', 'aria-expanded': 'false', 'aria-label': t('nav.menu'),
    onclick: () => {
      const open = collapse.classList.toggle('show');
      toggler.setAttribute('aria-expanded', String(open));
    } }, el('span', { class: 'navbar-toggler-icon' }));
  bell = isDesk() && apiHas('/api/notifications') ? notificationBell() : null;
  const collapse = el('div', { class: 'collapse navbar-collapse', id: 'main-nav' },
    nav,
    el('div', { class: 'd-flex flex-wrap align-items-center gap-2' },
      hasRole('requester', 'agent', 'admin') ? el('a', { class: 'btn btn-sm btn-success', href: '#/new', id: 'nav-new' }, t('nav.newTicket')) : null,
      bell ? bell.element : null,
      el('span', { class: 'navbar-text small', id: 'live-state', title: t('live.connecting') },
        el('span', { class: 'live-dot', id: 'live-dot' }), el('span', { id: 'live-label' }, t('live.connecting'))),
      language,
      el('a', { class: 'btn btn-sm btn-outline-light', href: '#/settings', id: 'nav-settings', title: t('nav.settings') },
        user.displayName || user.username),
      el('button', { class: 'btn btn-sm btn-outline-warning', id: 'signout', type: 'button', onclick: signOut }, t('nav.signOut'))));
  clear(app,
    el('nav', { class: 'navbar navbar-expand-lg navbar-dark bg-dark', 'aria-label': t('nav.main') },
      el('div', { class: 'container-fluid' },
        el('a', { class: 'navbar-brand', href: '#/tickets' }, 'Beacon'), toggler, collapse)),
    el('main', { id: 'main', class: 'container-fluid py-3', tabindex: '-1' }));
}

function languageSelect(selected, onChange) {
  return el('select', { id: 'lang', class: 'form-select form-select-sm w-auto', 'aria-label': t('nav.language'),
    onchange: (e) => onChange(e.target.value) },
    SUPPORTED_LOCALES.map((code) => el('option', { value: code, selected: code === selected }, t(`language.${code}`))));
}

async function changeLanguage(locale) {
  try {
    const me = await api('/api/me', { method: 'PATCH', body: { locale } });
    state.me = me;
    await loadMessages(me.user.locale);
    localStorage.setItem('beacon.locale', state.locale);
    renderShell();
    await route();
    updateLiveIndicator(live ? live.status() : 'connecting');
  } catch (e) {
    toast(e.message, 'danger');
  }
}

/** Settings call this after the time zone changed, so every date on screen follows. */
async function preferencesChanged(me) {
  state.me = me;
  state.timeZone = me.user.timeZone;
  if (me.user.locale !== state.locale) await loadMessages(me.user.locale);
  renderShell();
  await route();
}

async function signOut() {
  try {
    await api('/api/session', { method: 'DELETE' });
  } catch (e) {
    // signing out locally is what matters; the session is gone or will time out
  }
  window.location.hash = '';
  await showSignIn(t('signin.signedOut'));
}

// ---------------------------------------------------------------- routing

function disposeView() {
  if (current && current.dispose) current.dispose();
  current = null;
  loading = null;
}

/**
 * A view loads its data before it can take live updates; an update that arrives in between would
 * otherwise be lost (the list was read before the change). So they wait, and the view gets them
 * once it is on screen, unless the user has gone elsewhere meanwhile.
 */
function showView(build, instance) {
  if (loading !== build) {
    if (instance && instance.dispose) instance.dispose();
    return;
  }
  loading = null;
  current = instance || null;
  if (current && current.onLive) build.pending.forEach(([topic, data]) => current.onLive(topic, data));
}

async function route() {
  if (!signedIn) return;
  const hash = window.location.hash || '#/tickets';
  const path = hash.split('?')[0];
  const main = document.getElementById('main');
  disposeView();
  document.querySelectorAll('[data-nav]').forEach((a) => {
    const active = path === a.dataset.nav || path.startsWith(`${a.dataset.nav}/`);
    a.classList.toggle('active', active);
    if (active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  for (const [pattern, view] of ROUTES) {
    const match = path.match(pattern);
    if (match) {
      clear(main, spinner());
      const ctx = { params: match.slice(1), query: new URLSearchParams(hash.split('?')[1] || '') };
      const build = { pending: [] };
      loading = build;
      try {
        showView(build, await view()(main, ctx));
      } catch (e) {
        if (loading === build) {
          loading = null;
          clear(main, errorBox(e));
        }
      }
      return;
    }
  }
  clear(main, el('div', { class: 'empty-state' }, t('error.noPage')));
}


// ---------------------------------------------------------------- live updates

function updateLiveIndicator(status) {
  const dot = document.getElementById('live-dot');
  const text = document.getElementById('live-label');
  if (!dot) return;
  dot.className = `live-dot ${status === 'on' ? 'on' : status === 'off' ? 'off' : ''}`;
  const key = status === 'on' ? 'live.on' : status === 'off' ? 'live.off' : 'live.connecting';
  text.textContent = t(key);
  document.getElementById('live-state').dataset.live = status;
  // Which tab of this browser holds the one shared stream (the others get its events passed on).
  document.getElementById('live-state').dataset.leader = String(Boolean(live && live.leader()));
}

function startLive() {
  stopLive();
  if (!apiHas('/api/stream')) return;
  live = connectLive({
    onState: updateLiveIndicator,
    onLost: scheduleLiveRetry,
    onEvent(topic, data) {
      notify(topic, data);
      if (topic === 'notification') {
        if (bell) bell.refresh();
        return;
      }
      if (current && current.onLive) current.onLive(topic, data);
      else if (loading) loading.pending.push([topic, data]);
    },
  });
}

/**
 * The browser's own reconnection is not enough: after a restart the session is gone (the stream
 * then answers 401 and the browser gives up), and browsers slow their retries down. So while the
 * stream is not open, ask every few seconds whether we are still signed in: if so, open a new
 * stream (from the last event seen); if not, say that the session ended and show the sign-in page.
 */
function scheduleLiveRetry() {
  if (liveRetry) return;
  liveRetry = setTimeout(async () => {
    liveRetry = null;
    if (!signedIn || !live || live.status() === 'on') return;
    try {
      const session = await api('/api/session');
      if (session.signedIn) live.reconnect(); else sessionEnded();
    } catch (e) {
      scheduleLiveRetry(); // the server is not back yet
    }
  }, 3000);
}

function stopLive() {
  clearTimeout(liveRetry);
  liveRetry = null;
  if (live) live.stop();
  live = null;
}

function notify(topic, data) {
  if (topic === 'ticket' && data.kind === 'created' && isStaff() && !window.location.hash.startsWith(`#/tickets/${data.key}`)) {
    toast(el('a', { href: `#/tickets/${data.key}`, class: 'alert-link' }, t('live.ticketCreated', { key: data.key })), 'info');
  } else if (topic === 'task' && data.kind === 'created' && isApprover()) {
    toast(el('a', { href: '#/approvals', class: 'alert-link' }, t('live.taskCreated')), 'warning');
  } else if (topic === 'notification' && data.kind === 'created' && isDesk()) {
    toast(el('a', { href: `#/tickets/${data.key}`, class: 'alert-link' }, t('notifications.mentionToast', { key: data.key })), 'primary');
  } else if (topic === 'alarm' && data.kind === 'created' && isDesk()) {
    toast(el('a', { href: '#/alarms', class: 'alert-link' }, t('live.alarmRaised')), 'danger');
  }
}

hooks.preferencesChanged = preferencesChanged;
boot();
