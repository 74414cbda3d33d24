import type { SettingDeclaration } from './service-manifest.ts';

export type SettingDeclarations = Readonly<Record<string, SettingDeclaration>>;
export type SettingValues = Record<string, number | boolean | string>;

export interface SettingProblem {
  /** The setting's name. */
  name: string;
  message: string;
}

/**
 * What is wrong with values a municipality sets for a service: names the package does not
 * declare, values of the wrong type or out of the declared bounds. Empty when all is well.
 */
export function settingProblems(declarations: SettingDeclarations, values: Readonly<Record<string, unknown>>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const declaration = declarations[name];
    if (!declaration) {
      problems.push({ name, message: 'is not a setting of this service' });
      continue;
    }
    const message = valueProblem(declaration, value);
    if (message) problems.push({ name, message });
  }
  return problems;
}

function valueProblem(declaration: SettingDeclaration, value: unknown): string | undefined {
  switch (declaration.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'string':
      if (typeof value !== 'string') return 'must be a text';
      if (declaration.maxLength !== undefined && value.length > declaration.maxLength) return `is longer than ${declaration.maxLength} characters`;
      return declaration.pattern !== undefined && !matchesWhole(declaration.pattern, value) ? 'does not have the expected form' : undefined;
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (declaration.type === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
      if (declaration.minimum !== undefined && value < declaration.minimum) return `must be at least ${declaration.minimum}`;
      if (declaration.maximum !== undefined && value > declaration.maximum) return `must be at most ${declaration.maximum}`;
      return undefined;
    }
  }
}

/** Whether the whole value matches the declared pattern; a pattern that is no regular expression matches nothing. */
function matchesWhole(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return false;
  }
}

/** The values a case of the service runs with: the package's defaults, overridden by what the municipality set. */
export function effectiveSettings(declarations: SettingDeclarations, values: Readonly<Record<string, unknown>>): SettingValues {
  const settings: SettingValues = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const value = values[name];
    settings[name] = value !== undefined && !valueProblem(declaration, value) ? value as SettingValues[string] : declaration.default;
  }
  return settings;
}
