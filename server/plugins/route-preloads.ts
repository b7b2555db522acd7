// The modulepreload links of each address of the web app: the chunk of the page that address loads
// lazily (web/src/routeModules.ts) and every chunk it imports statically, found in Vite's build
// manifest (web/dist/.vite/manifest.json), less what index.html loads already. Without them the
// browser finds the page's code only once the first screen has run and the session has answered,
// then each import of each chunk one after another.

/** One chunk of Vite's build manifest (https://vite.dev/guide/backend-integration). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface RoutePreload {
  /** The address's segments; `:name` matches any one segment, a last `*` any rest. */
  segments: string[];
  /** URLs of the JavaScript files to preload, the page's own chunk first. */
  files: string[];
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

/** The manifest keys of a chunk and of all it imports statically (not its lazy imports). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/**
 * The preloads of each route, most specific first (routes without parameters before those with).
 * A route whose module is not in the manifest (renamed, or an old build) gets none.
 */
export function routePreloads(
  manifest: Manifest,
  routes: readonly (readonly [path: string, module: string])[],
  base = '/',
): RoutePreload[] {
  const firstScreen = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry) staticClosure(manifest, key, firstScreen);
  }
  const table = routes.flatMap(([path, module]): RoutePreload[] => {
    if (!manifest[module]) return [];
    const files = [...staticClosure(manifest, module)]
      .filter((key) => !firstScreen.has(key))
      .map((key) => `${base}${(manifest[key] as ManifestChunk).file}`);
    return [{ segments: segmentsOf(path), files }];
  });
  const specific = (route: RoutePreload) => route.segments.some((s) => s.startsWith(':') || s === '*');
  return [...table.filter((r) => !specific(r)), ...table.filter(specific)];
}

function matches(segments: string[], path: string[]): boolean {
  if (segments.at(-1) === '*') {
    return (
      path.length >= segments.length && matches(segments.slice(0, -1), path.slice(0, segments.length - 1))
    );
  }
  return (
    segments.length === path.length &&
    segments.every((segment, i) => segment.startsWith(':') || segment === path[i])
  );
}

/** The preloads of the first route matching `pathname` (no query string), or none. */
export function preloadsFor(table: RoutePreload[], pathname: string): string[] {
  const path = segmentsOf(pathname);
  return table.find((route) => matches(route.segments, path))?.files ?? [];
}

const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * index.html with a modulepreload link for each file, before `</head>` (after the first screen's
 * own links, which come first). `data-route` tells them apart from Vite's own links.
 */
export function withPreloads(html: string, files: string[]): string {
  if (files.length === 0) return html;
  const links = files
    .map((file) => `<link rel="modulepreload" crossorigin href="${attribute(file)}" data-route>\n`)
    .join('');
  return html.replace('</head>', `${links}</head>`);
}
