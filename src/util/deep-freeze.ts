// Freezing a value shared by many readers, so that a reader changing it fails at once (strict
// mode throws) instead of changing what every later reader sees.

/** Freezes `value` and every object and array it holds; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
  return value;
}
