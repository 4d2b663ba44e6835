import type { FastifyInstance, FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';
import { AppError, appError } from '../errors.js';
import { readRuleMessage } from './rule-message.js';

/** Lets route handlers see the types of the zod schemas they declare. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: result.error };
  };

/** Route schemas are zod schemas: fastify runs them as validators and reports failures as `invalid_request`. */
export function useZod(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  // Responses are plain objects built by handlers; serialising them with JSON.stringify keeps one source of truth.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}

/** How zod's own English messages begin; any other message is the schema's (see zodRequestError). */
const ZOD_WORDING = /^(Too big|Too small|Invalid|Unrecognized key)/;

/**
 * A zod failure as `invalid_request` naming the field and the rule from the catalogue, so each reader gets it in
 * their language ("prompt: at most 2000 characters"). Only the first issue is said: one clear line, and the
 * next one surfaces once it is fixed. A rule that names its catalogue entry (ruleMessage) is said with it, which
 * may say more than the one bound zod reports ("between 15 and 50"); any other words of a schema are kept.
 */
export function zodRequestError(error: z.ZodError, prefix: string): AppError {
  const issue = error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.') || 'body';
  if (!issue) return appError('invalid_request.rule', { field, rule: 'invalid' });
  const rule = readRuleMessage(issue.message);
  if (rule) return new AppError('invalid_request', { key: rule.key, params: { ...rule.values, field } });
  if (!ZOD_WORDING.test(issue.message)) return appError('invalid_request.rule', { field, rule: issue.message });
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.inclusive === false) return appError('invalid_request.below', { field, max });
      if (issue.origin === 'string') return appError('invalid_request.too_long', { field, max });
      if (issue.origin === 'array' || issue.origin === 'set')
        return appError('invalid_request.too_many', { field, max });
      return appError('invalid_request.too_big', { field, max });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.inclusive === false) return appError('invalid_request.above', { field, min });
      if (issue.origin === 'string') return appError('invalid_request.too_short', { field, min });
      if (issue.origin === 'array' || issue.origin === 'set')
        return appError('invalid_request.too_few', { field, min });
      return appError('invalid_request.too_small', { field, min });
    }
    case 'invalid_type':
      // zod keeps no input in the issue; its own text is the one place that says the field was absent.
      if (/received undefined$/.test(issue.message)) return appError('invalid_request.required', { field });
      return appError('invalid_request.type', { field, expected: issue.expected });
    case 'invalid_value':
      return appError('invalid_request.choice', { field, options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return appError('invalid_request.unknown_keys', { field, keys: issue.keys.join(', ') });
    case 'invalid_format':
      if (issue.format !== 'regex') return appError('invalid_request.format', { field, format: issue.format });
      return appError('invalid_request.rule', { field, rule: issue.message });
    default:
      return appError('invalid_request.rule', { field, rule: issue.message });
  }
}
