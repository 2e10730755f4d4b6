import { CopyButton } from "@/components/ui/copy-button";

type Labels = { copy: string; copied: string; failed: string };

/** A block of code (always left-to-right) with a copy button. */
export function CodeBlock({ code, label, labels }: { code: string; label: string; labels: Labels }) {
  return (
    <figure className="overflow-hidden rounded-xl bg-slate-900 ring-1 ring-slate-800">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-700/70 px-4 py-2 text-xs font-medium text-slate-300">
        <span>{label}</span>
        <CopyButton value={code} labels={labels} className="py-1! text-xs" />
      </figcaption>
      <pre dir="ltr" className="overflow-x-auto px-4 py-3 text-start text-[13px] leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
