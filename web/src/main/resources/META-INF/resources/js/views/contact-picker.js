// The requester of a ticket the desk files for someone: search the contacts, or record a new one on the spot.
import { el, clear, t, api, query, debounce, errorBox, ApiError } from '../core.js';

/** A person in words: name, e-mail, organisation. */
export function contactLine(c) {
  return [el('span', { class: 'fw-semibold' }, c.displayName || c.username), ' ',
    el('small', { class: 'text-muted' }, [c.email, c.phone, c.organisation ? c.organisation.name : null].filter(Boolean).join(' · '))];
}

/**
 * options: {id, onChange(contact | null)}; the contact is {id, username, displayName, email, phone, organisation}.
 */
export function contactPicker({ id = 'contact-picker', onChange = () => {} }) {
  let chosen = null;
  let organisations = null;
  const chip = el('div', { class: 'mb-1', id: `${id}-chosen`, hidden: true });
  const results = el('div', { class: 'list-group picker-results position-absolute w-100 shadow-sm', style: 'z-index: 20', id: `${id}-results`, role: 'listbox' });
  const input = el('input', {
    type: 'search', id, class: 'form-control', autocomplete: 'off', placeholder: t('contact.searchPlaceholder'),
    'aria-controls': `${id}-results`, oninput: debounce(() => search(), 250),
    onkeydown: (e) => {
      if (e.key === 'ArrowDown') { const first = results.querySelector('button'); if (first) { e.preventDefault(); first.focus(); } }
      if (e.key === 'Escape') clear(results);
      if (e.key === 'Enter') { e.preventDefault(); const first = results.querySelector('button'); if (first) first.click(); }
    },
  });
  const createBox = el('div', { class: 'card card-body mt-2', id: `${id}-new`, hidden: true });
  const toggle = el('button', { type: 'button', class: 'btn btn-link btn-sm px-0', id: `${id}-new-toggle`, onclick: () => openCreate() }, t('contact.new'));

  function pick(contact) {
    chosen = contact;
    input.value = '';
    clear(results);
    createBox.hidden = true;
    clear(chip, contact ? el('span', { class: 'chip', dataset: { username: contact.username } }, contactLine(contact),
      el('button', { type: 'button', 'aria-label': t('contact.remove'), onclick: () => pick(null) }, '×')) : null);
    chip.hidden = !contact;
    input.hidden = !!contact;
    toggle.hidden = !!contact;
    onChange(contact);
  }

  async function search() {
    const text = input.value.trim();
    if (!text) { clear(results); return; }
    try {
      const page = await api(`/api/contacts${query({ q: text, size: 8 })}`);
      clear(results, page.items.length ? page.items.map((c) => el('button', {
        type: 'button', role: 'option', class: 'list-group-item list-group-item-action py-1', dataset: { username: c.username },
        onkeydown: (e) => {
          if (e.key === 'ArrowDown' && e.target.nextElementSibling) { e.preventDefault(); e.target.nextElementSibling.focus(); }
          if (e.key === 'ArrowUp') { e.preventDefault(); (e.target.previousElementSibling || input).focus(); }
          if (e.key === 'Escape') { clear(results); input.focus(); }
        },
        onclick: () => pick(c),
      }, contactLine(c))) : el('div', { class: 'list-group-item text-muted small' }, t('contact.noMatch')));
    } catch (e) {
      clear(results, el('div', { class: 'list-group-item text-danger small' }, e.message));
    }
  }

  async function openCreate() {
    if (organisations === null) {
      try { organisations = (await api('/api/organisations')).items; } catch (e) { organisations = []; }
    }
    const f = (name, key, attrs = {}) => el('div', { class: 'col-md-6' },
      el('label', { class: 'form-label small mb-1', for: `${id}-${name}` }, t(key)),
      el('input', { id: `${id}-${name}`, class: 'form-control form-control-sm', ...attrs }));
    const error = el('div', { id: `${id}-new-error` });
    const org = el('select', { id: `${id}-organisation`, class: 'form-select form-select-sm' },
      el('option', { value: '' }, t('org.none')), organisations.map((o) => el('option', { value: String(o.id) }, o.name)));
    clear(createBox, el('h3', { class: 'h6' }, t('contact.newHeading')), error,
      el('div', { class: 'row g-2' },
        f('name', 'contact.name', { maxlength: 200 }),
        f('email', 'contact.email', { type: 'email', maxlength: 320 }),
        f('phone', 'contact.phone', { type: 'tel', maxlength: 40 }),
        el('div', { class: 'col-md-6' }, el('label', { class: 'form-label small mb-1', for: `${id}-organisation` }, t('org.label')), org)),
      el('div', { class: 'd-flex gap-2 mt-2' },
        el('button', { type: 'button', class: 'btn btn-sm btn-primary', id: `${id}-new-save`, onclick: async () => {
          clear(error);
          const value = (n) => createBox.querySelector(`#${id}-${n}`).value.trim();
          if (!value('name') || !value('email')) { error.append(errorBox(new Error(t('contact.nameEmailNeeded')))); return; }
          try {
            const body = { displayName: value('name'), email: value('email') };
            if (value('phone')) body.phone = value('phone');
            if (org.value) body.organisation = org.value;
            pick(await api('/api/contacts', { method: 'POST', body }));
          } catch (err) {
            error.append(errorBox(err instanceof ApiError ? err : new Error(String(err))));
          }
        } }, t('contact.save')),
        el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', onclick: () => { createBox.hidden = true; } }, t('action.cancel'))));
    createBox.hidden = false;
    createBox.querySelector(`#${id}-name`).focus();
  }

  return el('div', { class: 'position-relative' }, chip, input, results, toggle, createBox);
}
