import { z } from "zod";

/**
 * The server's text rules (platform-api `TextRules`), checked before a request is sent so mistakes
 * show next to the field. The server checks again and stays the authority.
 */

const NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .,'&()_-]{0,99}$/u;
const EMAIL =
  /^(?=.{3,254}$)[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*$/u;

export const nameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .regex(NAME, "Use up to 100 letters, digits, spaces or . , ' & ( ) _ - and start with a letter or digit.");

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .regex(EMAIL, "Enter a valid email address, like name@example.com.");

export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(72, "Use at most 72 characters.")
  .regex(NO_CONTROL, "Remove control or invisible characters.");

export const promptSchema = z
  .string()
  .trim()
  .min(3, "Describe the app in at least 3 characters.")
  .max(4000, "Keep the description under 4,000 characters.");
