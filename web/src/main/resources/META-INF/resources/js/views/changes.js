// Changes: list, calendar of planned changes (conflicts marked), the new-change form (with the conflict check
// while typing), one change with its approval card and its steps after approval (implement, review, close), the
// approval inbox, and the catalogue of standard-change templates.
import {
  state, el, clear, t, label, systemText, api, optionalApi, query, errorBox, emptyState, spinner, formatDateTime, formatDate,
  isApprover, isStaff, hasRole, toast, debounce, ApiError, dateFormat,
} from '../core.js';
import { ciPicker } from './ci-picker.js';
import { dateTimePicker } from './date-time-picker.js';
import { processDiagram } from './process-diagram.js';

const PAGE_SIZE = 25;

function tabs(active) {
  return el('div', { class: 'd-flex align-items-end mb-3 border-bottom' },
    el('ul', { class: 'nav nav-tabs border-0 flex-grow-1' },
      [['#/changes', 'change.list'], ['#/changes/calendar', 'change.calendar'], ['#/changes/templates', 'chg.templates']].map(([href, key]) => el('li', { class: 'nav-item' },
        el('a', { class: `nav-link${href === active ? ' active' : ''}`, href, 'aria-current': href === active ? 'page' : null }, t(key))))),
    isStaff() ? el('a', { class: 'btn btn-primary btn-sm mb-1', href: '#/changes/new', id: 'change-new' }, t('chg.new')) : null);
}

// ---------------------------------------------------------------- dates in the user's time zone

/** The offset (ms) of a time zone from UTC at an instant. */
function zoneOffset(ms, timeZone) {
  const parts = Object.fromEntries(dateFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second) - Math.floor(ms / 1000) * 1000;
}

/** A date-time picker's value (wall time in the user's time zone) as an ISO instant; null when empty. */
export function pickerToIso(value, timeZone = state.timeZone) {
  if (!value) return null;
  const [d, tm] = value.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [h, min] = (tm || '00:00').split(':').map(Number);
  const wall = Date.UTC(y, m - 1, day, h, min);
  let ms = wall - zoneOffset(wall, timeZone);
  ms = wall - zoneOffset(ms, timeZone);
  return new Date(ms).toISOString();
}

/** An ISO instant as a date-time picker's value in the user's time zone. */
export function isoToPicker(iso, timeZone = state.timeZone) {
  const ms = new Date(iso).getTime();
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 16);
}

