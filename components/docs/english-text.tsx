/**
 * Generated English reference text (from the OpenAPI document and the code table), kept
 * left-to-right inside right-to-left pages; `backticked` words become inline code.
 */
export function EnglishText({ text }: { text: string }) {
  return (
    <span lang="en" dir="ltr">
      {text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] text-slate-800">{part}</code> : part))}
    </span>
  );
}
