/**
 * The connector tasks modellers pick in the modeller instead of typing job types: one Zeebe
 * element template per back-office worker. `npm run templates` writes them as JSON to
 * processes/element-templates/; a test keeps the files, the workers and the schema in step.
 */

export type TemplateInput = {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** FEEL expression the modeller starts with. */
  readonly value: string;
};

export type TemplateOutput = { readonly variable: string; readonly label: string; readonly description: string };

export type ConnectorTemplate = {
  readonly jobType: string;
  readonly name: string;
  readonly description: string;
  readonly inputs: readonly TemplateInput[];
  readonly outputs: readonly TemplateOutput[];
  /** BPMN error codes the task throws for business outcomes, for the modeller's boundary events. */
  readonly errors: readonly string[];
};

const caseInputs: readonly TemplateInput[] = [
  { name: 'caseId', label: 'Case', description: 'Correlates the call in logs and makes writes idempotent.', value: '=caseId' },
  { name: 'municipalityId', label: 'Municipality', description: 'Whose back office (or serving institution) is asked; from the catalogue.', value: '=municipalityId' },
];

export const CONNECTOR_TEMPLATES: readonly ConnectorTemplate[] = [
  {
    jobType: 'find-resident',
    name: 'Find resident',
    description: "Looks the applicant up in the municipality's resident register, whatever vendor runs it, and assesses the residence.",
    inputs: [...caseInputs, { name: 'applicant', label: 'Applicant', description: 'Context with firstName, lastName and dateOfBirth (YYYY-MM-DD).', value: '=applicant' }],
    outputs: [
      { variable: 'residenceAssessment', label: 'Assessment', description: "'entitled', 'review' or 'not-resident'." },
      { variable: 'resident', label: 'Resident', description: 'Resident id, residence type, since, blocked, address; null when not resident.' },
    ],
    errors: ['PERSON_NOT_FOUND'],
  },
  {
    jobType: 'back-office-book-fee',
    name: 'Book fee in finance module',
    description: "Books a fee on the resident's debtor account, once per case and task however often it is retried.",
    inputs: [
      ...caseInputs,
      { name: 'residentId', label: 'Resident id', description: 'From "Find resident".', value: '=resident.residentId' },
      { name: 'amountRappen', label: 'Amount (Rappen)', description: 'Integer, e.g. 3000 for CHF 30.00.', value: '=feeRappen' },
      { name: 'account', label: 'Revenue account', description: "The municipality's account for this service.", value: '=paymentAccount' },
      { name: 'bookingText', label: 'Booking text', description: 'At most 80 characters.', value: '=bookingText' },
    ],
    outputs: [{ variable: 'feeBooking', label: 'Booking', description: 'bookingId and bookedOn.' }],
    errors: ['RESIDENT_NOT_FOUND'],
  },
  {
    jobType: 'back-office-list-open-items',
    name: 'List open items',
    description: "Reads the resident's unpaid invoices from the finance module, oldest due date first.",
    inputs: [...caseInputs, { name: 'residentId', label: 'Resident id', description: 'From "Find resident".', value: '=resident.residentId' }],
    outputs: [{ variable: 'openItems', label: 'Open items', description: 'List of itemId, description, amountRappen, dueDate.' }],
    errors: ['RESIDENT_NOT_FOUND'],
  },
  {
    jobType: 'back-office-request-instalment-plan',
    name: 'Request instalment plan',
    description: 'Agrees monthly instalments for open items with the finance module.',
    inputs: [
      ...caseInputs,
      { name: 'residentId', label: 'Resident id', description: 'From "Find resident".', value: '=resident.residentId' },
      { name: 'itemIds', label: 'Open items', description: 'List of item ids the plan covers.', value: '=itemIds' },
      { name: 'instalments', label: 'Instalments', description: '2 to 12 monthly instalments.', value: '=instalments' },
      { name: 'firstDueDate', label: 'First due date', description: 'YYYY-MM-DD.', value: '=firstDueDate' },
    ],
    outputs: [{ variable: 'instalmentPlan', label: 'Plan', description: 'planId, totalRappen and the schedule.' }],
    errors: ['INSTALMENT_PLAN_REFUSED'],
  },
  {
    jobType: 'back-office-forward-damage-report',
    name: 'Forward damage report',
    description: "Puts a citizen's damage report into the works department's ticket queue.",
    inputs: [
      ...caseInputs,
      { name: 'category', label: 'Category', description: 'road, lighting, waste, water, green-space or other.', value: '=category' },
      { name: 'description', label: 'Description', description: "The citizen's text, at most 2000 characters.", value: '=description' },
      { name: 'location', label: 'Location', description: 'Context with latitude and longitude (WGS84).', value: '=location' },
      { name: 'reportedAt', label: 'Reported at', description: 'ISO 8601 date-time with offset.', value: '=reportedAt' },
    ],
    outputs: [{ variable: 'damageTicketId', label: 'Ticket', description: "The works department's ticket id." }],
    errors: [],
  },
  {
    jobType: 'back-office-deliver-stock',
    name: 'Deliver from stock',
    description: "Dispatches articles such as waste stamps from the municipality's stock.",
    inputs: [
      ...caseInputs,
      { name: 'articleCode', label: 'Article', description: "The municipality's article number, e.g. KEHRICHT-35L.", value: '=articleCode' },
      { name: 'quantity', label: 'Quantity', description: '1 to 100 units.', value: '=quantity' },
      { name: 'deliveryAddress', label: 'Delivery address', description: 'Context with recipient, street, houseNumber, postalCode, town.', value: '=deliveryAddress' },
    ],
    outputs: [{ variable: 'delivery', label: 'Delivery', description: 'deliveryId and expectedOn.' }],
    errors: ['OUT_OF_STOCK', 'UNKNOWN_ARTICLE'],
  },
  {
    jobType: 'back-office-request-debt-register-extract',
    name: 'Request debt-enforcement register extract',
    description: "Asks the district's debt-enforcement office that serves the municipality for an extract.",
    inputs: [...caseInputs, { name: 'person', label: 'Person', description: 'Context with firstName, lastName, dateOfBirth and address.', value: '=person' }],
    outputs: [{ variable: 'debtRegisterExtract', label: 'Extract', description: 'extractId, issuedOn and the number of proceedings.' }],
    errors: ['PERSON_NOT_IDENTIFIED'],
  },
  {
    jobType: 'back-office-order-birth-register-extract',
    name: 'Order birth register extract',
    description: 'Orders a birth register extract from the regional civil registry office, posted to the citizen.',
    inputs: [
      ...caseInputs,
      { name: 'person', label: 'Person', description: 'Context with firstName, lastName, dateOfBirth and placeOfBirth.', value: '=person' },
      { name: 'deliveryAddress', label: 'Delivery address', description: 'Context with recipient, street, houseNumber, postalCode, town.', value: '=deliveryAddress' },
    ],
    outputs: [{ variable: 'birthRegisterExtractOrder', label: 'Order', description: 'orderId and expectedOn.' }],
    errors: [],
  },
];

