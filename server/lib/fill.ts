/** A text with `{name}` placeholders filled in (the server's emails and documents). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ''));
}
