// The ceiling of the HTTP bench: a bare Fastify route answering a constant, in its own process,
// so that every route of the real app is compared with what Fastify alone reaches on this machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
