// The new-ticket form. A requester says what it is about (type, category, title, description, files);
// the desk also picks or records the requester, rates impact and urgency, and names a group and CIs.
// The form sends only what the reader's role may set; files go with the ticket in one request.
import { el, clear, t, label, api, ApiError, errorBox, toast, isDesk, isStaff } from '../core.js';
import { ciPicker } from './ci-picker.js';
import { contactPicker } from './contact-picker.js';

export const CATEGORIES = ['hardware', 'software', 'access', 'network', 'email', 'other'];

export async function newTicketView(main) {
  let groups = [];
  if (isDesk()) {
    try { groups = (await api('/api/groups')).items; } catch (e) { groups = []; }
  }
  let cis = [];
  let requester = null; // the desk's pick: {username, displayName, ...}; none: the agent themselves
  const field = (id, labelKey, control, help) => el('div', { class: 'mb-3' },
    el('label', { class: 'form-label', for: id }, t(labelKey)), control,
    el('div', { class: 'invalid-feedback', id: `${id}-feedback` }), help ? el('div', { class: 'form-text' }, help) : null);
  const select = (id, options, value) => el('select', { id, name: id, class: 'form-select' },
    options.map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
  const levels = ['high', 'medium', 'low'].map((l) => [l, label('level', l)]);
  const type = select('new-type', ['incident', 'service_request', 'problem'].filter((c) => isStaff() || c !== 'problem').map((c) => [c, label('type', c)]), isStaff() ? 'incident' : 'service_request');
  const category = select('new-category', [['', t('portal.categoryNone')], ...CATEGORIES.map((c) => [c, label('category', c)])], '');
  const title = el('input', { id: 'new-title', name: 'title', class: 'form-control', maxlength: 300, required: true });
  const description = el('textarea', { id: 'new-description', name: 'description', class: 'form-control', rows: 5 });
  const impact = select('new-impact', levels, 'medium');
  const urgency = select('new-urgency', levels, 'medium');
  const group = select('new-group', [['', t('ticket.noGroup')], ...groups.map((g) => [g.name, g.name])], '');
  const files = el('input', { id: 'new-files', name: 'files', type: 'file', multiple: true, class: 'form-control' });
  const error = el('div', { id: 'new-error' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary', id: 'new-submit' }, t('newTicket.submit'));

  const fieldsById = { type, title, description, impact, urgency, group, category, requester: null, file: files };
  // A field's error goes as soon as the field is changed ("A title is required." once a title is typed).
  Object.values(fieldsById).filter(Boolean).forEach((input) => input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', () => {
    input.classList.remove('is-invalid');
    const feedback = document.getElementById(`${input.id}-feedback`);
    if (feedback) feedback.textContent = '';
  }));
  const form = el('form', { id: 'new-ticket', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    clear(error);
    form.querySelectorAll('.is-invalid').forEach((n) => n.classList.remove('is-invalid'));
    if (!title.value.trim()) {
      title.classList.add('is-invalid');
      form.querySelector('#new-title-feedback').textContent = t('newTicket.titleNeeded');
      title.focus();
      return;
    }
    // Only what this reader may set: a requester's ticket leaves priority and routing to the desk.
    const body = { type: type.value, title: title.value.trim(), description: description.value || null };
    if (category.value) body.category = category.value;
    if (isDesk()) {
      body.impact = impact.value;
      body.urgency = urgency.value;
      if (group.value) body.group = group.value;
      if (requester) body.requester = requester.username;
    }
    if (isStaff() && cis.length) body.ciIds = cis.map((c) => c.id);
    submit.disabled = true;
    try {
      let request = body;
      if (files.files.length) {
        request = new FormData();
        request.append('ticket', JSON.stringify(body)); // a plain field: the ticket's JSON
        for (const f of files.files) request.append('file', f, f.name);
      }
      const ticket = await api('/api/tickets', { method: 'POST', body: request });
      toast(t('newTicket.created', { key: ticket.key }), 'success');
      window.location.hash = `#/tickets/${ticket.key}`;
    } catch (err) {
      submit.disabled = false;
      error.append(errorBox(err));
      if (err instanceof ApiError) {
        for (const fe of err.errors) {
          const input = fieldsById[fe.field];
          if (input) {
            input.classList.add('is-invalid');
            const feedback = form.querySelector(`#${input.id}-feedback`);
            if (feedback) feedback.textContent = fe.message;
          }
        }
      }
      error.scrollIntoView({ block: 'nearest' });
    }
  } },
  error,
  isDesk() ? field('new-requester', 'portal.requester', contactPicker({ id: 'new-requester', onChange: (c) => { requester = c; } }), t('portal.requesterHelp')) : null,
  el('div', { class: 'row' },
    el('div', { class: isDesk() ? 'col-md-3' : 'col-md-6' }, field('new-type', 'newTicket.type', type)),
    el('div', { class: isDesk() ? 'col-md-3' : 'col-md-6' }, field('new-category', 'portal.category', category)),
    isDesk() ? el('div', { class: 'col-md-3' }, field('new-impact', 'newTicket.impact', impact)) : null,
    isDesk() ? el('div', { class: 'col-md-3' }, field('new-urgency', 'newTicket.urgency', urgency)) : null),
  field('new-title', 'newTicket.title', title),
  isStaff() ? field('new-ci', 'newTicket.cis', ciPicker({ id: 'new-ci', onChange: (chosen) => { cis = chosen; } }), t('newTicket.cisHelp')) : null,
  field('new-description', 'newTicket.description', description),
  isDesk() ? field('new-group', 'newTicket.group', group) : null,
  field('new-files', 'portal.files', files, t('portal.filesHelp')),
  isDesk() ? null : el('p', { class: 'form-text', id: 'new-desk-decides' }, t('portal.deskDecides')),
  el('div', { class: 'd-flex gap-2' }, submit, el('a', { class: 'btn btn-outline-secondary', href: '#/tickets' }, t('action.cancel'))));

  clear(main, el('div', { class: 'row justify-content-center' }, el('div', { class: 'col-lg-8 col-xl-7' },
    el('h1', { class: 'h4 mb-3' }, t(isDesk() ? 'newTicket.heading' : 'portal.heading')),
    el('div', { class: 'card card-body' }, form))));
  title.focus();
}
