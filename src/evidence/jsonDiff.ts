/** Where two JSON values differ, as JSON paths (`arms[0].metrics.earnings.gini`), for verify's messages. */

/** One difference: the path and both values as short text. */
export interface JsonDifference {
  path: string;
  pack: string;
  rerun: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function short(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (Array.isArray(value)) return `[… ${value.length} items]`;
  if (isObject(value)) return '{…}';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function child(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Every path where `pack` and `rerun` differ (leaves, missing keys, array lengths), in document order. */
export function jsonDifferences(pack: unknown, rerun: unknown, path = ''): JsonDifference[] {
  const out: JsonDifference[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push({ path: `${at}.length`, pack: String(a.length), rerun: String(b.length) });
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${at}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
      for (const key of keys) walk(a[key], b[key], child(at, key));
      return;
    }
    if (!Object.is(a, b)) out.push({ path: at || '(root)', pack: short(a), rerun: short(b) });
  };
  walk(pack, rerun, path);
  return out;
}
