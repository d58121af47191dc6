import { z } from 'zod';
import { referenceProblem } from '../../../domain/privacy/privacyRequest.ts';
import type { PrivacyEraseBody, PrivacyExportBody } from './contract.ts';

/** A UPN is at most 113 characters in Entra; an object id is 36. 256 leaves room and no more. */
const Person = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(256, 'at most 256 characters')
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f\s]/.test(s), 'must be one address or object id, without spaces');

const Reference = z
  .string()
  .trim()
  .refine((s) => referenceProblem(s) === undefined, {
    message: 'must be a case reference: up to 64 letters, digits and . _ : / # - (no names or addresses)',
  });

export const PrivacyExportSchema = z.strictObject({ user: Person, reference: Reference.optional() });
PrivacyExportSchema.parse satisfies (input: unknown) => PrivacyExportBody;

export const PrivacyEraseSchema = z.strictObject({
  user: Person,
  confirm: z.string().trim().min(1, "type the person's address again").max(256, 'at most 256 characters'),
  reference: Reference.optional(),
});
PrivacyEraseSchema.parse satisfies (input: unknown) => PrivacyEraseBody;
