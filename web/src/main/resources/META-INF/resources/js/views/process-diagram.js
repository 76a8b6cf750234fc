// The process panel of a ticket or a change: its BPMN diagram drawn by bpmn-js (the viewer bundle, served
// by Beacon itself under /webjars/bpmn-js/), the current activities outlined and the completed ones ticked.
// The steps are named in the reader's language (bpmn.<process>.<element id> in the bundles); the BPMN file
// stays the source of the flow, and a step without a label keeps the file's name.
import { el, clear, t, state, api, ApiError, errorBox, emptyState, spinner } from '../core.js';

const BPMN_JS = '/webjars/bpmn-js/18.31.1';
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const OPEN_KEY = 'beacon.processPanel.open';

let viewerScript = null;

/** Loads the viewer once per page (script and its two style sheets), on first use: never at start. */
function loadViewer() {
  if (window.BpmnJS) return Promise.resolve(window.BpmnJS);
  if (!viewerScript) {
    viewerScript = new Promise((resolve, reject) => {
      for (const css of ['dist/assets/diagram-js.css', 'dist/assets/bpmn-js.css']) {
        document.head.append(el('link', { rel: 'stylesheet', href: `${BPMN_JS}/${css}` }));
      }
      document.head.append(el('script', {
        src: `${BPMN_JS}/dist/bpmn-viewer.production.min.js`,
        onload: () => (window.BpmnJS ? resolve(window.BpmnJS) : reject(new Error(t('process.viewerMissing')))),
        onerror: () => { viewerScript = null; reject(new Error(t('process.viewerMissing'))); },
      }));
    });
  }
  return viewerScript;
}

function remembersOpen() {
  try { return window.localStorage.getItem(OPEN_KEY) !== 'closed'; } catch (e) { return true; }
}

function rememberOpen(open) {
  try { window.localStorage.setItem(OPEN_KEY, open ? 'open' : 'closed'); } catch (e) { /* private mode */ }
}

/**
 * The collapsible "Process" panel of one ticket ('ticket') or change ('change'), with its key and title. Returns its element, a
 * refresh() to call when the ticket or change moved on (it re-reads where the process stands), and dispose().
 * The diagram is loaded at once if the panel is open (append the element right away), otherwise when it is
 * opened; the choice to close it is remembered.
 */
