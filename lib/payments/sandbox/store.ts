import type { PaymentStatus } from "../gateway";

// What the sandbox "provider" knows about its payments. Amounts are decimal strings, as on a
// real provider's wire. The default store lives in this process (on globalThis); the hosted sandbox page (run
// by the same server) completes payments through it.
export type SandboxPayment = {
  id: string;
  orderId: string;
  amount: string;
  currency: string;
  description: string;
  status: PaymentStatus;
  received: string | null;
  returnUrl: string;
  cancelUrl: string;
  webhookUrl: string | null;
  idempotencyKey: string;
  createdAt: number;
};

export interface SandboxStore {
  get(id: string): Promise<SandboxPayment | null>;
  byIdempotencyKey(key: string): Promise<SandboxPayment | null>;
  save(payment: SandboxPayment): Promise<void>;
}

export function memorySandboxStore(): SandboxStore {
  const payments = new Map<string, SandboxPayment>();
  return {
    get: async (id) => payments.get(id) ?? null,
    byIdempotencyKey: async (key) => [...payments.values()].find((p) => p.idempotencyKey === key) ?? null,
    save: async (payment) => {
      payments.set(payment.id, { ...payment });
    },
  };
}

// One store per process, kept on globalThis: Next.js may load this module more than once (route
// handlers and server actions are bundled separately), and all of them must see the same payments.
const globalStore = globalThis as unknown as { keyfrontSandboxStore?: SandboxStore };

export function defaultSandboxStore(): SandboxStore {
  globalStore.keyfrontSandboxStore ??= memorySandboxStore();
  return globalStore.keyfrontSandboxStore;
}
