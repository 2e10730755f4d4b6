import { getEnv } from "@/lib/env";
import { decodedItemName, itemMismatch } from "./edd-params";
import { findEddProduct, type EddProduct } from "./find-edd-product";
import type { EddAnswer, EddContext } from "./edd-license-actions";

// get_version, as EDD_SL_Plugin_Updater reads it. Keyfront has no releases yet: the version
// fields and package links stay empty (an updater then offers no update) and the product's name,
// slug and description are filled in. Release publishing fills the rest later.

const failure = (msg: string): EddAnswer => ({ new_version: "", stable_version: "", sections: "", license_check: "", msg });

/** PHP's serialize() of a string map: EDD sends `sections` and `banners` this way and updaters unserialize them. */
export function phpSerializeStrings(map: Record<string, string>): string {
  const str = (v: string) => `s:${Buffer.byteLength(v, "utf8")}:"${v}";`;
  const entries = Object.entries(map);
  return `a:${entries.length}:{${entries.map(([k, v]) => str(k) + str(v)).join("")}}`;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function descriptionHtml(product: EddProduct): string {
  const text = (product.description ?? product.tagline ?? "").trim();
  return text ? text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join("\n") : "";
}

export async function eddGetVersion({ params, facts }: EddContext): Promise<EddAnswer> {
  const itemName = decodedItemName(params) ?? (params.item_id ? undefined : params.name);
  if (!params.item_id && !itemName && !params.license) return failure("No item provided");
  if (params.license && !facts) return failure("License key provided does not match a valid product");
  // The license's own product when the item names it (names need not be unique), else the item.
  const ownItem = facts && !itemMismatch(facts.product, { ...params, item_name: params.item_name ?? itemName });
  const product = await findEddProduct(ownItem ? { licenseProductId: facts.product.id } : { id: params.item_id, name: itemName });
  if (!product) return failure("Item name provided does not match a valid product");
  if (facts && facts.product.id !== product.id) return failure(`License key is not valid for ${product.name}`);
  return {
    new_version: "",
    stable_version: "",
    name: product.name,
    slug: params.slug ?? product.slug,
    url: "",
    last_updated: "",
    homepage: getEnv().APP_URL,
    package: "",
    download_link: "",
    sections: phpSerializeStrings({ description: descriptionHtml(product), changelog: "" }),
    banners: phpSerializeStrings({ high: "", low: "" }),
  };
}
