/**
 * A message template with its `{name}` placeholders filled. `format` turns a number into text (the language's
 * digits for a reader; plain digits in the English message the API and the logs carry). A placeholder without
 * a value stays as written, so a gap shows instead of a wrong word.
 */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
  format: (n: number) => string = String,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : typeof v === 'number' ? format(v) : v;
  });
}
