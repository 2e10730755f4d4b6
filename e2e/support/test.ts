import { test as base, type Browser, type BrowserContextOptions } from "@playwright/test";
import { randomInt } from "node:crypto";

/** A client address of its own for every test, so per-IP rate limits of one test do not hit the next. */
export function randomClientIp(): string {
  return `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}

export function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": randomClientIp(), ...options.extraHTTPHeaders } });
}

export const test = base.extend({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": randomClientIp() });
  },
});

export { expect } from "@playwright/test";
