/**
 * A message with `code` spans: the parts between backticks (commands, values to type such as `heavyRain`) are shown
 * as code, so the reader sees which words are typed as they are and which are prose.
 */
export function Rich({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