function conflictList(conflicts, id) {
  return el('ul', { class: 'mb-0 small', id }, conflicts.map((c) => el('li', { dataset: { kind: c.kind } },
    el('strong', {}, label('conflictKind', c.kind)), ` ${c.ref || ''}: ${systemText(c.reasonKey, c.reasonArgs, c.reason)}`)));
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
  const dayKey = (d) => dateFormat('en-CA', { timeZone: state.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  // This month and the grid's days are the user's, in their time zone (not the browser's, not UTC).
  const [year, mon] = (/^\d{4}-\d{2}$/.test(month || '') ? month : dayKey(new Date()).slice(0, 7)).split('-').map(Number);
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
  // The grid's first and last days run from midnight to midnight where the user is.
  const localMidnight = (d) => pickerToIso(`${d.toISOString().slice(0, 10)}T00:00`);
  const page = await optionalApi(`/api/changes${query({ from: localMidnight(gridStart), to: localMidnight(gridEnd), size: 500 })}`);
  if (!page) { clear(grid, emptyState(t('change.unavailable'))); return null; }
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
  const weekday = dateFormat(state.locale, { weekday: 'short', timeZone: 'UTC' });
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
    tasks = open ? open.items.filter((task) => task.changeKey === change.key && task.decision) : [];
  }
  const cis = change.cis || await Promise.all((change.ciIds || []).map((ciId) => api(`/api/cis/${ciId}`).then((c) => ({ id: ciId, name: c.name })).catch(() => ({ id: ciId, name: `#${ciId}` }))));
  const row = (k, v) => [el('dt', { class: 'col-4 text-muted fw-normal' }, t(k)), el('dd', { class: 'col-8' }, v || '—')];
  const notes = (change.history || []).filter((h) => h.field === 'stepNote');
  const reload = () => changeView(main, ctx);
  clear(main,
    el('nav', {}, el('a', { href: '#/changes', class: 'small' }, `← ${t('nav.changes')}`)),
    el('h1', { class: 'h4 my-2' }, el('span', { class: 'text-muted me-2' }, change.key), change.title, ' ', el('span', { id: 'change-status' }, statusBadge(change.status)),
      change.outcome ? [' ', el('span', { id: 'change-outcome', class: `badge ${change.outcome === 'successful' ? 'text-bg-success' : 'text-bg-danger'}` }, label('chgOutcome', change.outcome))] : null),
    el('div', { class: 'row g-3' },
      el('div', { class: 'col-lg-8' },
        (change.conflicts || []).length ? el('div', { class: 'alert alert-danger' }, el('strong', {}, t('change.conflicts')),
          conflictList(change.conflicts)) : null,
        (change.revisions || []).length ? el('div', { class: 'alert alert-warning', id: 'change-revisions' },
          el('strong', {}, t('change.revisions')),
          change.status === 'approval' ? el('div', { class: 'small mb-1' }, t('change.revisionsRound', { round: change.approvalRound })) : null,
          revisionList(change.revisions)) : null,
        tasks.map((task) => approvalCard({ ...change, cis }, task, reload)),
        stepPanel(change, reload),
        el('section', { class: 'card card-body mt-3' },
          el('h2', { class: 'h6' }, t('change.description')), el('div', { class: 'tl-body' }, change.description || '—'),
          el('h2', { class: 'h6 mt-3' }, t('change.implementationPlan')), el('div', { class: 'tl-body' }, change.implementationPlan || '—'),
          el('h2', { class: 'h6 mt-3' }, t('change.backoutPlan')), el('div', { class: 'tl-body' }, change.backoutPlan || '—'),
          el('h2', { class: 'h6 mt-3' }, t('chg.testPlan')), el('div', { class: 'tl-body' }, change.testPlan || '—')),
        notes.length ? el('section', { class: 'card card-body mt-3' },
          el('h2', { class: 'h6' }, t('chg.progressNotes')),
          el('ul', { class: 'timeline mb-0', id: 'change-notes' }, notes.map((n) => el('li', { class: 'tl-note' },
            el('div', { class: 'small text-muted' }, el('strong', { class: 'text-body' }, n.actor), ' · ', label('changeStatus', n.oldValue), ' · ', formatDateTime(n.at)),
            el('div', { class: 'tl-body' }, n.newValue))))) : null,
        el('section', { class: 'card card-body mt-3' },
          el('div', { class: 'd-flex justify-content-between' }, el('h2', { class: 'h6' }, t('change.approvals')), progressText(change)),
          (change.approvals || []).length ? el('ul', { class: 'timeline mb-0', id: 'change-approvals' }, change.approvals.map((a) => el('li', { class: a.decision === 'approved' ? 'tl-comment' : 'tl-note' },
            el('div', { class: 'small text-muted' }, el('strong', { class: 'text-body' }, a.approver), ' · ', label('decision', a.decision), ' · ', formatDateTime(a.at)),
            a.comment ? el('div', { class: 'tl-body' }, a.comment) : null))) : emptyState(t('change.noApprovals')),
          (change.withdrawnApprovals || []).length ? [el('h3', { class: 'h6 mt-3 text-muted' }, t('change.withdrawnApprovals')),
            el('ul', { class: 'timeline mb-0 text-muted', id: 'change-withdrawn-approvals' }, change.withdrawnApprovals.map((a) => el('li', { class: 'tl-note' },
              el('div', { class: 'small' }, el('s', {}, el('strong', {}, a.approver), ' · ', label('decision', a.decision), ' · ', formatDateTime(a.at)),
                ' · ', t('change.withdrawn', { at: formatDateTime(a.withdrawnAt) })),
              a.comment ? el('div', { class: 'tl-body' }, a.comment) : null)))] : null)),
      el('div', { class: 'col-lg-4' }, el('section', { class: 'card card-body' }, el('dl', { class: 'row small mb-0' },
        ...row('change.col.type', label('changeType', change.type)), ...row('change.col.risk', label('risk', change.risk)),
        ...row('change.col.plannedStart', formatDateTime(change.plannedStart)), ...row('change.col.plannedEnd', formatDateTime(change.plannedEnd)),
        ...row('change.requester', change.requester), ...row('change.implementer', change.implementer),
        ...row('change.cis', cis.length ? cis.map((c, i) => [i ? ', ' : '', el('a', { href: `#/cmdb/${c.id}` }, c.name || `#${c.id}`)]) : null),
        change.outcome ? row('chg.outcome', label('chgOutcome', change.outcome)) : null)))),
    processDiagram('change', change.key, change.title).element);
  return null;
}

/** The next step after approval: start implementing, finish implementing (to review), or close with an outcome; each with a note. */
const NEXT_STEP = { scheduled: 'implementing', implementing: 'review', review: 'closed' };

function stepPanel(change, done) {
  const target = NEXT_STEP[change.status];
  if (!target || !isStaff()) return null;
  // the process offers implementing to the implementer (else the requester), the review to the requester; admins may step in
  const owner = target === 'closed' ? change.requester : (change.implementer || change.requester);
  const me = state.me ? state.me.user.username : null;
  if (me !== owner && !hasRole('admin')) {
    return el('section', { class: 'card card-body mt-3', id: 'change-step' },
      el('div', { class: 'small text-muted' }, t('chg.stepOf', { step: t(`chg.step.${target}`), owner })));
  }
  const note = el('textarea', { class: 'form-control form-control-sm', rows: 2, id: 'step-note', 'aria-label': t('chg.note'), placeholder: t('chg.note') });
  const outcome = target === 'closed' ? el('select', { class: 'form-select form-select-sm', id: 'step-outcome', 'aria-label': t('chg.outcome') },
    el('option', { value: '' }, t('chg.chooseOutcome')),
    ['successful', 'failed', 'backed_out'].map((o) => el('option', { value: o }, label('chgOutcome', o)))) : null;
  const fields = { note, outcome };
  const error = el('div');
  const submit = el('button', { type: 'button', class: 'btn btn-primary btn-sm', id: 'step-submit', dataset: { target }, onclick: async () => {
    clear(error);
    [note, outcome].forEach((n) => n && n.classList.remove('is-invalid'));
    submit.disabled = true;
    const body = { status: target, note: note.value.trim() || null };
    if (outcome) body.outcome = outcome.value || null;
    try {
      await api(`/api/changes/${encodeURIComponent(change.key)}`, { method: 'PATCH', body });
      toast(t(`chg.stepDone.${target}`), 'success');
      await done();
    } catch (e) {
      submit.disabled = false;
      showFieldErrors(e, fields, error);
    }
  } }, t(`chg.step.${target}`));
  return el('section', { class: 'card card-body mt-3 border-primary', id: 'change-step' },
    el('h2', { class: 'h6' }, t(`chg.stepHeading.${target}`)),
    error,
    outcome ? el('div', { class: 'mb-2' }, el('label', { class: 'form-label small', for: 'step-outcome' }, t('chg.outcome')), outcome,
      el('div', { class: 'invalid-feedback', id: 'step-outcome-feedback' })) : null,
    note, el('div', { class: 'invalid-feedback', id: 'step-note-feedback' }),
    el('div', { class: 'mt-2' }, submit));
}

/** Puts each field error of a problem beside its input (by the problem's field name); the rest on top. */
function showFieldErrors(err, fieldsByName, errorBoxHolder) {
  const unplaced = [];
  if (err instanceof ApiError && err.errors.length) {
    for (const fe of err.errors) {
      const input = fieldsByName[fe.field];
      const feedback = input ? document.getElementById(`${input.id}-feedback`) : null;
      if (input && feedback) {
        input.classList.add('is-invalid');
        feedback.textContent = fe.message;
        feedback.classList.add('d-block');
      } else unplaced.push(fe);
    }
    if (unplaced.length || !err.errors.length) errorBoxHolder.append(errorBox(err));
    else errorBoxHolder.append(el('div', { class: 'alert alert-danger py-2 small', role: 'alert' }, err.message));
    const first = err.errors.map((fe) => fieldsByName[fe.field]).find(Boolean);
    if (first && first.focus) first.focus();
  } else {
    errorBoxHolder.append(errorBox(err));
  }
}

/** "1 of 2 approvals" (and the rejections so far) for the round under way. */
function progressText(change) {
  const p = change.approvalProgress;
  if (!p) return null;
  return el('span', { class: 'badge text-bg-info', dataset: { approved: p.approved, required: p.required } },
    t('chg.progress', { approved: p.approved, required: p.required }),
    p.rejected ? ` · ${t('chg.progressRejected', { rejected: p.rejected })}` : '');
}

/**
 * What an approver decides on, on one card: type, risk, window, CIs, plans, conflicts, the decisions so far
 * ("1 of 2 approvals", who and when), and approve/reject with a comment.
 */
function approvalCard(change, task, done) {
  const names = change.cis || (change.ciIds || []).map((id) => ({ id, name: `#${id}` }));
  const row = (k, v) => [el('dt', { class: 'col-sm-3 text-muted fw-normal' }, t(k)), el('dd', { class: 'col-sm-9 mb-1' }, v || '—')];
  const plan = (k, v) => (v ? el('details', { class: 'small mb-1 card-plan', open: true }, el('summary', {}, t(k)), el('div', { class: 'tl-body' }, v)) : null);
  return el('section', { class: 'card card-body mt-3 border-warning approval-card', dataset: { changeKey: change.key, taskId: task.id } },
    el('div', { class: 'd-flex justify-content-between align-items-start gap-2' },
      el('h2', { class: 'h6 mb-2' }, el('a', { href: `#/changes/${change.key}` }, change.key), ' ', change.title,
        // The task in the reader's words ("CHG-1 승인: …"), not the process model's English name.
        task.nameKey ? el('span', { class: 'd-block small text-muted fw-normal mt-1 task-title' }, systemText(task.nameKey, task.nameArgs, task.name)) : null),
      progressText(change)),
    el('dl', { class: 'row small mb-1' },
      ...row('change.col.type', el('span', { class: 'card-type' }, label('changeType', change.type))),
      ...row('change.col.risk', el('span', { class: 'card-risk' }, label('risk', change.risk))),
      ...row('chg.window', el('span', { class: 'card-window' }, `${formatDateTime(change.plannedStart)} – ${formatDateTime(change.plannedEnd)}`)),
      ...row('change.cis', names.length ? el('span', { class: 'card-cis' }, names.map((c, i) => [i ? ', ' : '', el('a', { href: `#/cmdb/${c.id}` }, c.name || `#${c.id}`)])) : null),
      ...row('change.requester', change.requester)),
    plan('change.implementationPlan', change.implementationPlan), plan('change.backoutPlan', change.backoutPlan), plan('chg.testPlan', change.testPlan),
    (change.conflicts || []).length ? el('div', { class: 'alert alert-danger py-2 my-2' }, el('div', { class: 'small fw-semibold' }, t('change.conflicts')),
      conflictList(change.conflicts)) : el('div', { class: 'small text-muted mb-1' }, t('chg.noConflicts')),
    el('div', { class: 'small fw-semibold mt-1' }, t('chg.decisionsSoFar')),
    (change.approvals || []).length ? el('ul', { class: 'small mb-2 card-decisions' }, change.approvals.map((a) => el('li', {},
      el('strong', {}, a.approver), a.onBehalfOf ? ` (${t('chg.onBehalfOf', { name: a.onBehalfOf })})` : '', ' · ', label('decision', a.decision), ' · ', formatDateTime(a.at),
      a.comment ? ` — ${a.comment}` : ''))) : el('div', { class: 'small text-muted mb-2' }, t('change.noApprovals')),
    decisionForm(task, done, true));
}

/** Approve or reject one approval task, with a comment; claims the task first if it is a group's. */
function decisionForm(task, done, inline = false) {
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
  return el('section', { class: inline ? 'decision' : 'card card-body mt-3 border-warning', dataset: { taskId: task.id } },
    inline ? null : el('h2', { class: 'h6 task-title' }, task.nameKey ? systemText(task.nameKey, task.nameArgs, task.name) : (task.name || t('approval.task'))),
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
      const changes = await Promise.all(page.items.map((task) => (task.decision && task.changeKey
        ? optionalApi(`/api/changes/${encodeURIComponent(task.changeKey)}`).catch(() => null) : null)));
      clear(list, page.items.map((task, i) => el('div', {},
        el('div', { class: 'mt-3 small' },
          task.changeKey ? el('a', { href: `#/changes/${task.changeKey}`, class: 'fw-semibold' }, task.changeKey) : null,
          task.ticketKey ? el('a', { href: `#/tickets/${task.ticketKey}`, class: 'fw-semibold' }, task.ticketKey) : null,
          ' · ', t('approval.created', { at: formatDateTime(task.created) })),
        changes[i] ? approvalCard(changes[i], task, load) : decisionForm(task, load))));
    } catch (e) { clear(list, errorBox(e)); }
  }
  await load();
  const refresh = debounce(load, 500);
  return { onLive(topic) { if (topic === 'task') refresh(); } };
}

