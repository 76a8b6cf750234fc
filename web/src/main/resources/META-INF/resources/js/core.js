// The console's small core: DOM building, the API client, message bundles, dates, notices.

export const state = {
  me: null,          // /api/me: {user: {username, displayName, roles, locale, timeZone}, groups}
  locale: 'ko',
  timeZone: 'Asia/Seoul',
  messages: {},
  fallback: {},
};

export const SUPPORTED_LOCALES = ['ko', 'en'];

/** Late-bound calls from views back into the shell (the shell imports the views). */
export const hooks = { preferencesChanged: async () => {} };

/** Builds an element; text children are text nodes, so data never becomes markup. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'value' && 'value' in node) {
      node.value = value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

// ---------------------------------------------------------------- messages

export async function loadMessages(locale) {
  const wanted = SUPPORTED_LOCALES.includes(locale) ? locale : 'ko';
  const [messages, fallback] = await Promise.all([
    fetchBundle(wanted),
    wanted === 'en' ? null : fetchBundle('en'),
  ]);
  state.locale = wanted;
  state.messages = messages;
  state.fallback = fallback || messages;
  document.documentElement.lang = wanted;
}

async function fetchBundle(locale) {
  const response = await fetch(`/i18n/${locale}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`message bundle ${locale}: ${response.status}`);
  return response.json();
}

/**
 * A label from the bundle, with {name} placeholders filled in and Korean particle pairs such as
 * {을/를} chosen by the final consonant of what precedes them ({@link format}).
 */
export function t(key, params) {
  let text = state.messages[key] ?? state.fallback[key];
  if (text === undefined) {
    console.warn(`missing message ${key}`);
    text = key;
  }
  return format(text, params);
}

const PARTICLES = { '을/를': ['을', '를'], '이/가': ['이', '가'], '은/는': ['은', '는'], '과/와': ['과', '와'], '으로/로': ['으로', '로'] };

/**
 * How a word ends for a Korean particle: 'vowel', 'consonant', 'rieul' (ㄹ) or 'unknown'. Hangul by
 * (code − 0xAC00) % 28; digits by their Korean reading (1, 7, 8: ㄹ; 0, 3, 6: another consonant);
 * Latin letters by the English ending (l: ㄹ; m, n: a consonant). Closing brackets and quotes are
 * skipped. The same rule as the server's KoreanParticles (KoreanParticlesTest).
 */
export function ending(text) {
  const s = String(text ?? '');
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      const jong = (c - 0xAC00) % 28;
      return jong === 0 ? 'vowel' : jong === 8 ? 'rieul' : 'consonant';
    }
    const ch = s[i].toLowerCase();
    if (ch >= '0' && ch <= '9') return '178'.includes(ch) ? 'rieul' : '036'.includes(ch) ? 'consonant' : 'vowel';
    if (ch >= 'a' && ch <= 'z') return ch === 'l' ? 'rieul' : (ch === 'm' || ch === 'n') ? 'consonant' : 'vowel';
    if (/\p{L}/u.test(s[i])) return 'unknown';
  }
  return 'unknown';
}

/** The particle of a pair such as '을/를' after {@code word}. */
export function particle(pair, word) {
  const [afterConsonant, afterVowel] = PARTICLES[pair];
  switch (ending(word)) {
    case 'consonant': return afterConsonant;
    case 'rieul': return afterConsonant === '으로' ? afterVowel : afterConsonant;
    case 'vowel': return afterVowel;
    default: return `${afterConsonant}(${afterVowel})`;
  }
}

/** Fills {name} from params and each particle pair after the text before it; unknown names stay. */
export function format(pattern, params) {
  let out = '';
  let last = 0;
  for (const m of pattern.matchAll(/\{([^{}]+)\}/g)) {
    out += pattern.slice(last, m.index);
    const name = m[1];
    if (PARTICLES[name]) out += particle(name, out);
    else if (params && params[name] !== undefined && params[name] !== null) out += params[name];
    else out += m[0];
    last = m.index + m[0].length;
  }
  return out + pattern.slice(last);
}

