/**
 * Three touches to the generated OpenAPI 3.0 document so that it lints clean (and generated clients
 * stay tidy): a nullable reference gets the `type` OpenAPI 3.0 wants beside `nullable`, an `allOf`
 * of one reference alone (how an optional named schema comes out) becomes that reference, and the
 * component schemas no operation reaches are dropped (the Zod generator registers an input and an
 * output variant of every named schema, used or not).
 */
type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (isNode(value)) {
    visit(value);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

function typeOfReference(node: Node, schemas: Record<string, Node>): string | undefined {
  const parts = (node.allOf ?? node.anyOf ?? node.oneOf) as Node[] | undefined;
  const ref = parts?.[0]?.$ref;
  if (typeof ref !== 'string') return undefined;
  return schemas[ref.split('/').pop() ?? '']?.type as string | undefined;
}

export function tidyOpenApi<D extends Node>(doc: D): D {
  const components = (doc.components ?? {}) as Node;
  const schemas = (components.schemas ?? {}) as Record<string, Node>;
  walk(doc, (node) => {
    if (node.nullable === true && node.type === undefined) {
      const type = typeOfReference(node, schemas);
      if (type) node.type = type;
    }
    const parts = node.allOf;
    if (Array.isArray(parts) && parts.length === 1 && Object.keys(node).length === 1 && isNode(parts[0])) {
      delete node.allOf;
      Object.assign(node, parts[0]);
    }
  });

  // Keep what the paths reach, directly or through other schemas.
  const reached = new Set<string>();
  const pending: unknown[] = [doc.paths];
  while (pending.length > 0) {
    walk(pending.pop(), (node) => {
      const ref = node.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
        const name = ref.slice('#/components/schemas/'.length);
        if (!reached.has(name)) {
          reached.add(name);
          pending.push(schemas[name]);
        }
      }
    });
  }
  components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
  return doc;
}
