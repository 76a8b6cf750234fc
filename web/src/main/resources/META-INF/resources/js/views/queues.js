// Queues: the ticket lists an agent works from, with counts, filters, sorting and server-side paging;
// the due column, saved views, bulk changes of the selected rows, and keyboard shortcuts.
import {
  state, el, clear, t, label, systemText, api, query, errorBox, emptyState, spinner, formatDateTime, relative, duration, toast,
  priorityBadge, statusBadge, isStaff, isDesk, OPEN_STATUSES, throttle,
} from '../core.js';
import { ciPicker } from './ci-picker.js';

const PAGE_SIZE = 25;
/** The list's own parameters that a saved view keeps (never the page). */
const VIEW_PARAMS = ['queue', 'type', 'status', 'priority', 'ciId', 'ciName', 'organisation', 'q', 'sort'];

function queues() {
  if (!isStaff()) {
    return [
      { id: 'my-open', filter: { requester: 'me', status: OPEN_STATUSES } },
      { id: 'my-all', filter: { requester: 'me' } },
    ];
  }
  return [
    { id: 'open-incidents', filter: { type: 'incident', status: OPEN_STATUSES } },
    { id: 'mine', filter: { assignee: 'me', status: OPEN_STATUSES } },
    { id: 'my-groups', filter: { group: 'mine', status: OPEN_STATUSES } },
    { id: 'unassigned', filter: { assignee: 'none', status: OPEN_STATUSES } },
    { id: 'sla', filter: { sla: 'at_risk,breached', status: OPEN_STATUSES } },
    { id: 'all', filter: {} },
  ];
}

const COLUMNS = [
  { id: 'key', sort: 'key' },
  { id: 'priority', sort: 'priority' },
  { id: 'title', sort: 'title' },
  { id: 'status', sort: 'status' },
  { id: 'due', sort: 'due' },
  { id: 'type', optional: true },
  { id: 'ci', optional: true },
  { id: 'assignee' },
  { id: 'group', optional: true },
  { id: 'updated', sort: 'updatedAt' },
];

const SHORTCUTS = [['j', 'queue.keys.next'], ['k', 'queue.keys.prev'], ['Enter', 'queue.keys.open'], ['x', 'queue.keys.select'],
  ['a', 'queue.keys.assign'], ['r', 'queue.keys.reply'], ['n', 'queue.keys.new'], ['/', 'queue.keys.search'], ['?', 'queue.keys.help']];