/** Arguments of Beacon's own text shown in words: codes as labels, instants in the reader's zone. */
const ARG_LABELS = { severity: 'severity', status: 'status', priority: 'priority', source: 'sys.source', workKind: 'sys.work', changeStatus: 'changeStatus' };

/**
 * Text Beacon wrote (a note, an incident's description) in the reader's language: its message key
 * and arguments from the API, else the English {@code text} as stored. Arguments named ...At are
 * instants (shown in the reader's zone), ...Seconds durations; a text nested in another (a reason in a
 * note) comes as {name} (its English), {nameKey} and {name.arg}, and is worded the same way.
 */
export function systemText(key, args, text) {
  if (!key || (state.messages[key] ?? state.fallback[key]) === undefined) return text ?? '';
  const all = args || {};
  const shown = {};
  for (const [name, value] of Object.entries(all)) {
    if (name.includes('.')) continue;
    const nested = all[`${name}Key`];
    if (typeof nested === 'string' && nested.startsWith('sys.')) {
      const inner = {};
      for (const [n, v] of Object.entries(all)) if (n.startsWith(`${name}.`)) inner[n.slice(name.length + 1)] = v;
      shown[name] = systemText(nested, inner, value);
    } else {
      shown[name] = /At$/.test(name) && value ? formatDateTime(value)
        : /Seconds$/.test(name) && value !== '' && !Number.isNaN(Number(value))
          ? (Math.abs(Number(value)) < 60 ? t('time.s', { s: Number(value) }) : duration(Number(value)))
          : ARG_LABELS[name] ? label(ARG_LABELS[name], value) : value;
    }
  }
  return t(key, shown);
}

/** A code (status, type, severity...) shown in words: "status.in_progress". */
export function label(group, code) {
  if (code === null || code === undefined || code === '') return '—';
  const key = `${group}.${code}`;
  return (state.messages[key] ?? state.fallback[key]) || code;
}

// ---------------------------------------------------------------- dates

const dateFormats = new Map();

/**
 * One Intl.DateTimeFormat per locale and options, kept: building one costs far more than using it
 * (a queue page formats a hundred dates, and ten tabs re-render it at once on a live update).
 */
export function dateFormat(locale, options) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

const relativeFormats = new Map();

/**
 * Date and time in the user's time zone, year first in both languages, as the date fields
 * ({@link dateInput}) take them: Korean "2026. 12. 06. 14:05", English "2026-12-06 14:05" (no
 * day-first text beside a month-first picker).
 */
