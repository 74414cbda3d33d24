import type { PaymentMethod } from '../db/catalogue-repository.ts';

interface Component { key?: string; values?: { value: unknown }[]; [other: string]: unknown }

/**
 * The start form as one municipality shows it: its payment choice (the top-level field
 * `paymentMethod`) offers only the methods open there, and a municipality where the service is free
 * asks for none. The package's form is left as it is.
 */
export function startFormFor(form: object, offered: readonly PaymentMethod[]): object {
  const { components = [], ...rest } = form as { components?: Component[] };
  const shown = components.flatMap((component) => {
    if (component.key !== 'paymentMethod' || !component.values) return [component];
    if (offered.length === 0) return [];
    return [{ ...component, values: component.values.filter((option) => offered.includes(option.value as PaymentMethod)) }];
  });
  return { ...rest, components: shown };
}
