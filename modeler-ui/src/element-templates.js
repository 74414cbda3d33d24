/**
 * Applies the platform's element templates (processes/element-templates, `npm run templates`) to
 * a task: it becomes a service task of that connector, with the template's job type, retries,
 * input and output mappings, and `zeebe:modelerTemplate` so that Camunda's desktop modeller
 * recognises it. The fields are then edited in the properties panel (Eingaben, Ausgaben).
 */

const isTask = (element) => /^bpmn:(Task|ServiceTask|SendTask)$/.test(element?.businessObject?.$type ?? element?.type ?? '');

/** Templates that apply to the element (all connector templates apply to tasks). */
export function templatesFor(element, templates) {
  if (!isTask(element)) return [];
  return templates.filter((template) => (template.appliesTo ?? []).some((type) => type === 'bpmn:Task' || type === element.type));
}

/** The template an element was made from, if any. */
export function appliedTemplateId(element) {
  return element?.businessObject?.get?.('zeebe:modelerTemplate') ?? null;
}

/**
 * @param {import('bpmn-js/lib/Modeler').default} modeler
 * @param {object} element a diagram shape
 * @param {{ id: string, version?: number, name: string, elementType?: { value: string }, properties: Array<{ value?: string, binding: Record<string, string> }> }} template
 * @returns {object} the (possibly replaced) shape
 */
export function applyTemplate(modeler, element, template) {
  const moddle = modeler.get('moddle');
  const modeling = modeler.get('modeling');
  const targetType = template.elementType?.value ?? 'bpmn:ServiceTask';
  let shape = element;
  if (shape.type !== targetType) shape = modeler.get('bpmnReplace').replaceElement(shape, { type: targetType });

  const taskDefinition = moddle.create('zeebe:TaskDefinition');
  const inputs = [];
  const outputs = [];
  const headers = [];
  for (const property of template.properties) {
    const { binding } = property;
    const value = property.value ?? '';
    if (binding.type === 'zeebe:taskDefinition') taskDefinition.set(binding.property, value);
    else if (binding.type === 'zeebe:taskDefinition:type') taskDefinition.set('type', value);
    else if (binding.type === 'zeebe:input') inputs.push(moddle.create('zeebe:Input', { source: value, target: binding.name }));
    else if (binding.type === 'zeebe:output') outputs.push(moddle.create('zeebe:Output', { source: binding.source, target: value }));
    else if (binding.type === 'zeebe:taskHeader') headers.push(moddle.create('zeebe:Header', { key: binding.key, value }));
  }
  const business = shape.businessObject;
  // Keep what the template does not own (phases as zeebe:properties, ...); replace what it does.
  const owned = new Set(['zeebe:TaskDefinition', 'zeebe:IoMapping', 'zeebe:TaskHeaders']);
  const kept = (business.extensionElements?.values ?? []).filter((value) => !owned.has(value.$type));
  const values = [taskDefinition, ...kept];
  if (inputs.length || outputs.length) values.push(moddle.create('zeebe:IoMapping', { inputParameters: inputs, outputParameters: outputs }));
  if (headers.length) values.push(moddle.create('zeebe:TaskHeaders', { values: headers }));
  const extensionElements = moddle.create('bpmn:ExtensionElements', { values });
  for (const value of values) value.$parent = extensionElements;
  modeling.updateProperties(shape, {
    extensionElements,
    'zeebe:modelerTemplate': template.id,
    'zeebe:modelerTemplateVersion': template.version,
    ...(business.name ? {} : { name: template.name }),
  });
  return shape;
}
