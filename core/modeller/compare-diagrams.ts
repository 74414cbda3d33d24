import { diff } from 'bpmn-js-differ';
import type { BpmnElement } from '../bpmn/diagram.ts';

/** What happened to one element between the deployed version and the draft. */
export interface ElementChange {
  elementId: string;
  /** The element's name in the draft (or in the deployed version, when removed). */
  name: string | null;
  type: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** Changed attributes, e.g. the name; empty when only extension properties (task type, mappings, ...) changed. */
  attributes: { name: string; before: unknown; after: unknown }[];
}

interface DiffEntry {
  model: BpmnElement;
  attrs?: Record<string, { oldValue: unknown; newValue: unknown }>;
}

interface DiffResult {
  _added: Record<string, BpmnElement | DiffEntry>;
  _removed: Record<string, BpmnElement | DiffEntry>;
  _changed: Record<string, DiffEntry>;
  _layoutChanged: Record<string, BpmnElement | DiffEntry>;
}

const modelOf = (entry: BpmnElement | DiffEntry): BpmnElement => ('model' in entry && entry.model ? entry.model as BpmnElement : entry as BpmnElement);
const short = (type: string) => type.replace(/^bpmn:/, '');
const shown = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value);

/** Element-by-element changes from `deployed` to `draft` (bpmn-js-differ), sorted by element id within each kind. */
export function compareDiagrams(deployed: BpmnElement, draft: BpmnElement): ElementChange[] {
  const result = (diff as (a: BpmnElement, b: BpmnElement) => DiffResult)(deployed, draft);
  const entry = (change: ElementChange['change'], id: string, model: BpmnElement, attributes: ElementChange['attributes'] = []): ElementChange => ({
    elementId: id, name: typeof model.name === 'string' ? model.name : null, type: short(model.$type), change, attributes,
  });
  const changes: ElementChange[] = [
    ...Object.entries(result._added).map(([id, e]) => entry('added', id, modelOf(e))),
    ...Object.entries(result._removed).map(([id, e]) => entry('removed', id, modelOf(e))),
    ...Object.entries(result._changed).map(([id, e]) => entry('changed', id, modelOf(e), Object.entries(e.attrs ?? {})
      // bpmn-js-differ 3.2 reports the second definitions' value as oldValue (pinned by a unit test).
      .map(([name, values]) => ({ name, before: shown(values.newValue), after: shown(values.oldValue) })))),
    ...Object.entries(result._layoutChanged).filter(([id]) => !(id in result._changed)).map(([id, e]) => entry('moved', id, modelOf(e))),
  ];
  const order = ['added', 'removed', 'changed', 'moved'];
  return changes.sort((a, b) => order.indexOf(a.change) - order.indexOf(b.change) || a.elementId.localeCompare(b.elementId));
}