export async function queuesView(main, ctx) {
  const all = queues();
  const params = ctx.query;
  const queue = all.find((q) => q.id === params.get('queue')) || all[0];
  const view = {
    type: params.get('type') || '',
    status: params.get('status') || '',
    priority: params.get('priority') || '',
    ciId: params.get('ciId') || '',
    ciName: params.get('ciName') || '',
    q: params.get('q') || '',
    organisation: params.get('organisation') || '',
    // A search lists the best matches first unless a column's sort is chosen.
    sort: params.get('sort') || (params.get('q') ? '' : queue.id === 'open-incidents' ? 'priority' : '-updatedAt'),
    page: Number(params.get('page') || 0),
  };
  const activeView = params.get('view') || '';

  const go = (changes) => {
    const next = { ...view, ...changes, queue: queue.id };
    if (!('page' in changes)) next.page = 0;
    window.location.hash = `#/tickets${query(next)}`;
  };

  const countsList = el('div', { class: 'list-group sidebar', id: 'queues', role: 'navigation', 'aria-label': t('queue.title') },
    all.map((q) => el('a', {
      href: `#/tickets${query({ queue: q.id })}`, id: `queue-${q.id}`,
      class: `list-group-item list-group-item-action${q.id === queue.id && !activeView ? ' active' : ''}`,
      'aria-current': q.id === queue.id && !activeView ? 'page' : null,
    }, el('span', {}, t(`queue.${q.id}`)), el('span', { class: 'badge text-bg-secondary rounded-pill', dataset: { count: q.id } }, '…'))));
  const savedList = el('div', { id: 'saved-views', class: 'mt-3' });

  const selected = new Set();
  let page = null;
  let cursor = -1;
  const filters = filterForm(view, go);
  const results = el('div', { id: 'ticket-list' }, spinner());
  const bulkBox = el('div', { id: 'bulk-bar' });
  const help = shortcutsOverlay();
  clear(main, el('div', { class: 'row g-3' },
    el('div', { class: 'col-lg-3 col-xl-2' }, countsList, savedList),
    el('div', { class: 'col-lg-9 col-xl-10' },
      el('div', { class: 'd-flex justify-content-between align-items-center mb-2 gap-2 flex-wrap' },
        el('h1', { class: 'h4 mb-0', id: 'queue-title' }, t(`queue.${queue.id}`)),
        el('div', { class: 'd-flex gap-2' },
          el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', id: 'save-view', onclick: () => saveViewForm() }, t('queue.views.save')),
          el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', id: 'shortcuts-help', 'aria-label': t('queue.keys.title'), onclick: () => help.toggle() }, '?'))),
      el('div', { id: 'save-view-box' }),
      filters, bulkBox, results)),
  help.node);

  const filter = () => {
    const f = { ...queue.filter };
    for (const k of ['type', 'status', 'priority', 'ciId', 'q', 'organisation']) if (view[k]) f[k] = view[k];
    if (view.status === 'open') f.status = OPEN_STATUSES;
    if (view.status === 'any') delete f.status;
    return f;
  };

  async function loadCounts() {
    await Promise.all(all.map(async (q) => {
      const badgeEl = countsList.querySelector(`[data-count="${q.id}"]`);
      try {
        const counts = await api(`/api/tickets/counts${query(q.filter)}`);
        badgeEl.textContent = counts.total;
      } catch (e) {
        badgeEl.textContent = '!';
        badgeEl.title = e.message;
      }
    }));
  }

  async function loadList() {
    try {
      page = await api(`/api/tickets${query({ ...filter(), sort: view.sort, page: view.page, size: PAGE_SIZE })}`);
      const onPage = new Set(page.items.map((i) => i.key));
      [...selected].filter((k) => !onPage.has(k)).forEach((k) => selected.delete(k));
      clear(results, page.items.length ? table(page, view, go, selected, () => renderBulk()) : emptyState(t('queue.empty')));
      cursor = Math.min(cursor, page.items.length - 1);
      showCursor(false);
      renderBulk();
    } catch (e) {
      clear(results, errorBox(e));
    }
  }

  // ------------------------------------------------------------ saved views
  async function loadSaved() {
    if (!isStaff()) return;
    let views = [];
    try { views = (await api('/api/saved-views')).items; } catch (e) { clear(savedList, errorBox(e)); return; }
    clear(savedList,
      el('h2', { class: 'h6 text-muted px-1' }, t('queue.views.title')),
      views.length ? el('div', { class: 'list-group' }, views.map((v) => el('div', {
        class: `list-group-item list-group-item-action d-flex justify-content-between align-items-center gap-1${String(v.id) === activeView ? ' active' : ''}`,
        dataset: { view: v.id },
      },
      el('a', { href: `#/tickets${query({ ...v.params, view: v.id })}`, class: 'text-reset text-decoration-none flex-grow-1', 'aria-current': String(v.id) === activeView ? 'page' : null },
        v.name, v.group ? el('small', { class: 'd-block text-muted saved-view-group' }, t('queue.views.sharedWith', { group: v.group.name })) : null),
      v.mine ? el('button', { type: 'button', class: 'btn btn-sm btn-link text-danger p-0', 'aria-label': t('queue.views.delete', { name: v.name }),
        onclick: async () => {
          try { await api(`/api/saved-views/${v.id}`, { method: 'DELETE' }); loadSaved(); } catch (e) { toast(e.message, 'danger'); }
        } }, '×') : null)))
        : el('div', { class: 'small text-muted px-1' }, t('queue.views.none')));
  }

  function saveViewForm() {
    const box = main.querySelector('#save-view-box');
    if (box.firstChild) { clear(box); return; }
    const name = el('input', { id: 'save-view-name', class: 'form-control form-control-sm', maxlength: 100, 'aria-label': t('queue.views.name'), placeholder: t('queue.views.name') });
    const myGroups = (state.me && state.me.groups) || [];
    const share = el('select', { id: 'save-view-group', class: 'form-select form-select-sm', 'aria-label': t('queue.views.share') },
      el('option', { value: '' }, t('queue.views.private')), myGroups.map((g) => el('option', { value: g }, t('queue.views.sharedWith', { group: g }))));
    const feedback = el('div', { class: 'invalid-feedback', id: 'save-view-name-feedback' });
    name.addEventListener('input', () => name.classList.remove('is-invalid'));
    clear(box, el('form', { class: 'card card-body py-2 mb-2', id: 'save-view-form', onsubmit: async (e) => {
      e.preventDefault();
      if (!name.value.trim()) { name.classList.add('is-invalid'); feedback.textContent = t('queue.views.nameNeeded'); name.focus(); return; }
      const saved = { queue: queue.id };
      for (const k of VIEW_PARAMS) if (k !== 'queue' && view[k]) saved[k] = view[k];
      try {
        const created = await api('/api/saved-views', { method: 'POST', body: { name: name.value.trim(), group: share.value || null, params: saved } });
        clear(box);
        toast(t('queue.views.saved', { name: created.name }), 'success', 3000);
        window.location.hash = `#/tickets${query({ ...created.params, view: created.id })}`;
      } catch (err) {
        name.classList.add('is-invalid');
        feedback.textContent = (err.errors && err.errors.length ? err.errors[0].message : err.message);
      }
    } },
    el('div', { class: 'row g-2 align-items-start' },
      el('div', { class: 'col-md-5' }, name, feedback),
      el('div', { class: 'col-md-4' }, share),
      el('div', { class: 'col-md-3 d-flex gap-2' },
        el('button', { type: 'submit', class: 'btn btn-sm btn-primary', id: 'save-view-submit' }, t('action.save')),
        el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', onclick: () => clear(box) }, t('action.cancel'))))));
    name.focus();
  }

  // ------------------------------------------------------------ bulk changes
  let groups = null;
  async function renderBulk() {
    if (!isDesk() || !selected.size) { clear(bulkBox); return; }
    if (bulkBox.firstChild && bulkBox.querySelector('#bulk-count')) {
      bulkBox.querySelector('#bulk-count').textContent = t('queue.bulk.selected', { n: selected.size });
      return;
    }
    if (groups === null) {
      try { groups = (await api('/api/groups')).items; } catch (e) { groups = []; }
    }
    const me = state.me.user.username;
    const assignee = el('select', { id: 'bulk-assignee', class: 'form-select form-select-sm', 'aria-label': t('ticket.assignee') },
      el('option', { value: '' }, t('queue.bulk.keepAssignee')), el('option', { value: me }, t('queue.bulk.toMe')),
      [...new Set(groups.flatMap((g) => g.members))].filter((u) => u !== me).sort().map((u) => el('option', { value: u }, u)));
    const group = el('select', { id: 'bulk-group', class: 'form-select form-select-sm', 'aria-label': t('ticket.group') },
      el('option', { value: '' }, t('queue.bulk.keepGroup')), groups.map((g) => el('option', { value: g.name }, g.name)));
    const status = el('select', { id: 'bulk-status', class: 'form-select form-select-sm', 'aria-label': t('ticket.status') },
      el('option', { value: '' }, t('queue.bulk.keepStatus')),
      ['assigned', 'in_progress', 'pending', 'resolved'].map((s) => el('option', { value: s }, label('status', s))));
    const priority = el('select', { id: 'bulk-priority', class: 'form-select form-select-sm', 'aria-label': t('ticket.priority') },
      el('option', { value: '' }, t('queue.bulk.keepPriority')), ['P1', 'P2', 'P3', 'P4'].map((p) => el('option', { value: p }, p)));
    const note = el('input', { id: 'bulk-resolution', class: 'form-control form-control-sm', placeholder: t('ticket.resolutionPlaceholder'), 'aria-label': t('ticket.resolution') });
    const noteBox = el('div', { class: 'col-12', hidden: true }, note, el('div', { class: 'invalid-feedback', id: 'bulk-resolution-feedback' }));
    status.addEventListener('change', () => { noteBox.hidden = status.value !== 'resolved'; });
    note.addEventListener('input', () => note.classList.remove('is-invalid'));
    const outcome = el('div', { id: 'bulk-result' });
    const apply = async () => {
      const body = { tickets: [...selected] };
      if (assignee.value) body.assignee = assignee.value;
      if (group.value) body.group = group.value;
      if (status.value) body.status = status.value;
      if (priority.value) body.priority = priority.value;
      if (status.value === 'resolved') {
        if (!note.value.trim()) { note.classList.add('is-invalid'); noteBox.querySelector('.invalid-feedback').textContent = t('ticket.resolutionNeeded'); note.focus(); return; }
        body.resolution = note.value.trim();
      }
      if (Object.keys(body).length === 1) { clear(outcome, el('div', { class: 'small text-muted' }, t('queue.bulk.nothing'))); return; }
      await runBulk(body, outcome);
    };
    clear(bulkBox, el('section', { class: 'card card-body py-2 mb-2 bulk-bar', 'aria-label': t('queue.bulk.title') },
      el('div', { class: 'row g-2 align-items-center' },
        el('div', { class: 'col-auto fw-semibold', id: 'bulk-count' }, t('queue.bulk.selected', { n: selected.size })),
        el('div', { class: 'col-6 col-md-2' }, assignee),
        el('div', { class: 'col-6 col-md-2' }, group),
        el('div', { class: 'col-6 col-md-2' }, status),
        el('div', { class: 'col-6 col-md-2' }, priority),
        el('div', { class: 'col-auto d-flex gap-2' },
          el('button', { type: 'button', class: 'btn btn-sm btn-primary', id: 'bulk-apply', onclick: apply }, t('queue.bulk.apply')),
          el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', id: 'bulk-clear', onclick: () => { selected.clear(); results.querySelectorAll('input.row-select, #select-all').forEach((c) => { c.checked = false; }); renderBulk(); } }, t('queue.bulk.clear'))),
        noteBox),
      outcome));
  }

  /** Sends one bulk change; shows what was refused and why, ticket by ticket. */
  async function runBulk(body, outcome) {
    try {
      const answer = await api('/api/tickets/bulk', { method: 'POST', body });
      const refused = answer.results.filter((r) => !r.ok);
      answer.results.filter((r) => r.ok).forEach((r) => selected.delete(r.ticket));
      toast(t('queue.bulk.done', { n: answer.succeeded }), answer.refused ? 'warning' : 'success', 4000);
      await loadList();
      const box = outcome && outcome.isConnected ? outcome : (bulkBox.querySelector('#bulk-result') || null);
      if (refused.length) {
        const where = box || results;
        const list = el('div', { class: 'alert alert-warning py-2 mt-2 mb-0', id: 'bulk-refused', role: 'alert' },
          el('div', { class: 'fw-semibold' }, t('queue.bulk.refused', { n: refused.length })),
          el('ul', { class: 'mb-0 small' }, refused.map((r) => el('li', { dataset: { key: r.ticket } }, el('strong', {}, r.ticket), ': ',
            r.problem ? r.problem.detail : '—'))));
        if (box) clear(box, list); else where.prepend(list);
      } else if (box) clear(box);
    } catch (e) {
      if (outcome) clear(outcome, errorBox(e)); else toast(e.message, 'danger');
    }
  }

  // ------------------------------------------------------------ keyboard
  const rows = () => [...results.querySelectorAll('tbody tr[data-key]')];
  function showCursor(focus = true) {
    const all2 = rows();
    all2.forEach((r, i) => { r.classList.toggle('row-cursor', i === cursor); r.setAttribute('aria-selected', i === cursor ? 'true' : 'false'); });
    if (cursor >= 0 && all2[cursor] && focus) { all2[cursor].focus({ preventScroll: true }); all2[cursor].scrollIntoView({ block: 'nearest' }); }
  }
  const current = () => { const r = rows()[cursor]; return r ? r.dataset.key : null; };
  const onKey = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (e.key === 'Escape' && help.open()) { help.toggle(false); return; }
    if (typing) return;
    const n = rows().length;
    switch (e.key) {
      case 'j': cursor = Math.min(n - 1, cursor + 1); showCursor(); break;
      case 'k': cursor = Math.max(0, cursor - 1); showCursor(); break;
      case 'Enter': if (current() && target.tagName !== 'BUTTON' && target.tagName !== 'A') window.location.hash = `#/tickets/${current()}`; else return; break;
      case 'x': if (current() && isDesk()) { const box = rows()[cursor].querySelector('input.row-select'); box.checked = !box.checked; box.dispatchEvent(new Event('change')); } break;
      case 'a': if (current() && isDesk()) runBulk({ tickets: [current()], assignee: state.me.user.username }, null); break;
      case 'r': if (current()) window.location.hash = `#/tickets/${current()}?reply=1`; break;
      case 'n': window.location.hash = '#/new'; break;
      case '/': { const q = main.querySelector('#filter-q'); if (q) q.focus(); break; }
      case '?': help.toggle(); break;
      default: return;
    }
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);

  await Promise.all([loadList(), loadCounts(), loadSaved()]);
  // The list first, then its counters: with many tabs open their requests share the browser's few connections.
  const refresh = throttle(async () => { await loadList(); await loadCounts(); }, 500);
  return {
    onLive(topic) { if (topic === 'ticket') refresh(); },
    dispose() { document.removeEventListener('keydown', onKey); },
  };
}

/** The list of shortcuts, shown with "?" and closed with Escape or its button. */
function shortcutsOverlay() {
  const node = el('div', { class: 'shortcuts-overlay', id: 'shortcuts', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'shortcuts-title', hidden: true },
    el('div', { class: 'card shadow' }, el('div', { class: 'card-body' },
      el('div', { class: 'd-flex justify-content-between align-items-center mb-2' },
        el('h2', { class: 'h6 mb-0', id: 'shortcuts-title' }, t('queue.keys.title')),
        el('button', { type: 'button', class: 'btn-close', 'aria-label': t('action.close'), onclick: () => toggle(false) })),
      el('table', { class: 'table table-sm mb-0' }, el('tbody', {}, SHORTCUTS.map(([key, text]) => el('tr', {},
        el('td', {}, el('kbd', {}, key)), el('td', {}, t(text)))))))));
  function toggle(show) {
    node.hidden = show === undefined ? !node.hidden : !show;
    if (!node.hidden) node.querySelector('.btn-close').focus();
  }
  return { node, toggle, open: () => !node.hidden };
}

function filterForm(view, go) {
  const select = (id, value, options) => el('select', { id: `filter-${id}`, class: 'form-select form-select-sm', 'aria-label': t(`filter.${id}`),
    onchange: (e) => go({ [id]: e.target.value }) },
  options.map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
  const q = el('input', { id: 'filter-q', type: 'search', class: 'form-control form-control-sm', value: view.q,
    placeholder: t('filter.q'), 'aria-label': t('filter.q') });
  const picker = ciPicker({ single: true, selected: view.ciId ? [{ id: Number(view.ciId), name: view.ciName || `#${view.ciId}` }] : [],
    onChange: (cis) => go({ ciId: cis[0] ? cis[0].id : '', ciName: cis[0] ? cis[0].name : '' }), compact: true, id: 'filter-ci' });
  return el('form', { class: 'row g-2 mb-2 align-items-center', role: 'search', onsubmit: (e) => { e.preventDefault(); go({ q: q.value.trim() }); } },
    el('div', { class: 'col-6 col-md-2' }, select('type', view.type, [['', t('filter.anyType')],
      ...['incident', 'service_request', 'problem'].map((c) => [c, label('type', c)])])),
    el('div', { class: 'col-6 col-md-2' }, select('status', view.status, [['', t('filter.queueStatus')], ['open', t('filter.open')], ['any', t('filter.anyStatus')],
      ...['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'].map((c) => [c, label('status', c)])])),
    el('div', { class: 'col-6 col-md-2' }, select('priority', view.priority, [['', t('filter.anyPriority')],
      ...['P1', 'P2', 'P3', 'P4'].map((c) => [c, c])])),
    isStaff() ? el('div', { class: 'col-6 col-md-3' }, picker) : null,
    isDesk() ? el('div', { class: 'col-6 col-md-2' }, organisationFilter(view, go)) : null,
    el('div', { class: 'col-12 col-md-3' }, el('div', { class: 'input-group input-group-sm' }, q,
      el('button', { class: 'btn btn-outline-secondary', type: 'submit', id: 'filter-search' }, t('filter.search')))));
}

/** The organisation filter: the tickets whose requester belongs to it (the list loads after the form shows). */
function organisationFilter(view, go) {
  const select = el('select', { id: 'filter-organisation', class: 'form-select form-select-sm', 'aria-label': t('filter.organisation'),
    onchange: (e) => go({ organisation: e.target.value }) },
  el('option', { value: '' }, t('filter.anyOrganisation')),
  view.organisation ? el('option', { value: view.organisation, selected: true }, `#${view.organisation}`) : null);
  api('/api/organisations').then((page) => {
    clear(select, el('option', { value: '' }, t('filter.anyOrganisation')),
      page.items.map((o) => el('option', { value: String(o.id), selected: String(o.id) === view.organisation }, o.name)));
  }).catch(() => {});
  return select;
}

function table(page, view, go, selected, selectionChanged) {
  const desk = isDesk();
  const sortHeader = (col) => {
    if (!col.sort) return t(`column.${col.id}`);
    const active = view.sort.replace('-', '') === col.sort;
    const desc = view.sort.startsWith('-');
    const next = active && !desc ? `-${col.sort}` : col.sort;
    return el('button', { type: 'button', id: `sort-${col.id}`, onclick: () => go({ sort: next }), 'aria-label': t('column.sortBy', { column: t(`column.${col.id}`) }) },
      t(`column.${col.id}`), active ? (desc ? ' ▼' : ' ▲') : '');
  };
  const open = (key) => { window.location.hash = `#/tickets/${key}`; };
  const checkbox = (ticket) => el('input', { type: 'checkbox', class: 'form-check-input row-select', checked: selected.has(ticket.key),
    'aria-label': t('queue.bulk.selectRow', { key: ticket.key }),
    onchange: (e) => { if (e.target.checked) selected.add(ticket.key); else selected.delete(ticket.key); selectionChanged(); } });
  const rows = page.items.map((ticket) => el('tr', { dataset: { key: ticket.key }, tabindex: -1, onclick: (e) => { if (!['A', 'INPUT'].includes(e.target.tagName)) open(ticket.key); } },
    desk ? el('td', { class: 'select-cell' }, checkbox(ticket)) : null,
    el('td', {}, el('a', { href: `#/tickets/${ticket.key}`, class: 'fw-semibold' }, ticket.key)),
    el('td', {}, priorityBadge(ticket.priority)),
    el('td', { class: 'title-cell' }, systemText(ticket.titleKey, ticket.titleArgs, ticket.title)),
    el('td', {}, statusBadge(ticket.status)),
    el('td', { class: 'due-cell' }, dueCell(ticket.sla)),
    el('td', { class: 'col-optional' }, label('type', ticket.type)),
    el('td', { class: 'col-optional' }, (ticket.cis || []).map((c) => c.name).join(', ') || '—'),
    el('td', {}, ticket.assignee ? (ticket.assignee.displayName || ticket.assignee.username) : el('span', { class: 'text-muted' }, t('ticket.unassigned'))),
    el('td', { class: 'col-optional' }, ticket.group ? ticket.group.name : '—'),
    el('td', { title: formatDateTime(ticket.updatedAt) }, relative(ticket.updatedAt))));
  const allBox = el('input', { type: 'checkbox', class: 'form-check-input', id: 'select-all', 'aria-label': t('queue.bulk.selectAll'),
    checked: page.items.length > 0 && page.items.every((i) => selected.has(i.key)),
    onchange: (e) => {
      page.items.forEach((i) => { if (e.target.checked) selected.add(i.key); else selected.delete(i.key); });
      e.target.closest('table').querySelectorAll('input.row-select').forEach((c) => { c.checked = e.target.checked; });
      selectionChanged();
    } });
  const from = page.total === 0 ? 0 : page.page * page.size + 1;
  const to = Math.min(page.total, (page.page + 1) * page.size);
  const lastPage = Math.max(0, Math.ceil(page.total / page.size) - 1);
  return el('div', {},
    el('div', { class: 'table-responsive bg-white rounded border' },
      el('table', { class: 'table table-hover table-sm mb-0 table-tickets' },
        el('thead', {}, el('tr', {}, desk ? el('th', { scope: 'col', class: 'select-cell' }, allBox) : null,
          COLUMNS.map((c) => el('th', { scope: 'col', class: c.optional ? 'col-optional' : null }, sortHeader(c))))),
        el('tbody', {}, rows))),
    el('nav', { class: 'd-flex justify-content-between align-items-center mt-2', 'aria-label': t('paging.label') },
      el('span', { class: 'text-muted small', id: 'paging-info' }, t('paging.info', { from, to, total: page.total })),
      el('div', { class: 'btn-group btn-group-sm' },
        el('button', { class: 'btn btn-outline-secondary', type: 'button', id: 'page-prev', disabled: page.page <= 0, onclick: () => go({ page: page.page - 1 }) }, t('paging.prev')),
        el('button', { class: 'btn btn-outline-secondary', type: 'button', id: 'page-next', disabled: page.page >= lastPage, onclick: () => go({ page: page.page + 1 }) }, t('paging.next')))));
}

/**
 * The next SLA target of a ticket: which one (response or resolution), and the working time left or
 * overdue; red once breached or overdue. A resolved ticket shows its verdict, a paused one says so.
 */
export function dueCell(sla) {
  if (!sla) return el('span', { class: 'text-muted' }, '—');
  if (sla.resolved) {
    const met = sla.resolutionMet !== false && sla.responseMet !== false;
    return el('span', { class: met ? 'text-success' : 'text-danger fw-semibold', dataset: { due: met ? 'met' : 'breached' } },
      t(met ? 'sla.met' : 'sla.breached'));
  }
  const target = t(`sla.counting.${sla.counting}`);
  if (sla.paused) return el('span', { class: 'text-muted', dataset: { due: 'paused' } }, `${target} · ${t('sla.pausedShort')}`);
  // Answered late, the resolution still in time: the response's breach stays said, beside what is left.
  if (sla.breached && sla.dueSeconds >= 0) {
    return el('span', { class: 'text-danger', title: formatDateTime(sla.due), dataset: { due: 'response-breached' } },
      `${t('sla.responseBreached')} · ${target} ${t('sla.remaining', { time: duration(sla.dueSeconds) })}`);
  }
  const late = sla.dueSeconds < 0 || sla.breached;
  const cls = late ? 'text-danger fw-semibold' : sla.atRisk ? 'text-warning-emphasis fw-semibold' : '';
  return el('span', { class: cls, title: formatDateTime(sla.due), dataset: { due: late ? 'breached' : sla.atRisk ? 'at-risk' : 'on-track' } },
    `${target} · ${sla.dueSeconds < 0 ? duration(sla.dueSeconds) : t('sla.remaining', { time: duration(sla.dueSeconds) })}`);
}
