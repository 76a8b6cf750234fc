// One ticket: header with SLA countdown, the timeline of everything that happened, and the actions.
import {
  state, el, clear, t, label, systemText, api, ApiError, errorBox, formatDateTime, relative, duration, toast,
  priorityBadge, statusBadge, severityBadge, isDesk, debounce,
} from '../core.js';
import { ciPicker } from './ci-picker.js';
import { ticketFeedback } from './ticket-feedback.js';
import { effects as cannedEffectsText } from './canned.js';
import { processDiagram } from './process-diagram.js';

const LINK_KINDS = ['related_to', 'duplicate_of', 'caused_by'];

export async function ticketView(main, ctx) {
  const key = ctx.params[0].toUpperCase();
  let ticket = await api(`/api/tickets/${encodeURIComponent(key)}`);
  let fetchedAt = Date.now();
  let groups = null;
  if (isDesk()) {
    try { groups = (await api('/api/groups')).items; } catch (e) { groups = []; }
  }

  // The composer outlives re-renders, so that a live update never eats what the agent is typing.
  const body = el('textarea', { id: 'comment-body', class: 'form-control', rows: 3, 'aria-label': t('ticket.commentLabel'), placeholder: t(isDesk() ? 'ticket.commentPlaceholder' : 'ticket.replyPlaceholder') });
  const internal = el('input', { id: 'comment-internal', type: 'checkbox', class: 'form-check-input' });
  const composerError = el('div', { id: 'comment-error' });
  const canned = isDesk() ? cannedPicker(key, body, internal) : null;
  const mentions = isDesk() ? mentionSuggestions(body, internal) : null;
  const composer = el('form', { id: 'comment-form', class: 'card card-body mt-3', onsubmit: async (e) => {
    e.preventDefault();
    clear(composerError);
    if (!body.value.trim()) { composerError.append(errorBox(new Error(t('ticket.commentEmpty')))); return; }
    try {
      const chosen = canned ? canned.chosen() : null;
      await api(`/api/tickets/${key}/comments`, { method: 'POST', body: { body: body.value, internal: internal.checked, cannedResponseId: chosen ? chosen.id : undefined } });
      body.value = '';
      internal.checked = false;
      if (canned) canned.reset();
      if (mentions) mentions.reset();
      await reload();
    } catch (err) { composerError.append(errorBox(err)); }
  } },
  el('div', { class: 'd-flex justify-content-between align-items-center flex-wrap gap-2 mb-2' },
    el('h2', { class: 'h6 mb-0' }, t('ticket.addComment')), canned ? canned.element : null),
  composerError, canned ? canned.effects : null,
  el('div', { class: 'position-relative' }, body, mentions ? mentions.element : null),
  mentions ? mentions.hint : null,
  el('div', { class: 'd-flex justify-content-between align-items-center mt-2 flex-wrap gap-2' },
    isDesk() ? el('div', { class: 'form-check' }, internal, el('label', { class: 'form-check-label', for: 'comment-internal' }, t('ticket.internalNote'))) : el('span'),
    el('button', { class: 'btn btn-primary btn-sm', type: 'submit', id: 'comment-submit' }, t('ticket.send'))));
  let links = await loadLinks(key);

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
      links = await loadLinks(key);
      const fresh = await api(`/api/tickets/${key}`);
      if (shape(fresh) === shape(ticket)) return;
      ticket = fresh;
      fetchedAt = Date.now();
      render();
      process.refresh();
    } catch (e) {
      toast(e.message, 'danger');
    }
  }

  /** One PATCH; {@code onError} shows a refusal where it belongs (the action bar: beside its field). */
  async function change(fields, onError) {
    try {
      ticket = await api(`/api/tickets/${key}`, { method: 'PATCH', body: fields, headers: { 'If-Match': `"${ticket.version}"` } });
      fetchedAt = Date.now();
      toast(t('ticket.saved'), 'success', 3000);
      render();
      process.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        toast(t('ticket.stale'), 'warning');
        await reload();
      } else if (onError) {
        onError(e);
      } else {
        const box = page.querySelector('#ticket-error');
        clear(box, errorBox(e));
        box.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  function render() {
    clearInterval(timer);
    let sla = slaPanel(ticket.sla, fetchedAt);
    if (ticket.sla) timer = setInterval(() => { const fresh = slaPanel(ticket.sla, fetchedAt); sla.replaceWith(fresh); sla = fresh; }, 30000);
    clear(page,
      el('nav', { 'aria-label': t('common.breadcrumb') }, el('a', { href: '#/tickets', class: 'small' }, `← ${t('ticket.backToQueue')}`)),
      el('header', { class: 'd-flex flex-wrap align-items-center gap-2 my-2' },
        el('h1', { class: 'h4 mb-0' }, el('span', { class: 'text-muted me-2', id: 'ticket-key' }, ticket.key), el('span', { id: 'ticket-title' }, systemText(ticket.titleKey, ticket.titleArgs, ticket.title))),
        el('span', { id: 'ticket-status' }, statusBadge(ticket.status)),
        el('span', { id: 'ticket-priority' }, priorityBadge(ticket.priority)),
        el('span', { class: 'badge text-bg-light border' }, label('type', ticket.type)),
        sla),
      links.mergedInto ? el('div', { class: 'alert alert-secondary', id: 'merged-banner' },
        t('links.mergedBanner', { key: links.mergedInto }), ' ', el('a', { href: `#/tickets/${links.mergedInto}`, class: 'alert-link' }, links.mergedInto)) : null,
      el('div', { id: 'ticket-error' }),
      el('div', { class: 'row g-3' },
        el('div', { class: 'col-lg-8' },
          el('h2', { class: 'h6 text-muted' }, t('ticket.timeline')),
          timeline(ticket),
          ticket.status === 'closed' ? el('div', { class: 'alert alert-secondary mt-3' }, t('ticket.closedNote')) : [composer, attach]),
        el('div', { class: 'col-lg-4' }, details(ticket), ticketFeedback(ticket, reload), isDesk() && ticket.status !== 'closed' ? actions() : null,
          linksCard(key, ticket, links, reload), alarmsCard(ticket.alarms))),
      process.element);
  }

  /**
   * One action bar: group, assignee, status (with the resolution note) and priority, saved together with
   * one Save; the CIs keep their own button. An error the server names a field for shows beside that
   * field, and goes away as soon as the field is changed.
   */
  function actions() {
    const me = state.me.user.username;
    const feedback = (id) => el('div', { class: 'invalid-feedback', id: `${id}-feedback` });
    const groupSelect = el('select', { id: 'field-group', class: 'form-select form-select-sm', 'aria-label': t('ticket.group') },
      el('option', { value: '' }, t('ticket.noGroup')),
      (groups || []).map((g) => el('option', { value: g.name, selected: ticket.group && ticket.group.name === g.name }, g.name)));
    const assigneeSelect = el('select', { id: 'field-assignee', class: 'form-select form-select-sm', 'aria-label': t('ticket.assignee') });
    const fillAssignees = (keep) => {
      const group = (groups || []).find((g) => g.name === groupSelect.value);
      const members = group ? group.members : [...new Set((groups || []).flatMap((g) => g.members))].sort();
      const current = keep !== undefined ? keep : ticket.assignee ? ticket.assignee.username : '';
      clear(assigneeSelect, el('option', { value: '' }, t('ticket.unassigned')),
        [...new Set([...(current ? [current] : []), ...members])].map((u) => el('option', { value: u, selected: u === current }, u)));
    };
    groupSelect.addEventListener('change', () => fillAssignees(assigneeSelect.value));
    fillAssignees();

    const statusSelect = el('select', { id: 'field-status', class: 'form-select form-select-sm', 'aria-label': t('ticket.status') },
      el('option', { value: ticket.status }, label('status', ticket.status)),
      ticket.nextStatuses.map((s) => el('option', { value: s }, label('status', s))));
    const resolution = el('textarea', { id: 'field-resolution', class: 'form-control form-control-sm mt-2', rows: 2, placeholder: t('ticket.resolutionPlaceholder'), 'aria-label': t('ticket.resolution') });
    const resolutionBox = el('div', { hidden: true }, resolution, feedback('field-resolution'));
    statusSelect.addEventListener('change', () => { resolutionBox.hidden = statusSelect.value !== 'resolved'; });

    const prioritySelect = el('select', { id: 'field-priority', class: 'form-select form-select-sm', 'aria-label': t('ticket.priority') },
      ['P1', 'P2', 'P3', 'P4'].map((p) => el('option', { value: p, selected: p === ticket.priority }, p)));
    let cis = ticket.cis.map((c) => ({ id: c.id, name: c.name || `#${c.id}` }));
    const picker = ciPicker({ selected: cis, onChange: (chosen) => { cis = chosen; }, id: 'ticket-ci-picker', compact: true });

    const inputs = { group: groupSelect, assignee: assigneeSelect, status: statusSelect, resolution, priority: prioritySelect };
    const barError = el('div', { id: 'action-error' });
    const clearField = (input) => {
      input.classList.remove('is-invalid');
      const fb = page.querySelector(`#${input.id}-feedback`);
      if (fb) fb.textContent = '';
    };
    Object.values(inputs).forEach((input) => {
      input.addEventListener(input.tagName === 'TEXTAREA' ? 'input' : 'change', () => { clearField(input); if (!page.querySelector('.action-bar .is-invalid')) clear(barError); });
    });
    const markField = (field, message) => {
      const input = inputs[field];
      if (!input) return false;
      if (input === resolution) resolutionBox.hidden = false;
      input.classList.add('is-invalid');
      const fb = page.querySelector(`#${input.id}-feedback`);
      if (fb) fb.textContent = message;
      return true;
    };

    const save = async () => {
      Object.values(inputs).forEach(clearField);
      clear(barError);
      const fields = {};
      const currentGroup = ticket.group ? ticket.group.name : '';
      const currentAssignee = ticket.assignee ? ticket.assignee.username : '';
      if (groupSelect.value !== currentGroup) fields.group = groupSelect.value || null;
      if (assigneeSelect.value !== currentAssignee) fields.assignee = assigneeSelect.value || null;
      if (statusSelect.value !== ticket.status) fields.status = statusSelect.value;
      if (prioritySelect.value !== ticket.priority) fields.priority = prioritySelect.value;
      if (fields.status === 'resolved') {
        if (!resolution.value.trim()) { markField('resolution', t('ticket.resolutionNeeded')); resolution.focus(); return; }
        fields.resolution = resolution.value.trim();
      }
      if (!Object.keys(fields).length) { clear(barError, el('div', { class: 'small text-muted mt-2' }, t('ticket.bar.unchanged'))); return; }
      await change(fields, (err) => {
        const named = (err.errors || []).filter((fe) => markField(fe.field, fe.message));
        clear(barError, named.length ? el('div', { class: 'small text-danger mt-2', role: 'alert' }, t('ticket.bar.fixFields')) : errorBox(err));
        const first = page.querySelector('.action-bar .is-invalid');
        (first || barError).scrollIntoView({ block: 'nearest' });
        if (first) first.focus();
      });
    };

    const row = (id, labelKey, control, extra) => el('div', { class: 'mb-2' },
      el('label', { class: 'form-label small mb-1', for: id }, t(labelKey)), control, extra);
    return el('section', { class: 'card mt-3 action-bar', 'aria-labelledby': 'actions-title' },
      el('div', { class: 'card-body' },
        el('h2', { class: 'h6', id: 'actions-title' }, t('ticket.actions')),
        el('div', { class: 'd-grid mb-3' },
          el('button', { class: 'btn btn-outline-primary btn-sm', type: 'button', id: 'assign-me', disabled: ticket.assignee && ticket.assignee.username === me,
            onclick: () => change({ assignee: me }) }, t('ticket.assignToMe'))),
        el('form', { id: 'action-bar', onsubmit: (e) => { e.preventDefault(); save(); } },
          row('field-group', 'ticket.group', groupSelect, feedback('field-group')),
          row('field-assignee', 'ticket.assignee', assigneeSelect, feedback('field-assignee')),
          row('field-status', 'ticket.status', statusSelect, [feedback('field-status'), resolutionBox]),
          row('field-priority', 'ticket.priority', prioritySelect, feedback('field-priority')),
          el('button', { class: 'btn btn-sm btn-primary w-100', type: 'submit', id: 'apply-actions' }, t('ticket.bar.save')),
          barError),
        el('hr'),
        el('label', { class: 'form-label small mb-1', for: 'ticket-ci-picker' }, t('ticket.cis')), picker,
        el('button', { class: 'btn btn-sm btn-secondary mt-2', type: 'button', id: 'apply-cis', onclick: () => change({ ciIds: cis.map((c) => c.id) }) }, t('ticket.applyCis'))));
  }

  render();
  // "r" (here, or on a queue's row: ?reply=1) goes to the reply box.
  const reply = () => { const box = page.querySelector('#comment-body'); if (box) { box.focus(); box.scrollIntoView({ block: 'center' }); } };
  if (ctx.query && ctx.query.get('reply')) reply();
  const onKey = (e) => {
    if (e.key !== 'r' || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    e.preventDefault();
    reply();
  };
  document.addEventListener('keydown', onKey);
  const refresh = debounce(reload, 300);
  return {
    onLive(topic, data) { if (topic === 'ticket' && data.key === key) refresh(); },
    dispose() { clearInterval(timer); document.removeEventListener('keydown', onKey); process.dispose(); },
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
      ticket.category ? row(t('portal.category'), label('category', ticket.category), 'ticket-category') : null,
      row(t('ticket.impactUrgency'), `${label('level', ticket.impact)} / ${label('level', ticket.urgency)}`),
      row(t('ticket.cis'), ticket.cis.length ? ticket.cis.map((c, i) => [i ? ', ' : '', el('a', { href: `#/cmdb/${c.id}` }, c.name || `#${c.id}`)]) : '—', 'ticket-cis'),
      row(t('ticket.created'), formatDateTime(ticket.createdAt)),
      row(t('ticket.updated'), formatDateTime(ticket.updatedAt)),
      ticket.resolution ? row(t('ticket.resolution'), systemText(ticket.resolutionKey, ticket.resolutionArgs, ticket.resolution), 'ticket-resolution') : null)));
}

