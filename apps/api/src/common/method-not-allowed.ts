import type { Request } from 'express';

interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/**
 * True when the path exists under another method, so the miss is a 405, not a 404 (Express
 * itself answers 404 for both).
 */
export function pathHasOtherMethods(request: Request): boolean {
  const router = (request.app as unknown as { router?: { stack: RouterLayer[] } }).router;
  const method = request.method.toLowerCase();
  return (router?.stack ?? []).some(
    (layer) => layer.route && !layer.route.methods[method] && safeMatch(layer, request.path),
  );
}

function safeMatch(layer: RouterLayer, path: string): boolean {
  try {
    return layer.match(path);
  } catch {
    return false;
  }
}