export function processDiagram(kind, key, title) {
  const path = `/api/${kind === 'change' ? 'changes' : 'tickets'}/${encodeURIComponent(key)}/process/diagram`;
  const canvasBox = el('div', { class: 'process-canvas', id: 'process-canvas', role: 'img', 'aria-label': t('process.diagramLabel') });
  const status = el('div', { class: 'small text-muted', id: 'process-status', 'aria-live': 'polite' });
  const message = el('div', { id: 'process-message' });
  const zoom = (step) => () => {
    if (!viewer) return;
    const canvas = viewer.get('canvas');
    if (step === 0) canvas.zoom('fit-viewport', 'auto');
    else canvas.zoom(Math.min(4, Math.max(0.2, canvas.zoom() * step)));
  };
  const tools = el('div', { class: 'btn-group btn-group-sm', role: 'group', 'aria-label': t('process.zoom') },
    el('button', { type: 'button', class: 'btn btn-outline-secondary', id: 'process-zoom-in', title: t('process.zoomIn'), 'aria-label': t('process.zoomIn'), onclick: zoom(1.25) }, '+'),
    el('button', { type: 'button', class: 'btn btn-outline-secondary', id: 'process-zoom-out', title: t('process.zoomOut'), 'aria-label': t('process.zoomOut'), onclick: zoom(0.8) }, '−'),
    el('button', { type: 'button', class: 'btn btn-outline-secondary', id: 'process-zoom-fit', onclick: zoom(0) }, t('process.fit')));
  const legend = el('ul', { class: 'process-legend list-inline small mb-0', id: 'process-legend' },
    el('li', { class: 'list-inline-item' }, el('span', { class: 'process-swatch swatch-active', 'aria-hidden': 'true' }), t('process.legendActive')),
    el('li', { class: 'list-inline-item' }, el('span', { class: 'process-swatch swatch-completed', 'aria-hidden': 'true' }, '✓'), t('process.legendCompleted')),
    el('li', { class: 'list-inline-item' }, el('span', { class: 'process-swatch swatch-pending', 'aria-hidden': 'true' }), t('process.legendPending')));
  const panel = el('details', { class: 'card mt-3 process-panel', id: 'process-panel', dataset: { kind, key }, open: remembersOpen() },
    el('summary', { class: 'card-header h6 mb-0' }, t('process.title')),
    el('div', { class: 'card-body' },
      el('div', { class: 'd-flex flex-wrap justify-content-between align-items-center gap-2 mb-2' }, legend, tools),
      message, canvasBox, status));

  // A step without a label keeps the file's name, which may hold the expressions the engine fills in
  // (Approve ${changeKey}: ${title}): the status line fills in the key and the title.
  const readable = (name) => name.replace(/\$\{(changeKey|ticketKey)\}/g, key)
    .replace(/\$\{title\}/g, title || '').replace(/[:\s]+$/, '');

  /** The model with each named step's name in the reader's language, where the bundles name it. */
  const inReadersLanguage = (xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) return xml;
    for (const process of doc.getElementsByTagNameNS(BPMN_NS, 'process')) {
      for (const step of process.querySelectorAll('[id][name]')) {
        const key = `bpmn.${process.getAttribute('id')}.${step.getAttribute('id')}`;
        const name = state.messages[key] ?? state.fallback[key];
        if (name !== undefined) step.setAttribute('name', name);
      }
    }
    return new XMLSerializer().serializeToString(doc);
  };

  let viewer = null;
  let shown = null;    // the diagram JSON drawn now
  let loading = null;
  let stale = true;    // the process may have moved since it was last drawn

  function mark(diagram) {
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    if (shown) {
      for (const id of shown.active) if (registry.get(id)) canvas.removeMarker(id, 'process-active');
      for (const id of shown.completed) if (registry.get(id)) canvas.removeMarker(id, 'process-completed');
    }
    overlays.remove({ type: 'process-done' });
    for (const id of diagram.completed) {
      if (!registry.get(id)) continue;
      canvas.addMarker(id, 'process-completed');
      overlays.add(id, 'process-done', { position: { top: -7, right: 7 }, html: el('span', { class: 'process-done-badge', 'aria-hidden': 'true' }, '✓') });
    }
    const names = [];
    for (const id of diagram.active) {
      const element = registry.get(id);
      if (!element) continue;
      canvas.addMarker(id, 'process-active');
      names.push(readable((element.businessObject && element.businessObject.name) || id));
    }
    canvasBox.dataset.active = diagram.active.join(' ');
    canvasBox.dataset.completed = diagram.completed.join(' ');
    clear(status,
      t('process.version', { version: diagram.version }), ' · ',
      diagram.ended ? t('process.ended') : t('process.now', { steps: names.join(', ') || '—' }));
  }

  async function draw() {
    if (!panel.open) return;
    clear(message);
    if (!viewer) clear(canvasBox, spinner());
    let diagram;
    try {
      diagram = await api(path);
    } catch (e) {
      clear(canvasBox);
      clear(message, e instanceof ApiError && e.status === 404 ? emptyState(t('process.none')) : errorBox(e));
      return;
    }
    try {
      const sameModel = viewer && shown && shown.processKey === diagram.processKey && shown.version === diagram.version;
      if (!sameModel) {
        const BpmnJS = await loadViewer();
        if (viewer) viewer.destroy();
        clear(canvasBox);
        viewer = new BpmnJS({ container: canvasBox });
        shown = null;
        await viewer.importXML(inReadersLanguage(diagram.xml));
        viewer.get('canvas').zoom('fit-viewport', 'auto');
      }
      mark(diagram);
      shown = diagram;
      stale = false;
      canvasBox.dataset.drawn = `${diagram.processKey}:${diagram.version}`;
    } catch (e) {
      clear(message, errorBox(e));
    }
  }

  // One drawing at a time, each after the one before; a drawing only while open and while something is new.
  function schedule() {
    loading = (loading || Promise.resolve()).then(() => (stale && panel.open ? draw() : null));
    return loading;
  }

  function refresh() {
    stale = true;
    return schedule();
  }

  panel.addEventListener('toggle', () => {
    rememberOpen(panel.open);
    if (panel.open) schedule();
  });

  refresh(); // the caller appends the panel before the diagram's answer arrives
  return {
    element: panel,
    refresh,
    dispose() { if (viewer) viewer.destroy(); viewer = null; },
  };
}
