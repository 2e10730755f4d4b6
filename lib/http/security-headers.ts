// Security headers sent with every response. Kept free of app imports: next.config.ts loads it.
// PayPal's checkout buttons: the SDK script, its assets, its API calls and the button iframes.
const PAYPAL = "https://*.paypal.com";
const PAYPAL_ASSETS = "https://*.paypalobjects.com";

export function securityHeaders(production: boolean): { key: string; value: string }[] {
  const csp = [
    "default-src 'self'",
    // Next.js injects inline bootstrap scripts; dev mode also needs eval for fast refresh.
    `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"} ${PAYPAL} ${PAYPAL_ASSETS}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${PAYPAL} ${PAYPAL_ASSETS}`,
    "font-src 'self' data:",
    `connect-src 'self'${production ? "" : " ws:"} ${PAYPAL}`,
    `frame-src ${PAYPAL}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  const headers = [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  }
  return headers;
}