// ---------------------------------------------------------------- reply box: canned responses and @mentions

/**
 * The canned responses offered on this ticket, filled in by the server for it: picking one puts its
 * text (in the requester's language) into the reply box; its field changes go with the reply when it
 * is sent. Answers {element, effects, chosen(), reset()}.
 */
function cannedPicker(key, body, internal) {
  let items = [];
  let chosen = null;
  const effects = el('div', { id: 'canned-effects', class: 'alert alert-info py-1 px-2 small mb-2', hidden: true });
  const select = el('select', { id: 'canned-picker', class: 'form-select form-select-sm w-auto', 'aria-label': t('canned.pick'), disabled: true,
    onchange: () => {
      chosen = items.find((r) => String(r.id) === select.value) || null;
      if (chosen) {
        body.value = chosen.text;
        internal.checked = false;
        body.focus();
      }
      const text = chosen ? cannedEffectsText(chosen) : '';
      effects.hidden = !text;
      effects.textContent = text ? t('canned.willSet', { effects: text }) : '';
    } },
  el('option', { value: '' }, t('canned.pick')));
  api(`/api/tickets/${key}/canned-responses`).then((answer) => {
    items = answer.items || [];
    select.append(...items.map((r) => el('option', { value: r.id }, r.name)));
    select.disabled = items.length === 0;
  }).catch(() => { /* no canned responses for this ticket: the picker stays off */ });
  // The reply box emptied by hand: what the response would have set no longer goes with it.
  body.addEventListener('input', () => { if (chosen && !body.value.trim()) reset(); });
  function reset() {
    chosen = null;
    select.value = '';
    effects.hidden = true;
  }
  return { element: select, effects, chosen: () => chosen, reset };
}

