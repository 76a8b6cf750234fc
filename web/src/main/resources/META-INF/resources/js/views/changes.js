// Changes: list, calendar of planned changes (conflicts marked), one change, and the approval inbox.
import {
  state, el, clear, t, label, systemText, api, optionalApi, query, errorBox, emptyState, spinner, formatDateTime, formatDate,
  isApprover, toast, debounce,
} from '../core.js';

const PAGE_SIZE = 25;

function tabs(active) {
  return el('ul', { class: 'nav nav-tabs mb-3' },
    [['#/changes', 'change.list'], ['#/changes/calendar', 'change.calendar']].map(([href, key]) => el('li', { class: 'nav-item' },
      el('a', { class: `nav-link${href === active ? ' active' : ''}`, href, 'aria-current': href === active ? 'page' : null }, t(key)))));
}

function statusBadge(status) {
  return el('span', { class: 'badge text-bg-light border' }, label('changeStatus', status));
}

/** A revised field's value as the reader reads it: labels for codes, local times for instants. */
function revisedValue(field, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'risk') return label('risk', value);
  if (field === 'type') return label('changeType', value);
  if (field === 'plannedStart' || field === 'plannedEnd') return formatDateTime(value);
  return value.length > 300 ? `${value.slice(0, 300)}…` : value;
}

/** What changed since the approvers last decided: each field, old → new, who and when. */
function revisionList(revisions) {
  return el('ul', { class: 'list-unstyled small mb-0 revisions' }, revisions.map((r) => el('li', { dataset: { field: r.field } },
    el('strong', {}, label('changeField', r.field)), ': ',
    el('del', { class: 'text-muted' }, revisedValue(r.field, r.oldValue)), ' → ',
    el('ins', {}, revisedValue(r.field, r.newValue)),
    el('span', { class: 'text-muted ms-2' }, `(${t('change.revisedBy', { actor: r.actor, at: formatDateTime(r.at) })})`))));
}

export async function changesView(main, ctx) {
  const status = ctx.query.get('status') || '';
  const pageNo = Number(ctx.query.get('page') || 0);
  const list = el('div', { id: 'change-list' }, spinner());
  clear(main, el('h1', { class: 'h4 mb-2' }, t('nav.changes')), tabs('#/changes'), list);
  async function load() {
    try {
      const page = await optionalApi(`/api/changes${query({ status, page: pageNo, size: PAGE_SIZE })}`);
      if (!page) { clear(list, emptyState(t('change.unavailable'))); return; }
      if (!page.items.length) { clear(list, emptyState(t('change.none'))); return; }
      clear(list, el('div', { class: 'table-responsive bg-white rounded border' }, el('table', { class: 'table table-sm table-hover mb-0' },
        el('thead', {}, el('tr', {}, ['key', 'title', 'type', 'status', 'risk', 'plannedStart', 'plannedEnd'].map((c) => el('th', { scope: 'col' }, t(`change.col.${c}`))))),
        el('tbody', {}, page.items.map((c) => el('tr', {},
          el('td', {}, el('a', { href: `#/changes/${c.key}`, class: 'fw-semibold' }, c.key)),
          el('td', {}, c.title, (c.conflicts || []).length ? el('span', { class: 'badge text-bg-danger ms-2' }, t('change.conflict')) : null),
          el('td', {}, label('changeType', c.type)),
          el('td', {}, statusBadge(c.status)),
          el('td', {}, label('risk', c.risk)),
          el('td', {}, formatDateTime(c.plannedStart)),
          el('td', {}, formatDateTime(c.plannedEnd))))))));
    } catch (e) { clear(list, errorBox(e)); }
  }
  await load();
  return { onLive: debounce((topic) => { if (topic === 'task') load(); }, 500) };
}

