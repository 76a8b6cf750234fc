// Organisations: the list (with a form to add one), and an organisation's page with its people and tickets.
import {
  el, clear, t, api, query, errorBox, emptyState, spinner, formatDateTime, relative, statusBadge, priorityBadge,
  toast, debounce,
} from '../core.js';

export async function organisationsView(main) {
  const list = el('div', { id: 'org-list' }, spinner());
  const search = el('input', { id: 'org-search', type: 'search', class: 'form-control form-control-sm', placeholder: t('org.search'), 'aria-label': t('org.search'),
    oninput: debounce(() => load(), 250) });
  const name = el('input', { id: 'org-new-name', class: 'form-control form-control-sm', maxlength: 200, placeholder: t('org.name'), 'aria-label': t('org.name') });
  const error = el('div', { id: 'org-new-error' });
  const create = el('form', { id: 'org-new', class: 'd-flex gap-2 align-items-start', onsubmit: async (e) => {
    e.preventDefault();
    clear(error);
    if (!name.value.trim()) { error.append(errorBox(new Error(t('org.nameNeeded')))); return; }
    try {
      const org = await api('/api/organisations', { method: 'POST', body: { name: name.value.trim() } });
      toast(t('org.created', { name: org.name }), 'success');
      window.location.hash = `#/organisations/${org.id}`;
    } catch (err) { error.append(errorBox(err)); }
  } }, name, el('button', { type: 'submit', class: 'btn btn-sm btn-success text-nowrap', id: 'org-new-submit' }, t('org.add')));

  clear(main, el('div', { class: 'row justify-content-center' }, el('div', { class: 'col-xl-9' },
    el('h1', { class: 'h4 mb-3' }, t('org.heading')),
    el('div', { class: 'row g-2 mb-2' }, el('div', { class: 'col-md-5' }, search), el('div', { class: 'col-md-7' }, create, error)),
    list)));

  async function load() {
    try {
      const page = await api(`/api/organisations${query({ q: search.value.trim() })}`);
      clear(list, page.items.length ? el('div', { class: 'list-group' }, page.items.map((o) => el('a', {
        class: 'list-group-item list-group-item-action d-flex justify-content-between', href: `#/organisations/${o.id}`, dataset: { orgId: o.id },
      }, el('span', {}, o.name), el('span', { class: 'text-muted small' }, t('org.people', { n: o.people })))))
        : emptyState(t('org.none')));
    } catch (e) { clear(list, errorBox(e)); }
  }
  await load();
}

export async function organisationView(main, ctx) {
  const id = ctx.params[0];
  let org = await api(`/api/organisations/${id}`);
  const tickets = el('div', { id: 'org-tickets' }, spinner());
  const people = el('div', { id: 'org-people' });

  function renderPeople() {
    clear(people, org.people.length ? el('table', { class: 'table table-sm mb-0' },
      el('thead', {}, el('tr', {}, ['contact.name', 'contact.email', 'contact.phone'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, org.people.map((p) => el('tr', { dataset: { username: p.username } },
        el('td', {}, p.displayName), el('td', {}, p.email || '—'), el('td', {}, p.phone || '—')))))
      : emptyState(t('org.noPeople')));
  }

  const error = el('div', { id: 'org-person-error' });
  const input = (name, key, attrs = {}) => el('input', { id: `org-person-${name}`, class: 'form-control form-control-sm', placeholder: t(key), 'aria-label': t(key), ...attrs });
  const personName = input('name', 'contact.name', { maxlength: 200 });
  const personEmail = input('email', 'contact.email', { type: 'email', maxlength: 320 });
  const personPhone = input('phone', 'contact.phone', { type: 'tel', maxlength: 40 });
  const addPerson = el('form', { id: 'org-person', class: 'row g-2 mt-2', onsubmit: async (e) => {
    e.preventDefault();
    clear(error);
    if (!personName.value.trim() || !personEmail.value.trim()) { error.append(errorBox(new Error(t('contact.nameEmailNeeded')))); return; }
    try {
      const body = { displayName: personName.value.trim(), email: personEmail.value.trim(), organisation: String(org.id) };
      if (personPhone.value.trim()) body.phone = personPhone.value.trim();
      await api('/api/contacts', { method: 'POST', body });
      personName.value = ''; personEmail.value = ''; personPhone.value = '';
      org = await api(`/api/organisations/${id}`);
      renderPeople();
    } catch (err) { error.append(errorBox(err)); }
  } },
  el('div', { class: 'col-md-4' }, personName), el('div', { class: 'col-md-4' }, personEmail), el('div', { class: 'col-md-2' }, personPhone),
  el('div', { class: 'col-md-2 d-grid' }, el('button', { type: 'submit', class: 'btn btn-sm btn-outline-primary', id: 'org-person-submit' }, t('org.addPerson'))));

  async function loadTickets() {
    try {
      const page = await api(`/api/tickets${query({ organisation: org.id, sort: '-updatedAt', size: 25 })}`);
      clear(tickets, page.items.length ? el('div', { class: 'table-responsive' }, el('table', { class: 'table table-sm table-hover mb-0 table-tickets' },
        el('thead', {}, el('tr', {}, ['key', 'priority', 'title', 'status', 'requester', 'updated'].map((c) =>
          el('th', { scope: 'col' }, c === 'requester' ? t('ticket.requester') : t(`column.${c}`))))),
        el('tbody', {}, page.items.map((tk) => el('tr', { dataset: { key: tk.key }, onclick: (e) => { if (e.target.tagName !== 'A') window.location.hash = `#/tickets/${tk.key}`; } },
          el('td', {}, el('a', { href: `#/tickets/${tk.key}`, class: 'fw-semibold' }, tk.key)),
          el('td', {}, priorityBadge(tk.priority)),
          el('td', { class: 'title-cell' }, tk.title),
          el('td', {}, statusBadge(tk.status)),
          el('td', {}, tk.requester ? (tk.requester.displayName || tk.requester.username) : '—'),
          el('td', { title: formatDateTime(tk.updatedAt) }, relative(tk.updatedAt)))))),
        page.total > page.items.length ? el('a', { class: 'small', href: `#/tickets${query({ queue: 'all', organisation: org.id })}` }, t('org.allTickets', { n: page.total })) : null)
        : emptyState(t('org.noTickets')));
    } catch (e) { clear(tickets, errorBox(e)); }
  }

  renderPeople();
  clear(main, el('div', { id: 'org-page' },
    el('nav', { 'aria-label': t('common.breadcrumb') }, el('a', { href: '#/organisations', class: 'small' }, `← ${t('org.heading')}`)),
    el('h1', { class: 'h4 my-2', id: 'org-name' }, org.name),
    el('div', { class: 'row g-3' },
      el('div', { class: 'col-lg-5' }, el('section', { class: 'card' }, el('div', { class: 'card-body' },
        el('h2', { class: 'h6' }, t('org.peopleHeading')), people, addPerson, error))),
      el('div', { class: 'col-lg-7' }, el('section', { class: 'card' }, el('div', { class: 'card-body' },
        el('h2', { class: 'h6' }, t('org.ticketsHeading')), tickets))))));
  await loadTickets();
  const refresh = debounce(loadTickets, 400);
  return { onLive(topic) { if (topic === 'ticket') refresh(); } };
}
