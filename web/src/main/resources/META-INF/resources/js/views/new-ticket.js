// The new-ticket form, with a CI picker for the desk.
import { el, clear, t, label, api, ApiError, errorBox, toast, isDesk, isStaff } from '../core.js';
import { ciPicker } from './ci-picker.js';

export async function newTicketView(main) {
  let groups = [];
  if (isDesk()) {
    try { groups = (await api('/api/groups')).items; } catch (e) { groups = []; }
  }
  let cis = [];
  const field = (id, labelKey, control, help) => el('div', { class: 'mb-3' },
    el('label', { class: 'form-label', for: id }, t(labelKey)), control,
    el('div', { class: 'invalid-feedback', id: `${id}-feedback` }), help ? el('div', { class: 'form-text' }, help) : null);
  const select = (id, options, value) => el('select', { id, name: id, class: 'form-select' },
    options.map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
  const levels = ['high', 'medium', 'low'].map((l) => [l, label('level', l)]);
  const type = select('new-type', ['incident', 'service_request', 'problem'].filter((c) => isStaff() || c !== 'problem').map((c) => [c, label('type', c)]), isStaff() ? 'incident' : 'service_request');
  const title = el('input', { id: 'new-title', name: 'title', class: 'form-control', maxlength: 300, required: true });
  const description = el('textarea', { id: 'new-description', name: 'description', class: 'form-control', rows: 5 });
  const impact = select('new-impact', levels, 'medium');
  const urgency = select('new-urgency', levels, 'medium');
  const group = select('new-group', [['', t('ticket.noGroup')], ...groups.map((g) => [g.name, g.name])], '');
  const error = el('div', { id: 'new-error' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary', id: 'new-submit' }, t('newTicket.submit'));

  const fieldsById = { type, title, description, impact, urgency, group };
  // A field's error goes as soon as the field is changed ("A title is required." once a title is typed).
  Object.values(fieldsById).forEach((input) => input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', () => {
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
    const body = { type: type.value, title: title.value.trim(), description: description.value || null, impact: impact.value, urgency: urgency.value, ciIds: cis.map((c) => c.id) };
    if (isDesk() && group.value) body.group = group.value;
    submit.disabled = true;
    try {
      const ticket = await api('/api/tickets', { method: 'POST', body });
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
    }
  } },
  error,
  el('div', { class: 'row' },
    el('div', { class: 'col-md-4' }, field('new-type', 'newTicket.type', type)),
    el('div', { class: 'col-md-4' }, field('new-impact', 'newTicket.impact', impact)),
    el('div', { class: 'col-md-4' }, field('new-urgency', 'newTicket.urgency', urgency))),
  field('new-title', 'newTicket.title', title),
  field('new-description', 'newTicket.description', description),
  isDesk() ? field('new-group', 'newTicket.group', group) : null,
  isStaff() ? field('new-ci', 'newTicket.cis', ciPicker({ id: 'new-ci', onChange: (chosen) => { cis = chosen; } }), t('newTicket.cisHelp')) : null,
  el('div', { class: 'd-flex gap-2' }, submit, el('a', { class: 'btn btn-outline-secondary', href: '#/tickets' }, t('action.cancel'))));

  clear(main, el('div', { class: 'row justify-content-center' }, el('div', { class: 'col-lg-8 col-xl-6' },
    el('h1', { class: 'h4 mb-3' }, t('newTicket.heading')),
    el('div', { class: 'card card-body' }, form))));
  title.focus();
}