const SCHEMA = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

/** The Zeebe element template JSON of one connector task. */
export function toElementTemplate(template: ConnectorTemplate): Record<string, unknown> {
  const errors = template.errors.length === 0 ? '' : ` Business outcomes as BPMN errors: ${template.errors.join(', ')}.`;
  return {
    $schema: SCHEMA,
    name: template.name,
    id: `gemeindeportal.${template.jobType}`,
    version: 1,
    description: `${template.description}${errors}`,
    category: { id: 'gemeindeportal-back-office', name: 'Back office' },
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      { id: 'input', label: 'Input' },
      { id: 'output', label: 'Result variables' },
    ],
    properties: [
      { type: 'Hidden', value: template.jobType, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      { type: 'Hidden', value: '3', binding: { type: 'zeebe:taskDefinition', property: 'retries' } },
      ...template.inputs.map((input) => ({
        label: input.label,
        description: input.description,
        group: 'input',
        type: 'String',
        feel: 'required',
        value: input.value,
        binding: { type: 'zeebe:input', name: input.name },
        constraints: { notEmpty: true },
      })),
      ...template.outputs.map((output) => ({
        label: output.label,
        description: `${output.description} Name of the process variable that receives it.`,
        group: 'output',
        type: 'String',
        value: output.variable,
        binding: { type: 'zeebe:output', source: `=${output.variable}` },
      })),
    ],
  };
}
