/**
 * Results kept by key, for what a build asks for thousands of times but computes from few
 * distinct inputs: publication days, time zones, languages.
 */
export function memoized<A extends readonly unknown[], V>(compute: (...args: A) => V, keyOf: (...args: A) => string = (...args) => args.join(' ')): (...args: A) => V {
  const known = new Map<string, V>();
  return (...args) => {
    const key = keyOf(...args);
    if (known.has(key)) return known.get(key) as V;
    const value = compute(...args);
    known.set(key, value);
    return value;
  };
}