/** A month grid in the user's time zone; a change shows on every day its window touches. */
export async function calendarView(main, ctx) {
  const month = ctx.query.get('month'); // yyyy-mm
  const now = new Date();
  const [year, mon] = month ? month.split('-').map(Number) : [now.getFullYear(), now.getMonth() + 1];
  const first = new Date(Date.UTC(year, mon - 1, 1));
  const gridStart = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86400000); // Monday
  const gridEnd = new Date(gridStart.getTime() + 42 * 86400000);
  const shift = (delta) => {
    const d = new Date(Date.UTC(year, mon - 1 + delta, 1));
    window.location.hash = `#/changes/calendar${query({ month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` })}`;
  };
  const grid = el('div', { id: 'change-calendar' }, spinner());
  clear(main, el('h1', { class: 'h4 mb-2' }, t('nav.changes')), tabs('#/changes/calendar'),
    el('div', { class: 'd-flex align-items-center gap-2 mb-2' },
      el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', onclick: () => shift(-1), 'aria-label': t('change.prevMonth') }, '‹'),
      el('h2', { class: 'h5 mb-0' }, formatDate(new Date(Date.UTC(year, mon - 1, 15)))),
      el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', onclick: () => shift(1), 'aria-label': t('change.nextMonth') }, '›')),
    grid);
  const page = await optionalApi(`/api/changes${query({ from: gridStart.toISOString(), to: gridEnd.toISOString(), size: 500 })}`);
  if (!page) { clear(grid, emptyState(t('change.unavailable'))); return null; }
  const dayKey = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: state.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const byDay = new Map();
  for (const c of page.items) {
    if (!c.plannedStart) continue;
    const start = new Date(c.plannedStart);
    const end = new Date(c.plannedEnd || c.plannedStart);
    for (let d = new Date(start); d <= end || dayKey(d) === dayKey(end); d = new Date(d.getTime() + 86400000)) {
      const k = dayKey(d);
      if (!byDay.has(k)) byDay.set(k, []);
      if (!byDay.get(k).includes(c)) byDay.get(k).push(c);
      if (byDay.size > 400) break;
    }
  }
  const weekday = new Intl.DateTimeFormat(state.locale, { weekday: 'short', timeZone: 'UTC' });
  const cells = [];
  for (let i = 0; i < 7; i++) cells.push(el('div', { class: 'dow' }, weekday.format(new Date(gridStart.getTime() + i * 86400000))));
  for (let i = 0; i < 42; i++) {
    const d = new Date(gridStart.getTime() + i * 86400000 + 12 * 3600000);
    const k = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    cells.push(el('div', { class: `day${d.getUTCMonth() !== mon - 1 ? ' other' : ''}`, dataset: { day: k } },
      el('div', { class: 'fw-semibold' }, d.getUTCDate()),
      (byDay.get(k) || []).map((c) => el('a', { href: `#/changes/${c.key}`, class: `chg${(c.conflicts || []).length ? ' conflict' : ''}`,
        title: `${c.key} ${c.title}${(c.conflicts || []).length ? ` — ${t('change.conflict')}` : ''}` }, `${c.key} ${c.title}`))));
  }
  clear(grid, el('div', { class: 'calendar' }, cells),
    page.items.length ? null : emptyState(t('change.noneThisMonth')));
  return null;
}

export async function changeView(main, ctx) {
  const id = ctx.params[0];
  const change = await optionalApi(`/api/changes/${encodeURIComponent(id)}`);
  if (!change) { clear(main, emptyState(t('change.unavailable'))); return null; }
  let tasks = [];
  if (isApprover()) {
    const open = await optionalApi('/api/tasks');
    tasks = open ? open.items.filter((task) => task.changeKey === change.key) : [];
  }
  const cis = await Promise.all((change.ciIds || []).map((ciId) => api(`/api/cis/${ciId}`).then((c) => ({ id: ciId, name: c.name })).catch(() => ({ id: ciId, name: `#${ciId}` }))));
  const row = (k, v) => [el('dt', { class: 'col-4 text-muted fw-normal' }, t(k)), el('dd', { class: 'col-8' }, v || '—')];
  clear(main,
    el('nav', {}, el('a', { href: '#/changes', class: 'small' }, `← ${t('nav.changes')}`)),
    el('h1', { class: 'h4 my-2' }, el('span', { class: 'text-muted me-2' }, change.key), change.title, ' ', el('span', { id: 'change-status' }, statusBadge(change.status))),
    el('div', { class: 'row g-3' },
      el('div', { class: 'col-lg-8' },
        (change.conflicts || []).length ? el('div', { class: 'alert alert-danger' }, el('strong', {}, t('change.conflicts')),
          el('ul', { class: 'mb-0' }, change.conflicts.map((c) => el('li', {}, `${label('conflictKind', c.kind)} ${c.ref || ''}: ${c.reason || ''}`)))) : null,
        (change.revisions || []).length ? el('div', { class: 'alert alert-warning', id: 'change-revisions' },
          el('strong', {}, t('change.revisions')),
          change.status === 'approval' ? el('div', { class: 'small mb-1' }, t('change.revisionsRound', { round: change.approvalRound })) : null,
          revisionList(change.revisions)) : null,
        el('section', { class: 'card card-body' },
          el('h2', { class: 'h6' }, t('change.description')), el('div', { class: 'tl-body' }, change.description || '—'),
          el('h2', { class: 'h6 mt-3' }, t('change.implementationPlan')), el('div', { class: 'tl-body' }, change.implementationPlan || '—'),
          el('h2', { class: 'h6 mt-3' }, t('change.backoutPlan')), el('div', { class: 'tl-body' }, change.backoutPlan || '—')),
        el('section', { class: 'card card-body mt-3' },
          el('h2', { class: 'h6' }, t('change.approvals')),
          (change.approvals || []).length ? el('ul', { class: 'timeline mb-0', id: 'change-approvals' }, change.approvals.map((a) => el('li', { class: a.decision === 'approved' ? 'tl-comment' : 'tl-note' },
            el('div', { class: 'small text-muted' }, el('strong', { class: 'text-body' }, a.approver), ' · ', label('decision', a.decision), ' · ', formatDateTime(a.at)),
            a.comment ? el('div', { class: 'tl-body' }, a.comment) : null))) : emptyState(t('change.noApprovals')),
          (change.withdrawnApprovals || []).length ? [el('h3', { class: 'h6 mt-3 text-muted' }, t('change.withdrawnApprovals')),
            el('ul', { class: 'timeline mb-0 text-muted', id: 'change-withdrawn-approvals' }, change.withdrawnApprovals.map((a) => el('li', { class: 'tl-note' },
              el('div', { class: 'small' }, el('s', {}, el('strong', {}, a.approver), ' · ', label('decision', a.decision), ' · ', formatDateTime(a.at)),
                ' · ', t('change.withdrawn', { at: formatDateTime(a.withdrawnAt) })),
              a.comment ? el('div', { class: 'tl-body' }, a.comment) : null)))] : null),
        tasks.map((task) => decisionForm(task, () => changeView(main, ctx)))),
      el('div', { class: 'col-lg-4' }, el('section', { class: 'card card-body' }, el('dl', { class: 'row small mb-0' },
        ...row('change.col.type', label('changeType', change.type)), ...row('change.col.risk', label('risk', change.risk)),
        ...row('change.col.plannedStart', formatDateTime(change.plannedStart)), ...row('change.col.plannedEnd', formatDateTime(change.plannedEnd)),
        ...row('change.requester', change.requester), ...row('change.implementer', change.implementer),
        ...row('change.cis', cis.length ? cis.map((c, i) => [i ? ', ' : '', el('a', { href: `#/cmdb/${c.id}` }, c.name)]) : null))))));
  return null;
}

