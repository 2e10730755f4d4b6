import { AppError } from "@/lib/errors";
import type { CartQuote } from "./quote-cart";

/** The customer confirmed a quote that is no longer the server's: show `quote` and ask again. */
export class QuoteChangedError extends AppError {
  readonly quote: CartQuote;

  constructor(quote: CartQuote) {
    super("QUOTE_CHANGED", "The prices changed since you saw them. Please check the new total.", { fields: { quoteHash: ["QUOTE_CHANGED"] } });
    this.name = "QuoteChangedError";
    this.quote = quote;
  }
}

export function isQuoteChangedError(e: unknown): e is QuoteChangedError {
  return e instanceof QuoteChangedError;
}