export function formatDateTime(iso) {
  if (!iso) return '—';
  if (state.locale === 'ko') {
    return dateFormat('ko-KR', {
      timeZone: state.timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).format(new Date(iso));
  }
  const p = zoneParts(iso, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A day in the user's time zone as year-month-day ("2026-12-06"). */
export function formatDay(iso) {
  if (!iso) return '—';
  const p = zoneParts(iso, false);
  return `${p.year}-${p.month}-${p.day}`;
}

function zoneParts(iso, withTime) {
  const parts = dateFormat('en-CA', {
    timeZone: state.timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).formatToParts(new Date(iso));
  return Object.fromEntries(parts.map((x) => [x.type, x.value]));
}

/**
 * A date field that takes and shows a day as year-month-day, as every date on the pages is shown
 * (a browser's own date picker follows the browser's language, not the user's). {@code onDate} gets
 * the ISO day, or '' when emptied; a malformed day marks the field invalid and is not passed on.
 */
export function dateInput({ onDate, value, min, max, ...attrs }) {
  const input = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', pattern: '\\d{4}-\\d{2}-\\d{2}',
    placeholder: t('date.placeholder'), value: value || '', ...(min ? { min } : {}), ...(max ? { max } : {}), ...attrs });
  input.addEventListener('change', () => {
    const v = input.value.trim().replace(/[./]\s*/g, '-').replace(/-$/, '');
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
    const day = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
    const valid = v === '' || (m && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && (!min || day >= min) && (!max || day <= max));
    input.classList.toggle('is-invalid', !valid);
    if (!valid) { input.title = t('date.invalid'); return; }
    input.value = day;
    onDate(day);
  });
  return input;
}

export function formatDate(date) {
  return dateFormat(state.locale === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: state.timeZone, year: 'numeric', month: 'long',
  }).format(date);
}

export function relative(iso) {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  let rtf = relativeFormats.get(state.locale);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(state.locale, { numeric: 'auto' });
    relativeFormats.set(state.locale, rtf);
  }
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

export function duration(totalSeconds) {
  const negative = totalSeconds < 0;
  let s = Math.abs(Math.round(totalSeconds));
  const d = Math.floor(s / 86400); s %= 86400;
  const h = Math.floor(s / 3600); s %= 3600;
  const m = Math.floor(s / 60);
  const text = d > 0 ? t('time.dh', { d, h }) : h > 0 ? t('time.hm', { h, m }) : t('time.m', { m });
  return negative ? t('time.overdue', { time: text }) : text;
}

// ---------------------------------------------------------------- API

/** An API call that failed; message is in plain words (the problem's detail and field errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : t('error.http', { status }));
    this.status = status;
    this.problem = problem || {};
    this.errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
  }

  /** Where a back end is not there (yet): its endpoint answers 404 or 405 at its root. */
  get unavailable() {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }

  describe() {
    const fields = this.errors.map((e) => `${e.field}: ${e.message}`);
    return fields.length ? `${this.message} (${fields.join('; ')})` : this.message;
  }
}

let onUnauthorized = () => {};
export function whenSignedOut(handler) { onUnauthorized = handler; }

/**
 * Calls the API with the session cookie; unsafe calls carry X-Requested-With, which the server
 * requires for session calls (a cross-site form cannot send it). Answers the parsed JSON.
 */
