import { type ErrorKey, type ErrorParams, isErrorKey } from '../i18n/errors/index.js';

/**
 * A schema rule's message as a catalogue entry. zod keeps a rule's message as text, so a rule names its
 * `invalid_request.*` key and values in that text, and zodRequestError reads them back to say the rule in the
 * reader's language. The field is never the rule's to give: it comes from where zod found the fault.
 */
export type RuleKey = Extract<ErrorKey, `invalid_request.${string}`>;

type RuleValues<K extends RuleKey> = Omit<ErrorParams<K>, 'field'>;

/** A control character no catalogue key holds, between the key and its values. */
const SEPARATOR = '\u0000';

export function ruleMessage<K extends RuleKey>(
  key: K,
  ...[values]: keyof RuleValues<K> extends never ? [] : [RuleValues<K>]
): string {
  return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

/** The catalogue entry a rule's message names, or undefined for any other text (zod's own words, say). */
export function readRuleMessage(
  message: string,
): { key: RuleKey; values: Record<string, string | number> } | undefined {
  const at = message.indexOf(SEPARATOR);
  const key = at < 0 ? message : message.slice(0, at);
  if (!key.startsWith('invalid_request.') || !isErrorKey(key)) return undefined;
  return { key: key as RuleKey, values: at < 0 ? {} : (JSON.parse(message.slice(at + 1)) as Record<string, string>) };
}
