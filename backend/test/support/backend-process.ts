import { ChildProcess, spawn } from 'node:child_process';
import { basename, join } from 'node:path';

// The backend root, from test/support (jest runs the sources) or dist/test/support (the compiled soak).
const UP = join(__dirname, '../..');
const MAIN = join(basename(UP) === 'dist' ? join(UP, '..') : UP, 'dist/src/main.js');

/** The built backend (`node dist/src/main.js`) as a separate process, as `npm start` runs it. */
export class BackendProcess {
  private child: ChildProcess | null = null;
  output = '';
  /** Node options before the script (`--cpu-prof`…); a cluster's workers inherit them. */
  nodeArgs: string[] = [];

  constructor(private readonly env: Record<string, string>) {}

  get url(): string {
    return this.env.PUBLIC_URL;
  }

  /** The running backend's process id (the soak reads its memory from /proc), or undefined when stopped. */
  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, [...this.nodeArgs, MAIN], {
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(`${this.url}/health`);
        if (res.status === 200) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`backend did not become healthy in ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGTERM and wait for a clean exit (graceful shutdown), or SIGKILL with `kill`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.child = null;
    return code;
  }
}

/**
 * A backend process reached on its own port while it shares PUBLIC_URL (the JWT issuer) with its peers, as
 * instances behind a load balancer do.
 */
export class BackendBehindBalancer extends BackendProcess {
  constructor(
    env: Record<string, string>,
    private readonly direct: string,
  ) {
    super(env);
  }

  override get url(): string {
    return this.direct;
  }
}