export async function api(path, { method = 'GET', body, headers = {}, raw = false, quiet401 = false } = {}) {
  // Accept-Language: the server tells its refusals in the reader's language.
  const init = { method, headers: { 'X-Requested-With': 'beacon-console', Accept: 'application/json', 'Accept-Language': state.locale, ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    if (body instanceof FormData || body instanceof Blob || typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (networkError) {
    throw new ApiError(0, { detail: t('error.network') });
  }
  if (response.status === 401 && !quiet401) {
    onUnauthorized();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

async function problemOf(response) {
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) return await response.json();
  } catch (ignored) { /* no readable body */ }
  return null;
}

/**
 * The API's paths, read once from its OpenAPI document: the console asks only for what this server
 * has, so a back end that is not there yet shows an empty state without a failed request.
 */
let apiPaths = null;
export async function loadApiPaths() {
  try {
    const response = await fetch('/openapi?format=JSON', { headers: { Accept: 'application/json' } });
    const doc = response.ok ? await response.json() : null;
    apiPaths = doc && doc.paths ? Object.keys(doc.paths).map((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`)) : null;
  } catch (e) {
    apiPaths = null; // unknown: ask and see
  }
}

export function apiHas(path) {
  const bare = path.split('?')[0];
  return apiPaths === null || apiPaths.some((re) => re.test(bare));
}

/** Like api(), but an endpoint that does not exist yet answers null instead of failing. */
export async function optionalApi(path, options) {
  if (!apiHas(path)) return null;
  try {
    return await api(path, options);
  } catch (e) {
    if (e instanceof ApiError && e.unavailable) return null;
    throw e;
  }
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------- roles

export function hasRole(...roles) {
  const mine = state.me ? state.me.user.roles : [];
  return roles.some((r) => mine.includes(r));
}
export const isDesk = () => hasRole('agent', 'admin');
export const isStaff = () => hasRole('agent', 'admin', 'approver');
export const isApprover = () => hasRole('approver', 'admin');

// ---------------------------------------------------------------- notices

export function toast(message, kind = 'info', timeout = 6000) {
  const box = el('div', { class: `alert alert-${kind} alert-dismissible py-2`, role: kind === 'danger' ? 'alert' : 'status' },
    message,
    el('button', { type: 'button', class: 'btn-close', 'aria-label': t('action.close'), onclick: () => box.remove() }));
  document.getElementById('toasts').append(box);
  if (timeout) setTimeout(() => box.remove(), timeout);
}

/** An error block for a form or a page, in plain words. */
export function errorBox(error) {
  const text = error instanceof ApiError ? error.message : (error && error.message) || String(error);
  const fields = error instanceof ApiError ? error.errors : [];
  return el('div', { class: 'alert alert-danger', role: 'alert', dataset: { testid: 'error' } },
    el('div', {}, text),
    fields.length ? el('ul', { class: 'mb-0 mt-1' }, fields.map((f) => el('li', {}, `${f.field}: ${f.message}`))) : null);
}

export function emptyState(text) {
  return el('div', { class: 'empty-state', dataset: { testid: 'empty' } }, text);
}

export function spinner() {
  return el('div', { class: 'text-center p-4' },
    el('div', { class: 'spinner-border text-secondary', role: 'status' },
      el('span', { class: 'visually-hidden' }, t('common.loading'))));
}

export function badge(text, cls) {
  return el('span', { class: `badge ${cls}` }, text);
}

export function priorityBadge(priority) {
  return badge(priority || '—', `prio prio-${priority}`);
}

const STATUS_CLASSES = {
  new: 'text-bg-primary', assigned: 'text-bg-info', in_progress: 'text-bg-warning', pending: 'text-bg-secondary',
  resolved: 'text-bg-success', closed: 'text-bg-dark',
};
export function statusBadge(status) {
  return badge(label('status', status), STATUS_CLASSES[status] || 'text-bg-light');
}

export function severityBadge(severity) {
  return badge(label('severity', severity), `sev-${severity}`);
}

export const OPEN_STATUSES = 'new,assigned,in_progress,pending';

/**
 * Runs fn at once, then at most once per wait ms while calls keep coming (the last call always gets
 * its run): a live update shows without waiting, a burst of them costs a few reloads, and no timer
 * stands in the way in a background tab (where the browser delays timers).
 */
export function throttle(fn, wait = 500) {
  let last = 0;
  let timer = null;
  return (...args) => {
    const now = Date.now();
    if (!timer && now - last >= wait) {
      last = now;
      fn(...args);
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        fn(...args);
      }, Math.max(0, wait - (now - last)));
    }
  };
}

/** Runs fn at most once per wait ms, at the end: live updates can come in bursts. */
export function debounce(fn, wait = 400) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

// ---------------------------------------------------------------- live updates: one stream per browser

/**
 * The topics of /api/stream the console listens to.
 */
export const LIVE_TOPICS = ['ticket', 'alarm', 'task', 'notification'];

/** A browser allows six HTTP/1.1 connections per host: every tab with its own stream would use them up. */
const LIVE_CHANNEL = 'beacon-live';
const LIVE_LOCK = 'beacon-live-leader';

/** The run and number of a stream event id ("<run>-<n>"), or null. */
function eventNumber(id) {
  const dash = id ? id.lastIndexOf('-') : -1;
  if (dash <= 0) return null;
  const n = Number(id.slice(dash + 1));
  return Number.isFinite(n) ? { run: id.slice(0, dash), n } : null;
}

/**
 * Live updates shared by all the tabs of this browser: one tab, the leader (whoever holds the Web Lock
 * {@link LIVE_LOCK}), holds the only EventSource and passes every event on to the others through a
 * BroadcastChannel. When the leader tab closes (or signs out) its lock is released, the next tab takes
 * it and opens the stream again from the last event id it saw, so the server sends what came in
 * between (Last-Event-ID); an event seen twice is dropped by its id. Without Web Locks or
 * BroadcastChannel every tab keeps its own stream, as before.
 *
 * onEvent(topic, data) gets each update once; onState('on' | 'connecting' | 'off') the stream's state;
 * onLost() is called in the leader tab when its stream broke (to check the session and reconnect).
 * Answers {status(), leader(), reconnect(), stop()}.
 */
export function connectLive({ onEvent, onState, onLost }) {
  const shared = typeof BroadcastChannel === 'function' && navigator.locks && typeof navigator.locks.request === 'function';
  const channel = shared ? new BroadcastChannel(LIVE_CHANNEL) : null;
  const abort = typeof AbortController === 'function' ? new AbortController() : null;
  let source = null;
  let status = 'connecting';
  let last = null;        // {run, n} of the last event this tab saw
  let lastId = null;
  let leader = !shared;
  let release = null;
  let stopped = false;

  const post = (message) => { if (channel && !stopped) channel.postMessage(message); };
  const setState = (s) => {
    status = s;
    onState(s);
  };

  /** True the first time an event id is seen (ids count up within one server run). */
  function fresh(id) {
    const number = eventNumber(id);
    if (!number) return true;
    if (last && last.run === number.run && number.n <= last.n) return false;
    last = number;
    lastId = id;
    return true;
  }

  function open() {
    if (stopped) return;
    const es = new EventSource(lastId ? `/api/stream?lastEventId=${encodeURIComponent(lastId)}` : '/api/stream');
    source = es;
    const opened = () => { if (source === es) { setState('on'); post({ type: 'state', status: 'on' }); } };
    es.addEventListener('hello', opened);
    es.addEventListener('open', opened);
    for (const topic of LIVE_TOPICS) {
      es.addEventListener(topic, (event) => {
        if (source !== es) return;
        let data;
        try { data = JSON.parse(event.data); } catch (ignored) { return; }
        const id = event.lastEventId || null;
        if (id && !fresh(id)) return;
        post({ type: 'event', topic, data, id });
        onEvent(topic, data);
      });
    }
    es.onerror = () => {
      if (source !== es) return;
      const s = es.readyState === EventSource.CLOSED ? 'off' : 'connecting';
      setState(s);
      post({ type: 'state', status: s });
      onLost();
    };
  }

  if (shared) {
    channel.onmessage = ({ data: message }) => {
      if (stopped || !message) return;
      if (message.type === 'event') {
        if (leader || (message.id && !fresh(message.id))) return;
        onEvent(message.topic, message.data);
      } else if (message.type === 'state' && !leader) {
        setState(message.status);
      } else if (message.type === 'ask' && leader) {
        post({ type: 'state', status });
        if (lastId) post({ type: 'seen', id: lastId });
      } else if (message.type === 'seen' && !leader && message.id) {
        fresh(message.id); // where the stream stands, should this tab take it over before the next event
      }
    };
    navigator.locks.request(LIVE_LOCK, abort ? { signal: abort.signal } : {}, () => {
      if (stopped) return undefined;
      leader = true;
      open();
      // Held while this tab lives; stop() or closing the tab hands the stream on.
      return new Promise((resolve) => { release = resolve; });
    }).catch(() => { /* aborted: this tab stopped before it became the leader */ });
    post({ type: 'ask' });
  } else {
    open();
  }

  return {
    status: () => status,
    leader: () => leader,
    /** In the leader tab: a new stream (after the session was checked), resuming from the last event. */
    reconnect() {
      if (!leader || stopped) return;
      if (source) source.close();
      source = null;
      open();
    },
    stop() {
      stopped = true;
      if (source) source.close();
      source = null;
      if (release) release();
      if (abort) abort.abort();
      if (channel) channel.close();
    },
  };
}
