import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests: accepts every message on 127.0.0.1 and keeps it parsed. It can be
 * stopped and started again on the same port, to play an SMTP outage.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  port = 0;
  /** While true the server is up but refuses every message (451, try later), as a full spool does. */
  refusing = false;
  /** Messages refused while `refusing`. */
  refused = 0;
  private server: SMTPServer | null = null;

  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, done) => {
        if (this.refusing) {
          this.refused++;
          stream.on('end', () => done(Object.assign(new Error('Try again later'), { responseCode: 451 })));
          stream.resume();
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits until `count` messages have arrived (or fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 20_000): Promise<ParsedMail[]> {
    const until = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} emails, got ${this.messages.length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.messages;
  }
}
