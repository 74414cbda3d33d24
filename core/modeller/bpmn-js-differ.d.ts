// bpmn-js-differ ships no declarations; the modeller types its result where it reads it.
declare module 'bpmn-js-differ' {
  export function diff(a: unknown, b: unknown): unknown;
}
