import { z } from "zod";
import { db } from "@/lib/db";
import { LOCALES } from "@/lib/i18n/locales";
import { parseInput } from "@/lib/http/parse-input";

export const profileSchema = z.object({
  name: z.string({ error: "required" }).trim().min(1, "required").max(100, "tooLong").refine((v) => !/[<>]/.test(v), "invalidCharacters"),
  locale: z.enum(LOCALES, { error: "invalid" }),
});

/** Updates the signed-in user's own profile; the id comes from the session, never the form. */
export async function updateProfile(userId: string, input: unknown): Promise<void> {
  const data = parseInput(profileSchema, input);
  await db.user.update({ where: { id: userId }, data });
}
