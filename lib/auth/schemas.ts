import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// One schema per form, shared by the form, the server action and any route. Error messages are
// message keys under `Validation` in messages/*.json.
const email = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(254, "tooLong")
  .email("email")
  .transform((v) => v.toLowerCase());

export const password = z
  .string({ error: "required" })
  .min(1, "required")
  .min(10, "passwordTooShort")
  .max(200, "tooLong");

export const signUpSchema = z.object({
  name: z.string({ error: "required" }).trim().min(1, "required").max(100, "tooLong")
    .refine((v) => !/[<>]/.test(v), "invalidCharacters"),
  email,
  password,
  locale: z.enum(LOCALES).default("en"),
});

export const signInSchema = z.object({
  email,
  password: z.string({ error: "required" }).min(1, "required").max(200, "tooLong"),
});

export const forgotPasswordSchema = z.object({ email, locale: z.enum(LOCALES).default("en") });

export const resetPasswordSchema = z.object({
  token: z.string({ error: "required" }).min(20, "invalidToken").max(200, "invalidToken"),
  password,
});

export type SignUpInput = z.input<typeof signUpSchema>;
