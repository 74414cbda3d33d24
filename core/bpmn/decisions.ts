/**
 * Reads what the platform needs of a DMN file: the ids of the decisions it defines, which business
 * rule tasks call by `zeebe:calledDecision`. The engine evaluates the decisions; nothing here does.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => name === 'decision' });

/** The ids of the decisions a DMN file defines; throws an Error naming the problem when it is no DMN. */
export function decisionIdsOf(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`is not XML: ${valid.err.msg} (line ${valid.err.line})`);
  const document = parser.parse(xml) as { definitions?: { decision?: { id?: unknown }[] } };
  if (!document.definitions) throw new Error('is not DMN: its root is not <definitions>');
  return (document.definitions.decision ?? []).flatMap((decision) => (typeof decision.id === 'string' ? [decision.id] : []));
}
