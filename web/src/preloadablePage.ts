import { type ComponentType, createElement, type LazyExoticComponent, lazy } from 'react';
import { matchRoutes } from 'react-router';
import { routeModules } from './routeModules.ts';

/** A page loaded on first visit that can be asked to load before it is rendered. */
export type PreloadablePage<P extends object> = ComponentType<P> & { preload(): Promise<unknown> };

/** The pages by the module they load (`./features/…`, as pages.ts imports it). */
const byModule = new Map<string, PreloadablePage<never>[]>();

/**
 * A page in its own chunk, loaded on first visit as with React.lazy, which the entry can start
 * loading before the first render (preloadPageOf). Once its module is there the page renders at
 * once instead of through Suspense: React reveals a boundary's content no sooner than 300 ms after
 * its fallback appeared, which held every deep link's page, and the page's own data request, back
 * by that much after everything had arrived.
 */
export function preloadablePage<M, P extends object>(
  module: string,
  load: () => Promise<M>,
  pick: (loaded: M) => ComponentType<P>,
): PreloadablePage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (found) => {
        loaded = pick(found);
        return loaded;
      },
      (error: unknown) => {
        // A failed fetch (offline, a deploy in between) is tried again on the next visit.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy: LazyExoticComponent<ComponentType<P>> = lazy(async () => ({ default: await preload() }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page, at module level (pages.ts), as React.lazy is
  const Page = (props: P) => createElement(loaded ?? (Lazy as ComponentType<P>), props);
  const page = Object.assign(Page, { preload });
  byModule.set(module, [...(byModule.get(module) ?? []), page as PreloadablePage<never>]);
  return page;
}

const routes = routeModules.map(([path, module]) => ({ path, module }));

/**
 * Starts loading the page of the address `pathname` (routeModules.ts, matched as the router
 * matches), so that it is there when the session has answered and the first render shows it.
 */
export function preloadPageOf(pathname: string): void {
  const route = matchRoutes(routes, pathname)?.at(-1)?.route;
  if (!route) return;
  // routeModules names modules from web/ (`src/features/…`), pages.ts from web/src/.
  for (const page of byModule.get(`./${route.module.replace(/^src\//, '')}`) ?? []) {
    // A failure shows when the page renders (its Suspense and error boundary), not here.
    page.preload().catch(() => undefined);
  }
}
