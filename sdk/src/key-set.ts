// The signing keys a client trusts: keys pinned in the app, the JWKS fetched from the API (kept
// in memory and in storage for offline restarts). A token naming an unknown kid refetches once.
import type { ReceiptCache } from "./receipt-cache.js";
import type { Jwks, SigningJwk, VerifyResult } from "./types.js";

const REFETCH_PER_KID_MS = 60_000;

function merge(...lists: (readonly SigningJwk[] | undefined)[]): SigningJwk[] {
  const byKid = new Map<string, SigningJwk>();
  for (const list of lists) for (const k of list ?? []) if (!byKid.has(k.kid)) byKid.set(k.kid, k);
  return [...byKid.values()];
}

export class KeySet {
  private fetched: Jwks | null = null;
  private inflight: Promise<Jwks> | null = null;
  private stored: Promise<SigningJwk[]> | null = null;
  private readonly refetchedFor = new Map<string, number>();

  constructor(
    private readonly load: () => Promise<Jwks>,
    private readonly cache: ReceiptCache,
    private readonly pinned: readonly SigningJwk[],
    private readonly now: () => number,
  ) {}

  /** The API's JWKS, fetched once and kept in memory (`refresh` fetches again). */
  get(refresh = false): Promise<Jwks> {
    if (this.fetched && !refresh) return Promise.resolve(this.fetched);
    this.inflight ??= this.load()
      .then(async (jwks) => {
        this.fetched = jwks;
        this.stored = Promise.resolve(jwks.keys);
        await this.cache.writeJwks(jwks);
        return jwks;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** Every key known without asking the API. */
  async known(): Promise<SigningJwk[]> {
    this.stored ??= this.cache.readJwks().then((jwks) => jwks?.keys ?? []);
    return merge(this.pinned, this.fetched?.keys, await this.stored);
  }

  /**
   * Runs `check` with the known keys; when it names a kid nobody knows (a rotation since the
   * last fetch), fetches the JWKS again and retries, at most once a minute per kid.
   */
  async verify<T>(kid: string | undefined, check: (keys: SigningJwk[]) => Promise<VerifyResult<T>>, online: boolean): Promise<VerifyResult<T>> {
    const first = await check(await this.known());
    if (first.ok || first.reason !== "UNKNOWN_KEY" || !online || kid === undefined) return first;
    const last = this.refetchedFor.get(kid);
    if (last !== undefined && this.now() - last < REFETCH_PER_KID_MS) return first;
    if (this.refetchedFor.size > 100) this.refetchedFor.clear();
    this.refetchedFor.set(kid, this.now());
    try {
      await this.get(true);
    } catch {
      return first; // offline: the kid stays unknown
    }
    return check(await this.known());
  }
}
