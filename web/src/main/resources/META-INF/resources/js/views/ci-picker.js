// A configuration item picker: type to search the CMDB, pick one or more; keyboard usable.
import { el, clear, t, label, api, query, debounce } from '../core.js';

/**
 * options: {selected: [{id, name}], onChange(cis), single, compact, id}
 * Answers the element; its value is read through onChange.
 */
export function ciPicker({ selected = [], onChange = () => {}, single = false, compact = false, id = 'ci-picker' }) {
  let chosen = [...selected];
  const chips = el('div', { class: 'mb-1', id: `${id}-chosen` });
  const results = el('div', { class: 'list-group picker-results position-absolute w-100 shadow-sm', style: 'z-index: 20', id: `${id}-results`, role: 'listbox' });
  const input = el('input', {
    type: 'search', id, class: `form-control${compact ? ' form-control-sm' : ''}`, autocomplete: 'off',
    placeholder: t('ci.pickerPlaceholder'), 'aria-label': t('ci.picker'), 'aria-controls': `${id}-results`,
    oninput: debounce(() => search(), 250),
    onkeydown: (e) => {
      if (e.key === 'ArrowDown') { const first = results.querySelector('button'); if (first) { e.preventDefault(); first.focus(); } }
      if (e.key === 'Escape') clear(results);
      if (e.key === 'Enter') { e.preventDefault(); const first = results.querySelector('button'); if (first) first.click(); }
    },
  });

  function renderChips() {
    clear(chips, chosen.map((ci) => el('span', { class: 'chip', dataset: { ciId: ci.id } }, ci.name,
      el('button', { type: 'button', 'aria-label': t('ci.remove', { name: ci.name }), onclick: () => {
        chosen = chosen.filter((c) => c.id !== ci.id);
        renderChips();
        onChange(chosen);
      } }, '×'))));
    chips.hidden = chosen.length === 0;
  }

  async function search() {
    const text = input.value.trim();
    if (!text) { clear(results); return; }
    try {
      const page = await api(`/api/cis${query({ q: text, size: 8 })}`);
      clear(results, page.items.length ? page.items.map((ci) => el('button', {
        type: 'button', role: 'option', class: 'list-group-item list-group-item-action py-1', dataset: { ciId: ci.id, ciName: ci.name },
        onkeydown: (e) => {
          if (e.key === 'ArrowDown' && e.target.nextElementSibling) { e.preventDefault(); e.target.nextElementSibling.focus(); }
          if (e.key === 'ArrowUp') { e.preventDefault(); (e.target.previousElementSibling || input).focus(); }
          if (e.key === 'Escape') { clear(results); input.focus(); }
        },
        onclick: () => {
          if (!chosen.some((c) => c.id === ci.id)) chosen = single ? [{ id: ci.id, name: ci.name }] : [...chosen, { id: ci.id, name: ci.name }];
          input.value = '';
          clear(results);
          renderChips();
          onChange(chosen);
          input.focus();
        },
      }, el('span', { class: 'fw-semibold' }, ci.name), ' ', el('small', { class: 'text-muted' }, label('ciType', ci.type), ci.ipAddresses && ci.ipAddresses.length ? ` · ${ci.ipAddresses[0]}` : '')))
        : el('div', { class: 'list-group-item text-muted small' }, t('ci.noMatch')));
    } catch (e) {
      clear(results, el('div', { class: 'list-group-item text-danger small' }, e.message));
    }
  }

  renderChips();
  return el('div', { class: 'position-relative' }, chips, input, results);
}
