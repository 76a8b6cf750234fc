// Queues: the ticket lists an agent works from, with counts, filters, sorting and server-side paging.
import {
  el, clear, t, label, api, query, errorBox, emptyState, spinner, formatDateTime, relative,
  priorityBadge, statusBadge, isStaff, OPEN_STATUSES, throttle,
} from '../core.js';
import { ciPicker } from './ci-picker.js';

const PAGE_SIZE = 25;

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
  { id: 'type', optional: true },
  { id: 'ci', optional: true },
  { id: 'assignee' },
  { id: 'group', optional: true },
  { id: 'updated', sort: 'updatedAt' },
];

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
    sort: params.get('sort') || (queue.id === 'open-incidents' ? 'priority' : '-updatedAt'),
    page: Number(params.get('page') || 0),
  };

  const go = (changes) => {
    const next = { ...view, ...changes, queue: queue.id };
    if (!('page' in changes)) next.page = 0;
    window.location.hash = `#/tickets${query(next)}`;
  };

  const countsList = el('div', { class: 'list-group sidebar', id: 'queues', role: 'navigation', 'aria-label': t('queue.title') },
    all.map((q) => el('a', {
      href: `#/tickets${query({ queue: q.id })}`, id: `queue-${q.id}`,
      class: `list-group-item list-group-item-action${q.id === queue.id ? ' active' : ''}`,
      'aria-current': q.id === queue.id ? 'page' : null,
    }, el('span', {}, t(`queue.${q.id}`)), el('span', { class: 'badge text-bg-secondary rounded-pill', dataset: { count: q.id } }, '…'))));

  const filters = filterForm(view, go);
  const results = el('div', { id: 'ticket-list' }, spinner());
  clear(main, el('div', { class: 'row g-3' },
    el('div', { class: 'col-lg-3 col-xl-2' }, countsList),
    el('div', { class: 'col-lg-9 col-xl-10' },
      el('div', { class: 'd-flex justify-content-between align-items-center mb-2' },
        el('h1', { class: 'h4 mb-0', id: 'queue-title' }, t(`queue.${queue.id}`))),
      filters, results)));

  const filter = () => {
    const f = { ...queue.filter };
    for (const k of ['type', 'status', 'priority', 'ciId', 'q']) if (view[k]) f[k] = view[k];
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
      const page = await api(`/api/tickets${query({ ...filter(), sort: view.sort, page: view.page, size: PAGE_SIZE })}`);
      clear(results, page.items.length ? table(page, view, go) : emptyState(t('queue.empty')));
    } catch (e) {
      clear(results, errorBox(e));
    }
  }

  await Promise.all([loadList(), loadCounts()]);
  // The list first, then its counters: with many tabs open their requests share the browser's few connections.
  const refresh = throttle(async () => { await loadList(); await loadCounts(); }, 500);
  return {
    onLive(topic) { if (topic === 'ticket') refresh(); },
  };
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
    el('div', { class: 'col-12 col-md-3' }, el('div', { class: 'input-group input-group-sm' }, q,
      el('button', { class: 'btn btn-outline-secondary', type: 'submit', id: 'filter-search' }, t('filter.search')))));
}

function table(page, view, go) {
  const sortHeader = (col) => {
    if (!col.sort) return t(`column.${col.id}`);
    const active = view.sort.replace('-', '') === col.sort;
    const desc = view.sort.startsWith('-');
    const next = active && !desc ? `-${col.sort}` : col.sort;
    return el('button', { type: 'button', onclick: () => go({ sort: next }), 'aria-label': t('column.sortBy', { column: t(`column.${col.id}`) }) },
      t(`column.${col.id}`), active ? (desc ? ' ▼' : ' ▲') : '');
  };
  const open = (key) => { window.location.hash = `#/tickets/${key}`; };
  const rows = page.items.map((ticket) => el('tr', { dataset: { key: ticket.key }, onclick: (e) => { if (e.target.tagName !== 'A') open(ticket.key); } },
    el('td', {}, el('a', { href: `#/tickets/${ticket.key}`, class: 'fw-semibold' }, ticket.key)),
    el('td', {}, priorityBadge(ticket.priority)),
    el('td', { class: 'title-cell' }, ticket.title, slaHint(ticket.sla)),
    el('td', {}, statusBadge(ticket.status)),
    el('td', { class: 'col-optional' }, label('type', ticket.type)),
    el('td', { class: 'col-optional' }, (ticket.cis || []).map((c) => c.name).join(', ') || '—'),
    el('td', {}, ticket.assignee ? (ticket.assignee.displayName || ticket.assignee.username) : el('span', { class: 'text-muted' }, t('ticket.unassigned'))),
    el('td', { class: 'col-optional' }, ticket.group ? ticket.group.name : '—'),
    el('td', { title: formatDateTime(ticket.updatedAt) }, relative(ticket.updatedAt))));
  const from = page.total === 0 ? 0 : page.page * page.size + 1;
  const to = Math.min(page.total, (page.page + 1) * page.size);
  const lastPage = Math.max(0, Math.ceil(page.total / page.size) - 1);
  return el('div', {},
    el('div', { class: 'table-responsive bg-white rounded border' },
      el('table', { class: 'table table-hover table-sm mb-0 table-tickets' },
        el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col', class: c.optional ? 'col-optional' : null }, sortHeader(c))))),
        el('tbody', {}, rows))),
    el('nav', { class: 'd-flex justify-content-between align-items-center mt-2', 'aria-label': t('paging.label') },
      el('span', { class: 'text-muted small', id: 'paging-info' }, t('paging.info', { from, to, total: page.total })),
      el('div', { class: 'btn-group btn-group-sm' },
        el('button', { class: 'btn btn-outline-secondary', type: 'button', id: 'page-prev', disabled: page.page <= 0, onclick: () => go({ page: page.page - 1 }) }, t('paging.prev')),
        el('button', { class: 'btn btn-outline-secondary', type: 'button', id: 'page-next', disabled: page.page >= lastPage, onclick: () => go({ page: page.page + 1 }) }, t('paging.next')))));
}

function slaHint(sla) {
  if (!sla) return null;
  if (sla.breached) return el('span', { class: 'badge text-bg-danger ms-2' }, t('sla.breached'));
  if (sla.atRisk) return el('span', { class: 'badge text-bg-warning ms-2' }, t('sla.atRisk'));
  return null;
}