/**
 * Suggests agents while "@name" is typed in the reply box (arrow keys, Enter or Tab to pick). A mention
 * notifies only in an internal note, which the hint says while the box is not one.
 */
function mentionSuggestions(body, internal) {
  let agents = null;
  let shown = [];
  let active = 0;
  const list = el('div', { id: 'mention-suggestions', class: 'list-group shadow mention-suggestions', role: 'listbox', hidden: true });
  const hint = el('div', { id: 'mention-hint', class: 'form-text text-warning', hidden: true }, t('mention.onlyInNotes'));

  async function loadAgents() {
    const pages = await Promise.all(['agent', 'admin'].map((role) => api(`/api/users?role=${role}&size=500`).catch(() => ({ items: [] }))));
    const byName = new Map();
    pages.flatMap((p) => p.items || []).filter((u) => u.active !== false).forEach((u) => byName.set(u.username, u));
    return [...byName.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  function mentionAt() {
    const upto = body.value.slice(0, body.selectionStart);
    const m = upto.match(/(^|[^\p{L}\p{N}._@-])@([A-Za-z0-9._-]*)$/u);
    return m ? { start: upto.length - m[2].length - 1, prefix: m[2].toLowerCase() } : null;
  }

  function hide() {
    list.hidden = true;
    shown = [];
  }

  function render() {
    clear(list, shown.map((u, i) => el('button', { type: 'button', role: 'option', 'aria-selected': String(i === active),
      class: `list-group-item list-group-item-action py-1 small${i === active ? ' active' : ''}`, dataset: { username: u.username },
      onmousedown: (e) => { e.preventDefault(); pick(u.username); } },
    el('strong', {}, `@${u.username}`), u.displayName ? ` ${u.displayName}` : '')));
    list.hidden = shown.length === 0;
  }

  async function suggest() {
    hint.hidden = internal.checked || !/(^|\s)@[A-Za-z0-9]/.test(body.value);
    const at = mentionAt();
    if (!at) { hide(); return; }
    if (!agents) agents = await loadAgents();
    shown = agents.filter((u) => u.username.toLowerCase().startsWith(at.prefix)
      || (u.displayName || '').toLowerCase().includes(at.prefix)).slice(0, 6);
    active = 0;
    render();
  }

  function pick(username) {
    const at = mentionAt();
    if (!at) return;
    const before = body.value.slice(0, at.start);
    const after = body.value.slice(body.selectionStart);
    body.value = `${before}@${username} ${after}`;
    const caret = before.length + username.length + 2;
    body.setSelectionRange(caret, caret);
    hide();
    body.focus();
    hint.hidden = internal.checked;
  }

  body.addEventListener('input', suggest);
  body.addEventListener('blur', () => setTimeout(hide, 150));
  internal.addEventListener('change', () => { hint.hidden = internal.checked || !/(^|\s)@[A-Za-z0-9]/.test(body.value); });
  body.addEventListener('keydown', (e) => {
    if (list.hidden || !shown.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      render();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(shown[active].username);
    } else if (e.key === 'Escape') {
      hide();
    }
  });
  return { element: list, hint, reset() { hide(); hint.hidden = true; } };
}

// ---------------------------------------------------------------- links and merge

async function loadLinks(key) {
  try {
    return await api(`/api/tickets/${key}/links`);
  } catch (e) {
    return { items: [], mergedInto: null };
  }
}

/** The tickets this one is linked to (both ways), and for the desk: link another, or merge this one into a survivor. */
function linksCard(key, ticket, links, reload) {
  const desk = isDesk() && ticket.status !== 'closed';
  const error = el('div', { id: 'links-error' });
  const fail = (e) => clear(error, errorBox(e));
  const items = links.items || [];
  const list = items.length ? el('ul', { class: 'list-unstyled mb-2 small', id: 'links-list' }, items.map((l) => el('li', {
    class: 'd-flex align-items-center gap-1 mb-1 ticket-link', dataset: { kind: l.kind, key: l.ticket.key } },
  el('span', { class: 'text-muted' }, label('linkKind', l.kind)),
  el('a', { href: `#/tickets/${l.ticket.key}` }, l.ticket.key), statusBadge(l.ticket.status),
  el('span', { class: 'text-truncate' }, l.ticket.title),
  desk ? el('button', { type: 'button', class: 'btn btn-link btn-sm text-danger p-0 ms-auto link-remove', 'aria-label': t('links.remove', { key: l.ticket.key }),
    onclick: async () => {
      try { await api(`/api/tickets/${key}/links/${l.id}`, { method: 'DELETE' }); await reload(); } catch (e) { fail(e); }
    } }, '×') : null)))
    : el('p', { class: 'small text-muted mb-2', id: 'links-none' }, t('links.none'));
  let forms = null;
  if (desk) {
    const kind = el('select', { id: 'link-kind', class: 'form-select form-select-sm', 'aria-label': t('links.kind') },
      LINK_KINDS.map((k) => el('option', { value: k }, label('linkKind', k))));
    const other = el('input', { id: 'link-ticket', class: 'form-control form-control-sm', placeholder: 'INC-12', 'aria-label': t('links.ticket') });
    const into = el('input', { id: 'merge-into', class: 'form-control form-control-sm', placeholder: 'INC-12', 'aria-label': t('links.mergeInto') });
    forms = [
      el('form', { id: 'link-form', class: 'input-group input-group-sm mb-2', onsubmit: async (e) => {
        e.preventDefault();
        clear(error);
        if (!other.value.trim()) { fail(new Error(t('links.ticketNeeded'))); other.focus(); return; }
        try {
          await api(`/api/tickets/${key}/links`, { method: 'POST', body: { kind: kind.value, ticket: other.value.trim() } });
          other.value = '';
          await reload();
        } catch (err) { fail(err); }
      } }, kind, other, el('button', { type: 'submit', class: 'btn btn-outline-primary', id: 'link-add' }, t('links.add'))),
      el('form', { id: 'merge-form', class: 'input-group input-group-sm', onsubmit: async (e) => {
        e.preventDefault();
        clear(error);
        const survivor = into.value.trim().toUpperCase();
        if (!survivor) { fail(new Error(t('links.ticketNeeded'))); into.focus(); return; }
        if (!window.confirm(t('links.confirmMerge', { key, into: survivor }))) return;
        try {
          await api(`/api/tickets/${key}/merge`, { method: 'POST', body: { into: survivor } });
          toast(t('links.merged', { key, into: survivor }), 'success');
          window.location.hash = `#/tickets/${survivor}`;
        } catch (err) { fail(err); }
      } }, el('span', { class: 'input-group-text' }, t('links.mergeInto')), into,
      el('button', { type: 'submit', class: 'btn btn-outline-danger', id: 'merge-submit' }, t('links.merge'))),
    ];
  }
  return el('section', { class: 'card mt-3', id: 'ticket-links', 'aria-labelledby': 'links-title' }, el('div', { class: 'card-body' },
    el('h2', { class: 'h6', id: 'links-title' }, t('links.title')), error, list, forms));
}

/**
 * The SLA badge: which clock counts (response until the first response, then resolution) and the working
 * time left or overdue; a resolved ticket shows its verdict (met or breached), a paused one says so.
 */
function slaPanel(sla, fetchedAt) {
  if (!sla) return el('span');
  const badge = (cls, text, state, title) => el('span', { class: `badge ${cls}`, id: 'ticket-sla', dataset: { sla: state }, title: title || '' }, text);
  if (sla.resolved) {
    if (sla.resolutionMet === false) return badge('text-bg-danger', t('sla.resolutionBreached'), 'breached');
    if (sla.responseMet === false) return badge('text-bg-warning', t('sla.responseBreached'), 'response-breached');
    return badge('text-bg-success', t('sla.resolutionMet'), 'met');
  }
  const target = t(`sla.counting.${sla.counting}`);
  if (sla.paused) return badge('text-bg-secondary', `${t('sla.paused')} (${target})`, 'paused');
  // The server counts working time; between reloads the badge counts on from when the answer came.
  const left = sla.dueSeconds - (Date.now() - (fetchedAt || Date.now())) / 1000;
  const title = formatDateTime(sla.due);
  const remaining = t('sla.badge', { target, time: t('sla.remaining', { time: duration(left) }) });
  if (left < 0) {
    return badge('text-bg-danger', `${t(sla.counting === 'response' ? 'sla.responseBreached' : 'sla.resolutionBreached')} · ${duration(left)}`, 'breached', title);
  }
  // Answered late, the resolution still in time: the breach stays said, beside what is left.
  if (sla.breached) return badge('text-bg-danger', `${t('sla.responseBreached')} · ${remaining}`, 'breached', title);
  return badge(sla.atRisk ? 'text-bg-warning' : 'text-bg-success', remaining,
    sla.atRisk ? 'at-risk' : 'on-track', title);
}

function alarmsCard(alarms) {
  if (!alarms || !alarms.length) return null;
  return el('section', { class: 'card mt-3' }, el('div', { class: 'card-body' },
    el('h2', { class: 'h6' }, t('ticket.alarms')),
    el('ul', { class: 'list-unstyled mb-0' }, alarms.map((a) => el('li', { class: 'mb-1' },
      severityBadge(a.severity), ' ', a.name, ' ', el('small', { class: 'text-muted' }, label('alarmStatus', a.status)))))));
}

const LEVEL_FIELDS = new Set(['impact', 'urgency']);
/** Who did it: Beacon itself by name in the reader's language, a person by user name. */
const who = (name) => (name === 'system' ? t('sys.actor.system') : name);

/** Comments, notes, mails, changes and attachments as one time line, oldest first. */
function timeline(ticket) {
  const entries = [];
  entries.push({ at: ticket.createdAt, kind: 'opened', node: () => [
    el('div', { class: 'small text-muted' }, t('timeline.opened', { who: who(ticket.createdBy) || '—' }), ' · ', formatDateTime(ticket.createdAt)),
    ticket.description ? el('div', { class: 'tl-body', id: 'ticket-description' }, systemText(ticket.descriptionKey, ticket.descriptionArgs, ticket.description)) : null] });
  for (const c of ticket.comments || []) {
    const kind = c.internal ? 'note' : (c.channel === 'mail' || c.channel === 'email') ? 'mail' : 'comment';
    entries.push({ at: c.createdAt, kind, node: () => [
      el('div', { class: 'small text-muted' },
        el('strong', { class: 'text-body' }, who(c.author)), ' · ', t(`timeline.${kind}`), ' · ', el('time', { datetime: c.createdAt, title: relative(c.createdAt) }, formatDateTime(c.createdAt)),
        // A mail whose sender the receiving server could not verify: the desk should not take its From at its word.
        c.unverified ? [' ', el('span', { class: 'badge text-bg-warning tl-unverified', title: t('timeline.unverifiedTitle', { how: c.unverifiedBy || '' }) }, t('timeline.unverified'))] : null),
      el('div', { class: 'tl-body' }, systemText(c.messageKey, c.messageArgs, c.body))] });
  }
  // Comments, notes and attachments have entries of their own; the opening is the first entry.
  const shownElsewhere = new Set(['created', 'comment', 'note', 'attachment', 'internalAttachment', 'priorityOverridden']);
  const ciName = (id) => { const ci = ticket.cis.find((c) => String(c.id) === String(id)); return ci && ci.name ? ci.name : `#${id}`; };
  for (const h of ticket.history || []) {
    if (shownElsewhere.has(h.field)) continue;
    if (h.field === 'ci') {
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t(h.newValue ? 'timeline.ciLinked' : 'timeline.ciUnlinked', { who: who(h.actor), ci: ciName(h.newValue || h.oldValue) }), ' · ', formatDateTime(h.at)) });
    } else if (h.field === 'link') {
      const [kind, other] = (h.newValue || h.oldValue || '').split(' ');
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t(h.newValue ? 'timeline.linked' : 'timeline.unlinked', { who: who(h.actor), kind: label('linkKind', kind) }), ' ',
        el('a', { href: `#/tickets/${other}` }, other), ' · ', formatDateTime(h.at)) });
    } else if (h.field === 'mergedInto' || h.field === 'mergedFrom') {
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t(h.field === 'mergedInto' ? 'timeline.mergedInto' : 'timeline.mergedFrom', { who: who(h.actor) }), ' ',
        el('a', { href: `#/tickets/${h.newValue}` }, h.newValue), ' · ', formatDateTime(h.at)) });
    } else if (h.field === 'status') {
      entries.push({ at: h.at, kind: 'status', node: () => el('div', {},
        t('timeline.status', { who: who(h.actor), from: label('status', h.oldValue), to: label('status', h.newValue) }), ' · ', formatDateTime(h.at)) });
    } else if (h.field === 'sla_target') {
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t('sys.history.slaTarget', { who: who(h.actor), from: label('priority', h.oldValue), to: label('priority', h.newValue) }), ' · ', formatDateTime(h.at)) });
    } else if (h.field === 'sla') {
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t('sys.history.slaEvent', { event: label('sys.slaEvent', h.newValue) }), ' · ', formatDateTime(h.at)) });
    } else {
      // Codes in words (impact, urgency, priority); names and texts as they are.
      const value = (v) => (v == null ? '—' : LEVEL_FIELDS.has(h.field) ? label('level', v) : h.field === 'priority' ? label('priority', v) : v);
      entries.push({ at: h.at, kind: 'field', node: () => el('div', {},
        t('timeline.field', { who: who(h.actor), field: label('field', h.field), from: value(h.oldValue), to: value(h.newValue) }), ' · ', formatDateTime(h.at)) });
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
