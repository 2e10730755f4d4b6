const TONES = {
  GET: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  POST: "bg-brand-50 text-brand-700 ring-brand-600/20",
} as const;

/** The HTTP method of an operation, as a small fixed-width badge. */
export function MethodBadge({ method, small = false }: { method: "GET" | "POST"; small?: boolean }) {
  return (
    <span
      dir="ltr"
      className={`inline-flex shrink-0 justify-center rounded-md font-mono font-bold ring-1 ring-inset ${TONES[method]} ${small ? "w-10 px-1 py-px text-[10px]" : "w-14 px-2 py-0.5 text-xs"}`}
    >
      {method}
    </span>
  );
}
