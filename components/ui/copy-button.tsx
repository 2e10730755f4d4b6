"use client";

import { useEffect, useState } from "react";

type Labels = { copy: string; copied: string; failed: string };

function copyWithSelection(value: string): boolean {
  // Fallback where the Clipboard API is missing (plain-HTTP hosts): a hidden selected textarea.
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Copies a value to the clipboard and says so, visibly and to screen readers, for two seconds. */
export function CopyButton({ value, labels, className = "" }: { value: string; labels: Labels; className?: string }) {
  const [result, setResult] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (result === "idle") return;
    const timer = setTimeout(() => setResult("idle"), 2000);
    return () => clearTimeout(timer);
  }, [result]);

  async function copy() {
    let ok = false;
    try {
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      ok = copyWithSelection(value);
    }
    setResult(ok ? "copied" : "failed");
  }

  const text = result === "copied" ? labels.copied : result === "failed" ? labels.failed : labels.copy;
  return (
    <button
      type="button"
      onClick={copy}
      className={`inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-semibold ring-1 ring-inset transition-colors ${result === "copied" ? "bg-emerald-50 text-emerald-700 ring-emerald-600/30" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"} ${className}`}
    >
      <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-4 w-4">
        {result === "copied" ? <path d="m4.5 10.5 3.5 3.5 7.5-8" strokeLinecap="round" strokeLinejoin="round" /> : <><rect x="7" y="7" width="9" height="9" rx="2" /><path d="M13 7V5.5A1.5 1.5 0 0 0 11.5 4h-6A1.5 1.5 0 0 0 4 5.5v6A1.5 1.5 0 0 0 5.5 13H7" /></>}
      </svg>
      <span aria-live="polite">{text}</span>
    </button>
  );
}

/** A secret shown in full (left-to-right in every locale) with its copy button. */
export function SecretValue({ value, labels, testId }: { value: string; labels: Labels; testId?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code dir="ltr" data-testid={testId} className="min-w-0 select-all break-all rounded-lg bg-slate-900 px-3 py-2 font-mono text-sm tracking-wide text-white">
        {value}
      </code>
      <CopyButton value={value} labels={labels} />
    </div>
  );
}
