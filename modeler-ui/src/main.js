/* global window, document, URLSearchParams */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import './styles.css';
import { byId, skipLinkFocuses } from '../../browser-shared/dom.js';
import { ProblemError, describeProblem, isUnauthorized } from '../../browser-shared/problem.js';
import { createModelerApi } from './api.js';
import { showEditor } from './editor-view.js';
import { showNewService } from './new-service-view.js';
import { showServiceList } from './service-list-view.js';
import { textsFor } from './texts.js';

// The composition of the modeller's page: the one place that touches globals and wires modules.
function createNotices() {
  const status = byId('status');
  const alert = byId('alert');
  return {
    /** @param {string} text */
    announce(text) {
      status.textContent = text;
    },
    clearAlert() {
      alert.replaceChildren();
    },
    /** @param {string} text */
    showAlert(text) {
      alert.textContent = text;
      alert.focus();
    },
    /**
     * A refusal with its details: the failing elements and rules of a lint refusal, the fields of a bad request.
     * @param {unknown} error
     */
    showProblem(error) {
      /** @type {{ title?: string, detail?: string, findings?: unknown }} */
      const problem = error instanceof ProblemError ? error.problem : { title: String(error instanceof Error ? error.message : error) };
      const findings = /** @type {import('./api.js').LintFinding[] | undefined} */ (problem.findings);
      const details = (findings ?? []).filter((finding) => finding.severity === 'error')
        .map((finding) => `${finding.elementId}: ${finding.message} (${finding.rule})`);
      const paragraph = document.createElement('p');
      // An answer without a problem document (a proxy's error page) has no title: its status says one.
      paragraph.textContent = [problem.title || describeProblem(error).title, findings ? '' : problem.detail].filter(Boolean).join(' – ');
      const list = document.createElement('ul');
      for (const detail of details) {
        const item = document.createElement('li');
        item.textContent = detail;
        list.append(item);
      }
      alert.replaceChildren(paragraph, ...(details.length ? [list] : []));
      alert.focus();
    },
    /**
     * Refused fields of the page's own form: what did not happen, then each field with why, a link that focuses it.
     * @param {string} title
     * @param {Array<{ field: { label: string, focus: () => void, control: HTMLElement }, text: string }>} refusals
     */
    showRefusals(title, refusals) {
      const list = document.createElement('ul');
      for (const { field, text } of refusals) {
        const link = document.createElement('a');
        link.href = `#${field.control.id}`;
        link.textContent = `${field.label}: ${text}`;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          field.focus();
        });
        const item = document.createElement('li');
        item.append(link);
        list.append(item);
      }
      const paragraph = document.createElement('p');
      paragraph.textContent = title;
      alert.replaceChildren(paragraph, list);
      alert.focus();
    },
  };
}

/** @typedef {ReturnType<typeof createNotices>} Notices */

async function main() {
  const texts = textsFor(document.documentElement.lang.slice(0, 2));
  const notices = createNotices();
  const api = createModelerApi({ fetch: window.fetch.bind(window), onUnauthorized: () => window.location.assign('/tasklist/login?next=/modeler/') });
  const view = byId('view');
  skipLinkFocuses(byId('skip-link'), byId('main'));
  /** @type {import('./api.js').Me} */
  let me;
  try {
    me = await api.me();
  } catch (error) {
    if (!isUnauthorized(error)) notices.showProblem(error);
    return;
  }
  byId('user-name').textContent = me.name;

  let leave = () => {};
  async function route() {
    leave();
    leave = () => {};
    notices.clearAlert();
    const query = new URLSearchParams(window.location.search);
    const serviceId = query.get('dienst');
    /** @param {string} id */
    const open = (id) => go(`?dienst=${encodeURIComponent(id)}`);
    try {
      if (serviceId) {
        document.title = `${serviceId} – Prozessmodellierung`;
        leave = await showEditor(view, { api, texts, notices, me, serviceId, back: () => go('') });
      } else if (query.has('neu')) {
        document.title = `${texts.newServiceTitle} – Prozessmodellierung`;
        showNewService(view, { api, texts, notices, mayCreate: me.mayDeploy, open, back: () => go('') });
      } else {
        document.title = 'Dienste – Prozessmodellierung';
        await showServiceList(view, { api, texts, mayCreate: me.mayDeploy, open, create: () => go('?neu') });
      }
      view.querySelector('h1')?.focus();
    } catch (error) {
      notices.showProblem(error);
    }
  }
  /** @param {string} search the query of the route, e.g. "?dienst=umzug", "?neu" */
  function go(search) {
    window.history.pushState(null, '', `/modeler/${search}`);
    route();
  }
  window.addEventListener('popstate', route);
  await route();
}

main();
