// On a ticket's page: the requester's satisfaction with each resolution (everyone sees it), and for the
// requester of a resolved ticket the two answers they may give: reopen it (until Beacon would close it) or rate it.
import { state, el, clear, t, api, errorBox, toast, formatDateTime } from '../core.js';

const stars = (score) => `${'★'.repeat(score)}${'☆'.repeat(5 - score)}`;

export function ticketFeedback(ticket, reload) {
  const ratings = ticket.ratings || [];
  const mine = state.me && ticket.requester && ticket.requester.username === state.me.user.username;
  const rated = ratings.some((r) => r.resolvedAt === ticket.resolvedAt);
  const canRate = mine && ticket.resolvedAt && (ticket.status === 'resolved' || ticket.status === 'closed') && !rated;
  const canReopen = mine && ticket.reopenUntil && new Date(ticket.reopenUntil) > new Date();
  if (!ratings.length && !canRate && !canReopen) return null;

  const parts = [];
  if (ratings.length) {
    parts.push(el('div', { id: 'ticket-rating' },
      el('h2', { class: 'h6' }, t('rating.heading')),
      el('ul', { class: 'list-unstyled mb-0' }, ratings.map((r) => el('li', { class: 'mb-1', dataset: { score: r.score } },
        el('span', { class: 'rating-stars', 'aria-label': t('rating.scoreOf', { score: r.score }) }, stars(r.score)), ' ',
        el('span', { class: 'fw-semibold' }, t('rating.scoreOf', { score: r.score })),
        r.comment ? el('div', { class: 'small' }, r.comment) : null,
        el('div', { class: 'small text-muted' }, t('rating.by', { who: r.ratedBy, at: formatDateTime(r.ratedAt) })))))));
  }
  if (canRate) {
    const error = el('div', { id: 'rate-error' });
    const comment = el('textarea', { id: 'rate-comment', class: 'form-control form-control-sm', rows: 2, maxlength: 2000, 'aria-label': t('rating.comment'), placeholder: t('rating.comment') });
    const choices = [1, 2, 3, 4, 5].map((n) => el('div', { class: 'form-check form-check-inline' },
      el('input', { class: 'form-check-input', type: 'radio', name: 'rate-score', id: `rate-${n}`, value: String(n) }),
      el('label', { class: 'form-check-label', for: `rate-${n}`, title: t(`rating.word${n}`) }, `${n} ${t(`rating.word${n}`)}`)));
    parts.push(el('form', { id: 'rate-form', class: parts.length ? 'mt-3' : null, onsubmit: async (e) => {
      e.preventDefault();
      clear(error);
      const picked = e.target.querySelector('input[name=rate-score]:checked');
      if (!picked) { error.append(errorBox(new Error(t('rating.pick')))); return; }
      try {
        await api(`/api/tickets/${ticket.key}/rating`, { method: 'POST', body: { score: Number(picked.value), comment: comment.value.trim() || null } });
        toast(t('rating.thanks'), 'success');
        await reload();
      } catch (err) { error.append(errorBox(err)); }
    } },
    el('h2', { class: 'h6' }, t('rating.ask')), error,
    el('fieldset', { class: 'mb-2' }, el('legend', { class: 'visually-hidden' }, t('rating.ask')), choices),
    comment,
    el('button', { type: 'submit', class: 'btn btn-sm btn-primary mt-2', id: 'rate-submit' }, t('rating.submit'))));
  }
  if (canReopen) {
    const error = el('div', { id: 'reopen-error' });
    const why = el('textarea', { id: 'reopen-comment', class: 'form-control form-control-sm', rows: 2, 'aria-label': t('portal.reopenWhy'), placeholder: t('portal.reopenWhy') });
    parts.push(el('form', { id: 'reopen-form', class: parts.length ? 'mt-3 pt-3 border-top' : null, onsubmit: async (e) => {
      e.preventDefault();
      clear(error);
      try {
        await api(`/api/tickets/${ticket.key}/reopen`, { method: 'POST', body: { comment: why.value.trim() || null } });
        toast(t('portal.reopened'), 'success');
        await reload();
      } catch (err) { error.append(errorBox(err)); }
    } },
    el('h2', { class: 'h6' }, t('portal.reopenHeading')),
    el('p', { class: 'small text-muted mb-2', id: 'reopen-until' }, t('portal.reopenUntil', { at: formatDateTime(ticket.reopenUntil) })),
    error, why,
    el('button', { type: 'submit', class: 'btn btn-sm btn-outline-warning mt-2', id: 'reopen-submit' }, t('portal.reopen'))));
  }
  return el('section', { class: 'card mt-3', id: 'ticket-feedback', 'aria-label': t('rating.heading') }, el('div', { class: 'card-body' }, parts));
}
