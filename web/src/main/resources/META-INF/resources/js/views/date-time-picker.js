// A date-time field in the user's language and date format, for wall times in the user's time zone (a
// browser's own datetime-local picker follows the browser's language and format, not the user's).
import { state, el, t } from '../core.js';

/** The wall time the forms work in (flatpickr tokens), as isoToPicker and pickerToIso take it. */
const WALL = 'Y-m-d\\TH:i';

/** The same wall time as each language shows dates (see formatDateTime): "2026. 12. 06. 14:05", "2026-12-06 14:05". */
const SHOWN = { ko: 'Y. m. d. H:i', en: 'Y-m-d H:i' };

/**
 * options: {id, value (wall time "yyyy-mm-ddThh:mm" or ''), onChange(wall)}. The field takes a pick from its
 * calendar or typed text in the shown format. Answers {input, value}: value reads and sets the wall time
 * (setting it does not call onChange). Without flatpickr (not loaded) it falls back to the browser's picker.
 */
export function dateTimePicker({ id, value = '', onChange = () => {} }) {
  let wall = value;
  const input = el('input', { id, type: 'text', class: 'form-control', autocomplete: 'off', required: true,
    placeholder: t('date.timePlaceholder') });
  const flatpickr = window.flatpickr;
  if (typeof flatpickr !== 'function') {
    input.type = 'datetime-local';
    input.value = wall;
    input.addEventListener('input', () => { wall = input.value; onChange(wall); });
    return { input, get value() { return wall; }, set value(v) { wall = v; input.value = v; } };
  }
  // flatpickr's dates carry the wall time in the browser's zone; only their wall fields are used (the user's zone
  // is applied by pickerToIso), so the browser's own zone never enters a value.
  const picker = flatpickr(input, {
    enableTime: true,
    time_24hr: true,
    allowInput: true,
    minuteIncrement: 5,
    dateFormat: SHOWN[state.locale] || SHOWN.en,
    locale: state.locale === 'ko' && flatpickr.l10ns && flatpickr.l10ns.ko ? flatpickr.l10ns.ko : 'default',
    defaultDate: wall ? flatpickr.parseDate(wall, WALL) : null,
    onChange(dates) {
      const next = dates.length ? flatpickr.formatDate(dates[0], WALL) : '';
      if (next === wall) return;
      wall = next;
      onChange(wall);
    },
  });
  return {
    input,
    get value() { return wall; },
    set value(v) { wall = v; picker.setDate(v ? flatpickr.parseDate(v, WALL) : null, false); },
  };
}
