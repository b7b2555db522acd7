// The browser tests' SMTP server: the portal under test sends its emails here (SMTP_URL), and the
// tests read what arrived over HTTP — the real SMTP path, end to end. Started by Playwright
// (playwright.config.ts) before the portal, stopped after the run.
import { createServer } from 'node:http';
import { SmtpSink } from '../server/test/smtp-sink.ts';

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3125);
const httpPort = Number(process.env.E2E_SMTP_HTTP_PORT ?? 3126);

const sink = new SmtpSink();
await sink.start(smtpPort);
createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200).end('ok');
    return;
  }
  if (request.url === '/messages') {
    const messages = sink.messages.map((m) => ({
      to: (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).map((a) => a.text).join(', '),
      subject: m.subject ?? '',
      text: m.text ?? '',
      // Base64, so a test can read an attached PDF as the recipient would.
      attachments: m.attachments.map((a) => ({
        filename: a.filename ?? '',
        content: a.content.toString('base64'),
      })),
    }));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
    return;
  }
  response.writeHead(404).end();
}).listen(httpPort, '127.0.0.1');
console.log(`SMTP sink on ${smtpPort}, its messages on http://127.0.0.1:${httpPort}/messages`);
