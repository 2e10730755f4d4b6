// Reads a decision body and checks it against its verified receipt.
import { KeyfrontVerificationError } from "./errors.js";
import type { ActivationView, DecisionCode, LicenseView, ReceiptPayload } from "./types.js";

export type DecisionBody = {
  valid: boolean;
  code: DecisionCode;
  detail: string;
  message: string;
  license: LicenseView | null;
  activation: ActivationView | null;
  receipt: string;
  extra: Record<string, unknown>;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The decision fields of an API answer; throws UNEXPECTED_RESPONSE when it is not one. */
export function parseDecisionBody(json: unknown): DecisionBody {
  if (!isRecord(json) || typeof json.valid !== "boolean" || typeof json.code !== "string" || typeof json.receipt !== "string") {
    throw new KeyfrontVerificationError("UNEXPECTED_RESPONSE", "The answer is not a licensing decision.");
  }
  const { valid, code, detail, message, license, activation, receipt, ...extra } = json;
  return {
    valid,
    code: code as DecisionCode,
    detail: typeof detail === "string" ? detail : "",
    message: typeof message === "string" ? message : typeof detail === "string" ? detail : "",
    license: isRecord(license) ? (license as LicenseView) : null,
    activation: isRecord(activation) ? (activation as ActivationView) : null,
    receipt: receipt as string,
    extra,
  };
}

/** The unsigned fields must say what the signed receipt says. */
export function assertMatchesReceipt(body: DecisionBody, payload: ReceiptPayload, nonce?: string): void {
  if (nonce !== undefined && payload.nonce !== nonce) {
    throw new KeyfrontVerificationError("NONCE_MISMATCH", "The receipt was not made for this request (nonce differs).");
  }
  const same =
    payload.valid === body.valid &&
    payload.code === body.code &&
    payload.lic === (body.license?.id ?? null) &&
    payload.act === (body.activation?.id ?? null);
  if (!same) throw new KeyfrontVerificationError("RECEIPT_MISMATCH", "The decision differs from its signed receipt.");
}
