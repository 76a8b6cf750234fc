// The requester's portal home: their own tickets, open ones first, with what each waits for.
import {
  el, clear, t, label, api, query, errorBox, emptyState, spinner, formatDateTime, relative, statusBadge,
  OPEN_STATUSES, debounce,
} from '../core.js';

const VIEWS = [
  { id: 'my-open', filter: { requester: 'me', status: OPEN_STATUSES } },
  { id: 'my-resolved', filter: { requester: 'me', status: 'resolved' } },
  { id: 'my-all', filter: { requester: 'me' } },
];

export async function myRequestsView(main, ctx) {
  const current = VIEWS.find((v) => v.id === ctx.query.get('queue')) || VIEWS[0];
  const tabs = el('ul', { class: 'nav nav-tabs mb-2', id: 'queues', role: 'tablist' },
    VIEWS.map((v) => el('li', { class: 'nav-item' }, el('a', {
      class: `nav-link${v.id === current.id ? ' active' : ''}`, id: `queue-${v.id}`, href: `#/tickets${query({ queue: v.id })}`,
      'aria-current': v.id === current.id ? 'page' : null,
    }, t(`queue.${v.id}`), ' ', el('span', { class: 'badge text-bg-secondary rounded-pill', dataset: { count: v.id } }, '…')))));
  const results = el('div', { id: 'ticket-list' }, spinner());
  clear(main, el('div', { class: 'row justify-content-center' }, el('div', { class: 'col-xl-10' },
    el('div', { class: 'd-flex justify-content-between align-items-center mb-2 flex-wrap gap-2' },
      el('h1', { class: 'h4 mb-0', id: 'queue-title' }, t(`queue.${current.id}`)),
      el('a', { class: 'btn btn-success btn-sm', href: '#/new', id: 'portal-new' }, t('portal.newRequest'))),
    tabs, results)));

  async function loadCounts() {
    await Promise.all(VIEWS.map(async (v) => {
      const badge = tabs.querySelector(`[data-count="${v.id}"]`);
      try { badge.textContent = (await api(`/api/tickets/counts${query(v.filter)}`)).total; } catch (e) { badge.textContent = '!'; }
    }));
  }

  async function loadList() {
    try {
      const page = await api(`/api/tickets${query({ ...current.filter, sort: '-updatedAt', size: 50 })}`);
      clear(results, page.items.length ? table(page.items) : emptyState(t('portal.none')));
    } catch (e) {
      clear(results, errorBox(e));
    }
  }

  await Promise.all([loadList(), loadCounts()]);
  const refresh = debounce(() => { loadList(); loadCounts(); }, 400);
  return { onLive(topic) { if (topic === 'ticket') refresh(); } };
}

function table(items) {
  const rows = items.map((tk) => el('tr', { dataset: { key: tk.key }, onclick: (e) => { if (e.target.tagName !== 'A') window.location.hash = `#/tickets/${tk.key}`; } },
    el('td', {}, el('a', { href: `#/tickets/${tk.key}`, class: 'fw-semibold' }, tk.key)),
    el('td', { class: 'title-cell' }, tk.title),
    el('td', {}, statusBadge(tk.status), tk.status === 'resolved' ? el('div', { class: 'small text-muted' }, t('portal.waitsForYou')) : null),
    el('td', { class: 'col-optional' }, label('type', tk.type)),
    el('td', {}, tk.assignee ? (tk.assignee.displayName || tk.assignee.username) : el('span', { class: 'text-muted' }, t('portal.notYetAssigned'))),
    el('td', { title: formatDateTime(tk.updatedAt) }, relative(tk.updatedAt))));
  return el('div', { class: 'table-responsive bg-white rounded border' },
    el('table', { class: 'table table-hover table-sm mb-0 table-tickets' },
      el('thead', {}, el('tr', {}, ['key', 'title', 'status', 'type', 'assignee', 'updated'].map((c) =>
        el('th', { scope: 'col', class: c === 'type' ? 'col-optional' : null }, t(`column.${c}`))))),
      el('tbody', {}, rows)));
}
