import type { Locale } from "./locales";

export type Messages = typeof import("../../messages/en.json");

const cache = new Map<Locale, Messages>();

/** Loads one locale's message file (bundled per locale, cached per process). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = (await import(`../../messages/${locale}.json`)).default as Messages;
    cache.set(locale, messages);
  }
  return messages;
}

/** Picks the namespaces a client component needs, so pages do not ship every message. */
export function pickMessages<K extends keyof Messages>(messages: Messages, keys: readonly K[]) {
  return Object.fromEntries(keys.map((k) => [k, messages[k]])) as Pick<Messages, K>;
}
