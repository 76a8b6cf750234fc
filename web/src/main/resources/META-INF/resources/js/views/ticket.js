// One ticket: header with SLA countdown, the timeline of everything that happened, and the actions.
import {
  state, el, clear, t, label, api, ApiError, errorBox, formatDateTime, relative, duration, toast,
  priorityBadge, statusBadge, severityBadge, isDesk, debounce,
} from '../core.js';
import { ciPicker } from './ci-picker.js';
import { processDiagram } from './process-diagram.js';

export async function ticketView(main, ctx) {
  const key = ctx.params[0].toUpperCase();
  let ticket = await api(`/api/tickets/${encodeURIComponent(key)}`);
  let groups = null;
  if (isDesk()) {
    try { groups = (await api('/api/groups')).items; } catch (e) { groups = []; }
  }

  // The composer outlives re-renders, so that a live update never eats what the agent is typing.
  const body = el('textarea', { id: 'comment-body', class: 'form-control', rows: 3, 'aria-label': t('ticket.commentLabel'), placeholder: t(isDesk() ? 'ticket.commentPlaceholder' : 'ticket.replyPlaceholder') });
  const internal = el('input', { id: 'comment-internal', type: 'checkbox', class: 'form-check-input' });
  const composerError = el('div', { id: 'comment-error' });
  const composer = el('form', { id: 'comment-form', class: 'card card-body mt-3', onsubmit: async (e) => {
    e.preventDefault();
    clear(composerError);
    if (!body.value.trim()) { composerError.append(errorBox(new Error(t('ticket.commentEmpty')))); return; }
    try {
      await api(`/api/tickets/${key}/comments`, { method: 'POST', body: { body: body.value, internal: internal.checked } });
      body.value = '';
      internal.checked = false;
      await reload();
    } catch (err) { composerError.append(errorBox(err)); }
  } },
  el('h2', { class: 'h6' }, t('ticket.addComment')), composerError, body,
  el('div', { class: 'd-flex justify-content-between align-items-center mt-2 flex-wrap gap-2' },
    isDesk() ? el('div', { class: 'form-check' }, internal, el('label', { class: 'form-check-label', for: 'comment-internal' }, t('ticket.internalNote'))) : el('span'),
    el('button', { class: 'btn btn-primary btn-sm', type: 'submit', id: 'comment-submit' }, t('ticket.send'))));

  const file = el('input', { id: 'attach-file', type: 'file', class: 'form-control form-control-sm', 'aria-label': t('ticket.attachLabel') });
  const attachError = el('div', { id: 'attach-error' });
  const attach = el('form', { class: 'card card-body mt-3', id: 'attach-form', onsubmit: async (e) => {
    e.preventDefault();
    clear(attachError);
    if (!file.files.length) { attachError.append(errorBox(new Error(t('ticket.attachNone')))); return; }
    const form = new FormData();
    form.append('file', file.files[0], file.files[0].name);
    try {
      await api(`/api/tickets/${key}/attachments`, { method: 'POST', body: form });
      file.value = '';
      toast(t('ticket.attached'), 'success');
      await reload();
    } catch (err) { attachError.append(errorBox(err)); }
  } },
  el('h2', { class: 'h6' }, t('ticket.attach')), attachError,
  el('div', { class: 'input-group input-group-sm' }, file, el('button', { class: 'btn btn-outline-primary', type: 'submit', id: 'attach-submit' }, t('ticket.upload'))));

  const page = el('div', { id: 'ticket-page', dataset: { key } });
  const process = processDiagram('ticket', key, ticket.title); // kept across re-renders, refreshed when the ticket moves
  clear(main, page);
  let timer = null;

  // What the page shows; a live update about a change this page made itself re-renders nothing.
  const shape = (tk) => [tk.version, (tk.comments || []).length, (tk.attachments || []).length, (tk.history || []).length].join('/');

  async function reload() {
    try {
      const fresh = await api(`/api/tickets/${key}`);
      if (shape(fresh) === shape(ticket)) return;
      ticket = fresh;
      render();
      process.refresh();
    } catch (e) {
      toast(e.message, 'danger');
    }
  }

  async function change(fields) {
    try {
      ticket = await api(`/api/tickets/${key}`, { method: 'PATCH', body: fields, headers: { 'If-Match': `"${ticket.version}"` } });
      toast(t('ticket.saved'), 'success', 3000);
      render();
      process.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        toast(t('ticket.stale'), 'warning');
        await reload();
      } else {
        const box = page.querySelector('#ticket-error');
        clear(box, errorBox(e));
        box.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  function render() {
    clearInterval(timer);
    const sla = slaPanel(ticket.sla);
    if (ticket.sla) timer = setInterval(() => { const fresh = slaPanel(ticket.sla); sla.replaceWith(fresh); }, 30000);
    clear(page,
      el('nav', { 'aria-label': t('common.breadcrumb') }, el('a', { href: '#/tickets', class: 'small' }, `← ${t('ticket.backToQueue')}`)),
      el('header', { class: 'd-flex flex-wrap align-items-center gap-2 my-2' },
        el('h1', { class: 'h4 mb-0' }, el('span', { class: 'text-muted me-2', id: 'ticket-key' }, ticket.key), el('span', { id: 'ticket-title' }, ticket.title)),
        el('span', { id: 'ticket-status' }, statusBadge(ticket.status)),
        el('span', { id: 'ticket-priority' }, priorityBadge(ticket.priority)),
        el('span', { class: 'badge text-bg-light border' }, label('type', ticket.type)),
        sla),
      el('div', { id: 'ticket-error' }),
      el('div', { class: 'row g-3' },
        el('div', { class: 'col-lg-8' },
          el('h2', { class: 'h6 text-muted' }, t('ticket.timeline')),
          timeline(ticket),
          ticket.status === 'closed' ? el('div', { class: 'alert alert-secondary mt-3' }, t('ticket.closedNote')) : [composer, attach]),
        el('div', { class: 'col-lg-4' }, details(ticket), isDesk() && ticket.status !== 'closed' ? actions() : null, alarmsCard(ticket.alarms))),
      process.element);
  }

  function actions() {
    const me = state.me.user.username;
    const groupSelect = el('select', { id: 'field-group', class: 'form-select form-select-sm', 'aria-label': t('ticket.group') },
      el('option', { value: '' }, t('ticket.noGroup')),
      (groups || []).map((g) => el('option', { value: g.name, selected: ticket.group && ticket.group.name === g.name }, g.name)));
    const assigneeSelect = el('select', { id: 'field-assignee', class: 'form-select form-select-sm', 'aria-label': t('ticket.assignee') });
    const fillAssignees = () => {
      const group = (groups || []).find((g) => g.name === groupSelect.value);
      const members = group ? group.members : [...new Set((groups || []).flatMap((g) => g.members))].sort();
      const current = ticket.assignee ? ticket.assignee.username : '';
      clear(assigneeSelect, el('option', { value: '' }, t('ticket.unassigned')),
        [...new Set([...(current ? [current] : []), ...members])].map((u) => el('option', { value: u, selected: u === current }, u)));
    };
    groupSelect.addEventListener('change', fillAssignees);
    fillAssignees();

    const statusSelect = el('select', { id: 'field-status', class: 'form-select form-select-sm', 'aria-label': t('ticket.status') },
      el('option', { value: ticket.status }, label('status', ticket.status)),
      ticket.nextStatuses.map((s) => el('option', { value: s }, label('status', s))));
    const resolution = el('textarea', { id: 'field-resolution', class: 'form-control form-control-sm mt-2', rows: 2, placeholder: t('ticket.resolutionPlaceholder'), 'aria-label': t('ticket.resolution') });
    const resolutionBox = el('div', { hidden: true }, resolution);
    statusSelect.addEventListener('change', () => { resolutionBox.hidden = statusSelect.value !== 'resolved'; });

    const prioritySelect = el('select', { id: 'field-priority', class: 'form-select form-select-sm', 'aria-label': t('ticket.priority') },
      ['P1', 'P2', 'P3', 'P4'].map((p) => el('option', { value: p, selected: p === ticket.priority }, p)));
    let cis = ticket.cis.map((c) => ({ id: c.id, name: c.name || `#${c.id}` }));
    const picker = ciPicker({ selected: cis, onChange: (chosen) => { cis = chosen; }, id: 'ticket-ci-picker', compact: true });

    return el('section', { class: 'card mt-3', 'aria-labelledby': 'actions-title' },
      el('div', { class: 'card-body' },
        el('h2', { class: 'h6', id: 'actions-title' }, t('ticket.actions')),
        el('div', { class: 'd-grid mb-3' },
          el('button', { class: 'btn btn-outline-primary btn-sm', type: 'button', id: 'assign-me', disabled: ticket.assignee && ticket.assignee.username === me,
            onclick: () => change({ assignee: me }) }, t('ticket.assignToMe'))),
        el('label', { class: 'form-label small mb-1', for: 'field-group' }, t('ticket.group')), groupSelect,
        el('label', { class: 'form-label small mb-1 mt-2', for: 'field-assignee' }, t('ticket.assignee')), assigneeSelect,
        el('button', { class: 'btn btn-sm btn-secondary mt-2', type: 'button', id: 'apply-assignment',
          onclick: () => change({ group: groupSelect.value || null, assignee: assigneeSelect.value || null }) }, t('ticket.applyAssignment')),
        el('hr'),
        el('label', { class: 'form-label small mb-1', for: 'field-status' }, t('ticket.status')), statusSelect, resolutionBox,
        el('button', { class: 'btn btn-sm btn-secondary mt-2', type: 'button', id: 'apply-status', onclick: () => {
          if (statusSelect.value === ticket.status) return;
          const fields = { status: statusSelect.value };
          if (statusSelect.value === 'resolved') {
            if (!resolution.value.trim()) { clear(page.querySelector('#ticket-error'), errorBox(new Error(t('ticket.resolutionNeeded')))); resolution.focus(); return; }
            fields.resolution = resolution.value.trim();
          }
          change(fields);
        } }, t('ticket.applyStatus')),
        el('hr'),
        el('label', { class: 'form-label small mb-1', for: 'field-priority' }, t('ticket.priority')),
        el('div', { class: 'input-group input-group-sm' }, prioritySelect,
          el('button', { class: 'btn btn-secondary', type: 'button', id: 'apply-priority', onclick: () => change({ priority: prioritySelect.value }) }, t('ticket.applyPriority'))),
        el('hr'),
        el('label', { class: 'form-label small mb-1', for: 'ticket-ci-picker' }, t('ticket.cis')), picker,
        el('button', { class: 'btn btn-sm btn-secondary mt-2', type: 'button', id: 'apply-cis', onclick: () => change({ ciIds: cis.map((c) => c.id) }) }, t('ticket.applyCis'))));
  }

  render();
  const refresh = debounce(reload, 300);
  return {
    onLive(topic, data) { if (topic === 'ticket' && data.key === key) refresh(); },
    dispose() { clearInterval(timer); process.dispose(); },
  };
}

function details(ticket) {
  const person = (p) => (p ? (p.displayName ? `${p.displayName} (${p.username})` : p.username) : '—');
  const row = (name, value, id) => [el('dt', { class: 'col-5 text-muted fw-normal' }, name), el('dd', { class: 'col-7', id }, value)];
  return el('section', { class: 'card', 'aria-label': t('ticket.details') }, el('div', { class: 'card-body' },
    el('dl', { class: 'row mb-0 small' },
      row(t('ticket.requester'), person(ticket.requester), 'ticket-requester'),
      row(t('ticket.group'), ticket.group ? ticket.group.name : '—', 'ticket-group'),
      row(t('ticket.assignee'), ticket.assignee ? person(ticket.assignee) : t('ticket.unassigned'), 'ticket-assignee'),
      row(t('ticket.impactUrgency'), `${label('level', ticket.impact)} / ${label('level', ticket.urgency)}`),
      row(t('ticket.cis'), ticket.cis.length ? ticket.cis.map((c, i) => [i ? ', ' : '', el('a', { href: `#/cmdb/${c.id}` }, c.name || `#${c.id}`)]) : '—', 'ticket-cis'),
      row(t('ticket.created'), formatDateTime(ticket.createdAt)),
      row(t('ticket.updated'), formatDateTime(ticket.updatedAt)),
      ticket.resolution ? row(t('ticket.resolution'), ticket.resolution, 'ticket-resolution') : null)));
}

function slaPanel(sla) {
  if (!sla) return el('span');
  const target = sla.resolutionDue;
  const remaining = target ? (new Date(target).getTime() - Date.now()) / 1000 : sla.remainingSeconds;
  const cls = sla.breached ? 'text-bg-danger' : sla.atRisk ? 'text-bg-warning' : 'text-bg-success';
  return el('span', { class: `badge ${cls}`, id: 'ticket-sla', title: target ? formatDateTime(target) : '' },
    sla.paused ? t('sla.paused') : sla.breached ? t('sla.breached') : t('sla.remaining', { time: duration(remaining) }));
}

function alarmsCard(alarms) {
  if (!alarms || !alarms.length) return null;
  return el('section', { class: 'card mt-3' }, el('div', { class: 'card-body' },
    el('h2', { class: 'h6' }, t('ticket.alarms')),
    el('ul', { class: 'list-unstyled mb-0' }, alarms.map((a) => el('li', { class: 'mb-1' },
      severityBadge(a.severity), ' ', a.name, ' ', el('small', { class: 'text-muted' }, label('alarmStatus', a.status)))))));
}

/** Comments, notes, mails, changes and attachments as one time line, oldest first. */
function timeline(ticket) {
  const entries = [];
  entries.push({ at: ticket.createdAt, kind: 'opened', node: () => [
    el('div', { class: 'small text-muted' }, t('timeline.opened', { who: ticket.createdBy || '—' }), ' · ', formatDateTime(ticket.createdAt)),
    ticket.description ? el('div', { class: 'tl-body' }, ticket.description) : null] });
  for (const c of ticket.comments || []) {
    const kind = c.internal ? 'note' : (c.channel === 'mail' || c.channel === 'email') ? 'mail' : 'comment';
    entries.push({ at: c.createdAt, kind, node: () => [
      el('div', { class: 'small text-muted' },
        el('strong', { class: 'text-body' }, c.author), ' · ', t(`timeline.${kind}`), ' · ', el('time', { datetime: c.createdAt, title: relative(c.createdAt) }, formatDateTime(c.createdAt)),
        // A mail whose sender the receiving server could not verify: the desk should not take its From at its word.
        c.unverified ? [' ', el('span', { class: 'badge text-bg-warning tl-unverified', title: t('timeline.unverifiedTitle', { how: c.unverifiedBy || '' }) }, t('timeline.unverified'))] : null),
      el('div', { class: 'tl-body' }, c.body)] });
  }
  // Comments, notes and attachments have entries of their own; the opening is the first entry.
  const shownElsewhere = new Set(['created', 'comment', 'note', 'attachment', 'internalAttachment', 'priorityOverridden']);
  const ciName = (id) => { const ci = ticket.cis.find((c) => String(c.id) === String(id)); return ci && ci.name ? ci.name : `#${id}`; };
  for (const h of ticket.history || []) {
    if (shownElsewhere.has(h.field)) continue;
    if (h.field === 'ci') {
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t(h.newValue ? 'timeline.ciLinked' : 'timeline.ciUnlinked', { who: h.actor, ci: ciName(h.newValue || h.oldValue) }), ' · ', formatDateTime(h.at)) });
    } else if (h.field === 'status') {
      entries.push({ at: h.at, kind: 'status', node: () => el('div', {},
        t('timeline.status', { who: h.actor, from: label('status', h.oldValue), to: label('status', h.newValue) }), ' · ', formatDateTime(h.at)) });
    } else {
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t('timeline.field', { who: h.actor, field: label('field', h.field), from: h.oldValue ?? '—', to: h.newValue ?? '—' }), ' · ', formatDateTime(h.at)) });
    }
  }
  for (const a of ticket.attachments || []) {
    entries.push({ at: a.createdAt, kind: 'attachment', node: () => el('div', {},
      t('timeline.attachment', { who: a.uploadedBy }), ' ', el('a', { href: a.href, download: a.fileName }, a.fileName),
      el('small', { class: 'text-muted' }, ` (${Math.max(1, Math.round(a.size / 1024))} KB) · ${formatDateTime(a.createdAt)}`),
      a.internal ? [' ', el('span', { class: 'badge text-bg-secondary' }, t('timeline.internalAttachment'))] : null) });
  }
  entries.sort((x, y) => new Date(x.at) - new Date(y.at));
  return el('ol', { class: 'timeline', id: 'timeline' },
    entries.map((e) => el('li', { class: `tl-${e.kind}`, dataset: { kind: e.kind } }, e.node())));
}