// ---------------------------------------------------------------- the new-change form

/**
 * A new change: type, risk, window (date-time pickers in the user's language, format and time zone), CIs, plans, title and
 * description; with ?template=ID a standard change from the catalogue. While the user types, the window and
 * CIs are checked against approved changes, freezes and maintenance windows; errors show beside their field.
 */
export async function newChangeView(main, ctx) {
  const templates = (await optionalApi('/api/change-templates')) || { items: [] };
  let cis = [];
  const field = (id, labelKey, control, help) => el('div', { class: 'mb-3' },
    el('label', { class: 'form-label', for: id }, t(labelKey)), control,
    el('div', { class: 'invalid-feedback', id: `${id}-feedback` }), help ? el('div', { class: 'form-text' }, help) : null);
  const select = (id, options, value) => el('select', { id, name: id, class: 'form-select' },
    options.map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
  const template = select('chg-template', [['', t('chg.noTemplate')], ...templates.items.map((tp) => [String(tp.id), tp.name])], ctx.query.get('template') || '');
  const type = select('chg-type', ['normal', 'standard', 'emergency'].map((c) => [c, label('changeType', c)]), 'normal');
  const risk = select('chg-risk', ['low', 'medium', 'high'].map((c) => [c, label('risk', c)]), 'medium');
  const title = el('input', { id: 'chg-title', class: 'form-control', maxlength: 300, required: true });
  const description = el('textarea', { id: 'chg-description', class: 'form-control', rows: 3 });
  const implementationPlan = el('textarea', { id: 'chg-plan', class: 'form-control', rows: 3 });
  const backoutPlan = el('textarea', { id: 'chg-backout', class: 'form-control', rows: 3 });
  const testPlan = el('textarea', { id: 'chg-test', class: 'form-control', rows: 3 });
  const ciHolder = el('div', { id: 'chg-ci-holder' });
  const ciFeedbackHost = el('input', { type: 'hidden', id: 'chg-cis' });
  const conflicts = el('div', { id: 'chg-conflicts', class: 'small', 'aria-live': 'polite' });
  const error = el('div', { id: 'chg-error' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary', id: 'chg-submit' }, t('chg.submit'));
  // a sensible first window: tomorrow 22:00–23:00 in the user's time zone
  const tomorrow = isoToPicker(new Date(Date.now() + 86400000).toISOString()).slice(0, 10);
  const start = dateTimePicker({ id: 'chg-start', value: `${tomorrow}T22:00`, onChange: () => startChanged() });
  const end = dateTimePicker({ id: 'chg-end', value: `${tomorrow}T23:00`, onChange: () => check() });
  const fieldsByName = { templateId: template, type, risk, plannedStart: start.input, plannedEnd: end.input, title, description,
    implementationPlan, backoutPlan, testPlan, ciIds: ciFeedbackHost };

  let checkSeq = 0;
  const check = debounce(async () => {
    const seq = ++checkSeq;
    const plannedStart = pickerToIso(start.value);
    const plannedEnd = pickerToIso(end.value);
    if (!plannedStart || !plannedEnd || !cis.length) {
      clear(conflicts, el('span', { class: 'text-muted' }, t('chg.conflictHint')));
      return;
    }
    clear(conflicts, el('span', { class: 'text-muted' }, t('chg.checking')));
    try {
      const found = await api('/api/changes/conflicts', { method: 'POST', body: { ciIds: cis.map((c) => c.id), plannedStart, plannedEnd } });
      if (seq !== checkSeq) return;
      clear(conflicts, found.items.length
        ? el('div', { class: 'alert alert-warning py-2 mb-0', dataset: { conflicts: found.items.length } },
          el('div', { class: 'fw-semibold' }, t('chg.conflictsFound', { count: found.items.length })), conflictList(found.items, 'chg-conflict-list'))
        : el('div', { class: 'text-success', dataset: { conflicts: 0 } }, t('chg.noConflicts')));
    } catch (e) {
      if (seq === checkSeq) clear(conflicts, el('span', { class: 'text-danger' }, e.message));
    }
  }, 300);

  const picker = () => ciPicker({ id: 'chg-ci', selected: cis, onChange: (chosen) => { cis = chosen; check(); } });
  clear(ciHolder, picker());
  const applyTemplate = async () => {
    const chosen = templates.items.find((tp) => String(tp.id) === template.value);
    type.disabled = !!chosen;
    if (!chosen) return;
    type.value = 'standard';
    risk.value = chosen.risk;
    if (!title.value) title.value = chosen.name;
    description.value = chosen.description || '';
    implementationPlan.value = chosen.implementationPlan || '';
    backoutPlan.value = chosen.backoutPlan || '';
    testPlan.value = chosen.testPlan || '';
    cis = await Promise.all((chosen.ciIds || []).map((id) => api(`/api/cis/${id}`).then((c) => ({ id, name: c.name })).catch(() => ({ id, name: `#${id}` }))));
    clear(ciHolder, picker());
    check();
  };
  template.addEventListener('change', applyTemplate);
  function startChanged() {
    if (start.value && (!end.value || end.value <= start.value)) {
      end.value = isoToPicker(new Date(new Date(pickerToIso(start.value)).getTime() + 3600000).toISOString());
    }
    check();
  }

  const form = el('form', { id: 'new-change', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    clear(error);
    form.querySelectorAll('.is-invalid').forEach((n) => n.classList.remove('is-invalid'));
    form.querySelectorAll('.invalid-feedback').forEach((n) => { n.textContent = ''; n.classList.remove('d-block'); });
    if (!title.value.trim()) {
      title.classList.add('is-invalid');
      form.querySelector('#chg-title-feedback').textContent = t('chg.titleNeeded');
      title.focus();
      return;
    }
    const body = {
      type: template.value ? 'standard' : type.value, risk: risk.value, title: title.value.trim(),
      description: description.value || null, plannedStart: pickerToIso(start.value), plannedEnd: pickerToIso(end.value),
      ciIds: cis.map((c) => c.id), implementationPlan: implementationPlan.value || null,
      backoutPlan: backoutPlan.value || null, testPlan: testPlan.value || null,
    };
    if (template.value) body.templateId = Number(template.value);
    submit.disabled = true;
    try {
      const change = await api('/api/changes', { method: 'POST', body });
      toast(t('chg.created', { key: change.key }), 'success');
      window.location.hash = `#/changes/${change.key}`;
    } catch (err) {
      submit.disabled = false;
      showFieldErrors(err, fieldsByName, error);
    }
  } },
  error,
  templates.items.length ? field('chg-template', 'chg.template', template, t('chg.templateHelp')) : null,
  el('div', { class: 'row' },
    el('div', { class: 'col-md-6' }, field('chg-type', 'change.col.type', type)),
    el('div', { class: 'col-md-6' }, field('chg-risk', 'change.col.risk', risk))),
  el('div', { class: 'row' },
    el('div', { class: 'col-md-6' }, field('chg-start', 'change.col.plannedStart', start.input)),
    el('div', { class: 'col-md-6' }, field('chg-end', 'change.col.plannedEnd', end.input))),
  el('div', { class: 'form-text mt-n2 mb-3' }, t('chg.timeZone', { zone: state.timeZone })),
  el('div', { class: 'mb-3' }, el('label', { class: 'form-label', for: 'chg-ci' }, t('change.cis')), ciHolder, ciFeedbackHost,
    el('div', { class: 'invalid-feedback', id: 'chg-cis-feedback' })),
  el('div', { class: 'mb-3' }, el('div', { class: 'form-label' }, t('chg.conflictCheck')), conflicts),
  field('chg-title', 'change.col.title', title),
  field('chg-description', 'change.description', description),
  field('chg-plan', 'change.implementationPlan', implementationPlan),
  field('chg-backout', 'change.backoutPlan', backoutPlan),
  field('chg-test', 'chg.testPlan', testPlan),
  el('div', { class: 'd-flex gap-2' }, submit, el('a', { class: 'btn btn-outline-secondary', href: '#/changes' }, t('action.cancel'))));

  clear(main, el('div', { class: 'row justify-content-center' }, el('div', { class: 'col-lg-9 col-xl-7' },
    el('nav', {}, el('a', { href: '#/changes', class: 'small' }, `← ${t('nav.changes')}`)),
    el('h1', { class: 'h4 my-2' }, t('chg.newHeading')),
    el('div', { class: 'card card-body' }, form))));
  clear(conflicts, el('span', { class: 'text-muted' }, t('chg.conflictHint')));
  if (template.value) await applyTemplate();
  title.focus();
  return null;
}

// ---------------------------------------------------------------- the standard-change catalogue

/** Pre-approved standard-change templates: everyone raises a change from one; admins keep them. */
export async function templatesView(main) {
  const admin = hasRole('admin');
  const list = el('div', { id: 'template-list' }, spinner());
  const editor = el('div', { id: 'template-editor' });
  clear(main, el('h1', { class: 'h4 mb-2' }, t('nav.changes')), tabs('#/changes/templates'),
    el('p', { class: 'text-muted small' }, t('chg.templatesIntro')), editor, list);

  async function load() {
    try {
      const page = await optionalApi('/api/change-templates');
      if (!page) { clear(list, emptyState(t('change.unavailable'))); return; }
      clear(list,
        admin ? el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm mb-2', id: 'template-add', onclick: () => edit(null) }, t('chg.templateAdd')) : null,
        page.items.length ? el('div', { class: 'list-group' }, page.items.map((tp) => el('div', { class: 'list-group-item', dataset: { templateId: tp.id } },
          el('div', { class: 'd-flex justify-content-between align-items-start gap-2' },
            el('div', {}, el('div', { class: 'fw-semibold' }, tp.name), el('div', { class: 'small text-muted' }, label('risk', tp.risk), tp.description ? ` · ${tp.description}` : '')),
            el('div', { class: 'd-flex gap-1' },
              isStaff() ? el('a', { class: 'btn btn-primary btn-sm', href: `#/changes/new?template=${tp.id}` }, t('chg.raiseFrom')) : null,
              admin ? el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', onclick: () => edit(tp) }, t('chg.templateEdit')) : null,
              admin ? el('button', { type: 'button', class: 'btn btn-outline-danger btn-sm', onclick: async () => {
                if (!window.confirm(t('chg.templateDeleteConfirm', { name: tp.name }))) return;
                try { await api(`/api/change-templates/${tp.id}`, { method: 'DELETE' }); await load(); } catch (e) { toast(e.message, 'danger'); }
              } }, t('chg.templateDelete')) : null))))) : emptyState(t('chg.noTemplates')));
    } catch (e) { clear(list, errorBox(e)); }
  }

  function edit(tp) {
    let cis = (tp && tp.ciIds || []).map((id) => ({ id, name: `#${id}` }));
    const input = (id, value, rows) => (rows ? el('textarea', { id, class: 'form-control', rows, value: value || '' }) : el('input', { id, class: 'form-control', value: value || '' }));
    const name = input('tpl-name', tp && tp.name);
    const description = input('tpl-description', tp && tp.description, 2);
    const risk = el('select', { id: 'tpl-risk', class: 'form-select' }, ['low', 'medium', 'high'].map((r) => el('option', { value: r, selected: (tp ? tp.risk : 'low') === r }, label('risk', r))));
    const plan = input('tpl-plan', tp && tp.implementationPlan, 3);
    const backout = input('tpl-backout', tp && tp.backoutPlan, 3);
    const test = input('tpl-test', tp && tp.testPlan, 2);
    const error = el('div');
    const fields = { name, description, risk, implementationPlan: plan, backoutPlan: backout, testPlan: test };
    const f = (id, key, control) => el('div', { class: 'mb-2' }, el('label', { class: 'form-label small', for: id }, t(key)), control, el('div', { class: 'invalid-feedback', id: `${id}-feedback` }));
    clear(editor, el('form', { class: 'card card-body mb-3', id: 'template-form', novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      clear(error);
      const body = { name: name.value.trim(), description: description.value || null, risk: risk.value, ciIds: cis.map((c) => c.id),
        implementationPlan: plan.value || null, backoutPlan: backout.value || null, testPlan: test.value || null };
      try {
        await api(tp ? `/api/change-templates/${tp.id}` : '/api/change-templates', { method: tp ? 'PUT' : 'POST', body });
        toast(t('chg.templateSaved'), 'success');
        clear(editor);
        await load();
      } catch (err) { showFieldErrors(err, fields, error); }
    } },
    el('h2', { class: 'h6' }, t(tp ? 'chg.templateEdit' : 'chg.templateAdd')), error,
    f('tpl-name', 'chg.templateName', name), f('tpl-description', 'change.description', description), f('tpl-risk', 'change.col.risk', risk),
    el('div', { class: 'mb-2' }, el('label', { class: 'form-label small', for: 'tpl-ci' }, t('chg.templateCis')), ciPicker({ id: 'tpl-ci', selected: cis, compact: true, onChange: (c) => { cis = c; } })),
    f('tpl-plan', 'change.implementationPlan', plan), f('tpl-backout', 'change.backoutPlan', backout), f('tpl-test', 'chg.testPlan', test),
    el('div', { class: 'd-flex gap-2' }, el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, t('action.save')),
      el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', onclick: () => clear(editor) }, t('action.cancel')))));
    name.focus();
  }

  await load();
  return null;
}
