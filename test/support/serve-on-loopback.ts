import { serve, type ServerType } from '@hono/node-server';

/** Serves `fetch` on a free port of 127.0.0.1 and answers once it listens, with the address to reach it. */
export async function serveOnLoopback(fetch: Parameters<typeof serve>[0]['fetch']): Promise<{ server: ServerType; base: string }> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** Closes a server started by `serveOnLoopback`; nothing to do when it never started. */
export async function stopServer(server: ServerType | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
