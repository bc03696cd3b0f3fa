/**
 * Numbers as the report shows them. Only `toFixed` and string work, never Intl, so the report is byte-identical in
 * Node and in any browser.
 */

/** The dash shown for a number that is not finite. */
export const NO_VALUE = '–';

/** `x` with `digits` decimals and thousands separated by commas; "–" when not finite; never "-0". */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  let text = x.toFixed(digits);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digitsOnly = sign ? whole.slice(1) : whole;
  const grouped = digitsOnly.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `x` with an explicit sign ("+1.2", "-0.4", "0.0"). */
export function signed(x: number, digits: number): string {
  const text = fixed(x, digits);
  return text === NO_VALUE || text.startsWith('-') || /^[0.,]+$/.test(text) ? text : `+${text}`;
}

/** A value for a table cell: numbers rounded to at most 4 decimals, anything else as JSON or text. */
export function plainValue(value: unknown, maxLength = 120): string {
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(Number(value.toFixed(4))) : NO_VALUE;
  else if (typeof value === 'string') text = value;
  else if (value === undefined || value === null) text = NO_VALUE;
  else text = JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
