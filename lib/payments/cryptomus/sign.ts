import { createHash } from "node:crypto";
import { phpJsonEncode } from "../php-json";

// Cryptomus signs with md5(base64(json) + apiKey). For API requests `json` is the exact body sent.
// For webhooks it is PHP's json_encode($data, JSON_UNESCAPED_UNICODE) of the decoded body without
// `sign`: slashes escaped as "\/", non-ASCII left as is.
export function cryptomusSign(json: string, apiKey: string): string {
  return createHash("md5").update(Buffer.from(json, "utf8").toString("base64") + apiKey).digest("hex");
}

export function cryptomusWebhookSign(data: Record<string, unknown>, apiKey: string): string {
  const { sign: _ignored, ...unsigned } = data;
  return cryptomusSign(phpJsonEncode(unsigned, { unescapedUnicode: true }), apiKey);
}
