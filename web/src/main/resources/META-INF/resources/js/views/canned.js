// Canned responses, kept by administrators: named replies in Korean and English with placeholders,
// for every group or one, that may also set the ticket's status or group when an agent sends them.
import { el, clear, t, label, api, errorBox, toast, emptyState, hasRole, formatDateTime } from '../core.js';

const STATUSES = ['new', 'assigned', 'in_progress', 'pending'];

export async function cannedView(main) {
  if (!hasRole('admin')) {
    clear(main, emptyState(t('canned.adminOnly')));
    return null;
  }
  let groups = [];
  try { groups = (await api('/api/groups')).items || []; } catch (e) { groups = []; }
  let listing = await api('/api/canned-responses');
  let editing = null; // the response in the form, or null for a new one

  const list = el('div', { id: 'canned-list' });
  const formBox = el('div', { id: 'canned-form-box' });
  clear(main, el('div', { class: 'row g-3' },
    el('div', { class: 'col-12' }, el('h1', { class: 'h4 mb-0' }, t('canned.title')),
      el('p', { class: 'text-muted small mb-0' }, t('canned.intro'))),
    el('div', { class: 'col-lg-6' }, list),
    el('div', { class: 'col-lg-6' }, formBox)));

  const groupSelect = (id, value, noneKey) => el('select', { id, class: 'form-select form-select-sm' },
    el('option', { value: '' }, t(noneKey)),
    groups.map((g) => el('option', { value: g.name, selected: g.name === value }, g.name)));

  function renderList() {
    const items = listing.items || [];
    clear(list, items.length ? el('table', { class: 'table table-sm align-middle', id: 'canned-table' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t('canned.name')), el('th', { scope: 'col' }, t('canned.group')),
        el('th', { scope: 'col' }, t('canned.sets')), el('th', { scope: 'col' }, t('canned.updated')), el('th'))),
      el('tbody', {}, items.map((r) => el('tr', { dataset: { id: r.id, name: r.name } },
        el('td', {}, r.name),
        el('td', {}, r.group || t('canned.everyGroup')),
        el('td', { class: 'small' }, effects(r) || '—'),
        el('td', { class: 'small text-muted' }, formatDateTime(r.updatedAt)),
        el('td', { class: 'text-end text-nowrap' },
          el('button', { type: 'button', class: 'btn btn-outline-primary btn-sm canned-edit', onclick: () => { editing = r; renderForm(); } }, t('canned.edit')), ' ',
          el('button', { type: 'button', class: 'btn btn-outline-danger btn-sm canned-delete', onclick: () => remove(r) }, t('canned.delete')))))))
      : emptyState(t('canned.none')));
  }

  async function remove(r) {
    if (!window.confirm(t('canned.confirmDelete', { name: r.name }))) return;
    try {
      await api(`/api/canned-responses/${r.id}`, { method: 'DELETE' });
      toast(t('canned.deleted'), 'success', 3000);
      if (editing && editing.id === r.id) editing = null;
      await reload();
    } catch (e) { toast(e.message, 'danger'); }
  }

  async function reload() {
    listing = await api('/api/canned-responses');
    renderList();
    renderForm();
  }

  function renderForm() {
    const r = editing || {};
    const error = el('div', { id: 'canned-error' });
    const name = el('input', { id: 'canned-name', class: 'form-control form-control-sm', value: r.name || '', maxlength: 100, required: true });
    const group = groupSelect('canned-group', r.group, 'canned.everyGroup');
    const bodyKo = el('textarea', { id: 'canned-body-ko', class: 'form-control form-control-sm', rows: 5 });
    bodyKo.value = r.bodyKo || '';
    const bodyEn = el('textarea', { id: 'canned-body-en', class: 'form-control form-control-sm', rows: 5 });
    bodyEn.value = r.bodyEn || '';
    const setStatus = el('select', { id: 'canned-set-status', class: 'form-select form-select-sm' },
      el('option', { value: '' }, t('canned.keepStatus')),
      STATUSES.map((s) => el('option', { value: s, selected: s === r.setStatus }, label('status', s))));
    const setGroup = groupSelect('canned-set-group', r.setGroup, 'canned.keepGroup');
    const field = (id, key, input, help) => el('div', { class: 'mb-2' },
      el('label', { class: 'form-label small mb-1', for: id }, t(key)), input, help ? el('div', { class: 'form-text' }, help) : null);
    clear(formBox, el('form', { class: 'card card-body', id: 'canned-form', novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      clear(error);
      if (!name.value.trim()) { error.append(errorBox(new Error(t('canned.nameNeeded')))); name.focus(); return; }
      if (!bodyKo.value.trim() && !bodyEn.value.trim()) { error.append(errorBox(new Error(t('canned.textNeeded')))); bodyKo.focus(); return; }
      const body = { name: name.value.trim(), group: group.value || null, bodyKo: bodyKo.value || null, bodyEn: bodyEn.value || null,
        setStatus: setStatus.value || null, setGroup: setGroup.value || null };
      try {
        editing = editing
          ? await api(`/api/canned-responses/${editing.id}`, { method: 'PUT', body })
          : await api('/api/canned-responses', { method: 'POST', body });
        toast(t('canned.saved'), 'success', 3000);
        editing = null;
        await reload();
      } catch (err) { error.append(errorBox(err)); }
    } },
    el('h2', { class: 'h6' }, t(editing ? 'canned.editTitle' : 'canned.newTitle')),
    error,
    field('canned-name', 'canned.name', name),
    field('canned-group', 'canned.group', group, t('canned.groupHelp')),
    field('canned-body-ko', 'canned.bodyKo', bodyKo),
    field('canned-body-en', 'canned.bodyEn', bodyEn,
      t('canned.placeholders', { list: (listing.placeholders || []).map((p) => `{{${p}}}`).join(' ') })),
    el('div', { class: 'row g-2' },
      el('div', { class: 'col-sm-6' }, field('canned-set-status', 'canned.setStatus', setStatus)),
      el('div', { class: 'col-sm-6' }, field('canned-set-group', 'canned.setGroup', setGroup))),
    el('div', { class: 'd-flex gap-2 mt-2' },
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm', id: 'canned-save' }, t('action.save')),
      editing ? el('button', { type: 'button', class: 'btn btn-outline-secondary btn-sm', id: 'canned-new', onclick: () => { editing = null; renderForm(); } }, t('canned.newTitle')) : null)));
  }

  renderList();
  renderForm();
  return null;
}

/** What sending a response also does, in words: "Status → Pending, group → Service Desk". */
export function effects(r) {
  const parts = [];
  if (r.setStatus) parts.push(t('canned.effectStatus', { status: label('status', r.setStatus) }));
  if (r.setGroup) parts.push(t('canned.effectGroup', { group: r.setGroup }));
  return parts.join(', ');
}