/** Approve or reject one approval task, with a comment; claims the task first if it is a group's. */
function decisionForm(task, done) {
  const comment = el('textarea', { class: 'form-control form-control-sm', rows: 2, id: `task-comment-${task.id}`, 'aria-label': t('approval.comment'), placeholder: t('approval.comment') });
  const error = el('div');
  const decide = async (decision) => {
    clear(error);
    if (decision === 'reject' && !comment.value.trim()) { error.append(errorBox(new Error(t('approval.reasonNeeded')))); comment.focus(); return; }
    try {
      if (!task.assignee) await api(`/api/tasks/${task.id}/claim`, { method: 'POST' });
      await api(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { decision, comment: comment.value.trim() } });
      toast(t(decision === 'approve' ? 'approval.approved' : 'approval.rejected'), 'success');
      await done();
    } catch (e) { error.append(errorBox(e)); }
  };
  return el('section', { class: 'card card-body mt-3 border-warning', dataset: { taskId: task.id } },
    el('h2', { class: 'h6 task-title' }, task.nameKey ? systemText(task.nameKey, task.nameArgs, task.name) : (task.name || t('approval.task'))),
    task.due ? el('div', { class: 'small text-muted mb-1' }, t('approval.due', { at: formatDateTime(task.due) })) : null,
    (task.revisions || []).length ? el('div', { class: 'alert alert-warning py-2 mb-2', dataset: { revised: 'true' } },
      el('div', { class: 'small fw-semibold' }, t('approval.revised')), revisionList(task.revisions)) : null,
    error, comment,
    el('div', { class: 'd-flex gap-2 mt-2' },
      el('button', { type: 'button', class: 'btn btn-success btn-sm', dataset: { action: 'approve' }, onclick: () => decide('approve') }, t('approval.approve')),
      el('button', { type: 'button', class: 'btn btn-outline-danger btn-sm', dataset: { action: 'reject' }, onclick: () => decide('reject') }, t('approval.reject'))));
}

export async function approvalsView(main) {
  const list = el('div', { id: 'approval-list' }, spinner());
  clear(main, el('h1', { class: 'h4 mb-2' }, t('nav.approvals')), list);
  if (!isApprover()) { clear(list, emptyState(t('approval.notApprover'))); return null; }
  async function load() {
    try {
      const page = await optionalApi('/api/tasks');
      if (!page) { clear(list, emptyState(t('approval.unavailable'))); return; }
      if (!page.items.length) { clear(list, emptyState(t('approval.none'))); return; }
      clear(list, page.items.map((task) => el('div', {},
        el('div', { class: 'mt-3 small' },
          task.changeKey ? el('a', { href: `#/changes/${task.changeKey}`, class: 'fw-semibold' }, task.changeKey) : null,
          task.ticketKey ? el('a', { href: `#/tickets/${task.ticketKey}`, class: 'fw-semibold' }, task.ticketKey) : null,
          ' · ', t('approval.created', { at: formatDateTime(task.created) })),
        decisionForm(task, load))));
    } catch (e) { clear(list, errorBox(e)); }
  }
  await load();
  const refresh = debounce(load, 500);
  return { onLive(topic) { if (topic === 'task') refresh(); } };
}
