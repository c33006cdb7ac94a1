// Renders GitHub-flavoured Markdown (a job summary, a pull-request comment) to an HTML page styled
// roughly like github.com, and that page to a PNG with headless Chromium over the DevTools
// protocol, so the screenshot is exactly as tall as the content.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';

/** How a rendered report is framed: a job summary panel or a pull-request comment box. */
export interface Frame {
  kind: 'summary' | 'comment';
  /** Above the content: the job name, or who commented. */
  caption: string;
}

const CSS = `
:root { color-scheme: light; }
body { margin: 0; padding: 24px; background: #f6f8fa; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: #1f2328; }
.frame { max-width: 920px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.caption { padding: 8px 16px; border-bottom: 1px solid #d1d9e0; background: #f6f8fa; border-radius: 6px 6px 0 0; font-size: 14px; color: #59636e; }
.caption strong { color: #1f2328; }
.comment .caption { background: #ddf4ff; border-color: #b6e3ff; }
.markdown { padding: 16px 24px; word-wrap: break-word; }
.markdown > :first-child { margin-top: 0 !important; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; margin: 24px 0 16px; font-weight: 600; }
h3 { font-size: 1.25em; margin: 24px 0 16px; font-weight: 600; }
h4 { font-size: 1em; margin: 24px 0 16px; font-weight: 600; }
p, ul, ol, table, blockquote, details { margin: 0 0 16px; }
ul, ol { padding-left: 2em; }
li + li { margin-top: .25em; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
code { padding: .2em .4em; font-size: 85%; background: #818b981f; border-radius: 6px; font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, monospace; }
table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th { font-weight: 600; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
tr:nth-child(2n) { background: #f6f8fa; }
a { color: #0969da; text-decoration: none; }
hr { height: .25em; padding: 0; margin: 24px 0; background: #d1d9e0; border: 0; }
details summary { cursor: pointer; color: #1f2328; }
.markdown-alert { padding: 8px 16px; margin-bottom: 16px; border-left: .25em solid #9a6700; color: inherit; }
.markdown-alert-title { color: #9a6700; font-weight: 500; margin-bottom: 4px; }
`;

/** GitHub's `> [!WARNING]` alerts, which marked leaves as plain quotes. */
function alerts(html: string): string {
  return html.replace(/<blockquote>\s*<p>\[!(WARNING|NOTE|CAUTION|IMPORTANT|TIP)\]\s*/g, (_, kind: string) => `<blockquote class="markdown-alert"><p class="markdown-alert-title">⚠ ${kind[0]}${kind.slice(1).toLowerCase()}</p><p>`);
}

/** A standalone HTML page of the Markdown, framed as GitHub frames it. */
export function markdownPage(markdown: string, frame: Frame): string {
  // GitHub hides HTML comments (the comment's marker) and renders the rest as GFM.
  const body = alerts(marked.parse(markdown.replace(/<!--[\s\S]*?-->/g, ''), { gfm: true, async: false }) as string);
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="frame ${frame.kind}"><div class="caption">${frame.caption}</div><div class="markdown">${body}</div></div></body></html>`;
}

/** A minimal DevTools protocol client over the WebSocket of one page. */
class DevTools {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Array<(params: any) => void>>();
  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data));
      if (message.id && this.pending.has(message.id)) {
        const { resolve, reject } = this.pending.get(message.id)!;
        this.pending.delete(message.id);
        if (message.error) reject(new Error(message.error.message));
        else resolve(message.result);
      } else if (message.method) for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
    });
  }

  static async connect(url: string): Promise<DevTools> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => reject(new Error(`Cannot connect to ${url}`)), { once: true });
    });
    return new DevTools(socket);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  once(method: string): Promise<any> {
    return new Promise((resolve) => this.listeners.set(method, [...(this.listeners.get(method) ?? []), resolve]));
  }

  close(): void {
    this.socket.close();
  }
}

/** A headless Chromium (Debian's `chromium`) with a fresh profile, for as many screenshots as needed. */
export class Browser {
  private constructor(
    private readonly process: ReturnType<typeof spawn>,
    private readonly endpoint: string,
    private readonly profile: string,
  ) {}

  static async launch(binary = process.env.CHROMIUM ?? 'chromium'): Promise<Browser> {
    const profile = mkdtempSync(path.join(tmpdir(), 'chromium-profile-'));
    const child = spawn(binary, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    const endpoint = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr!.on('data', (chunk) => {
        stderr += chunk;
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`chromium exited (${code}) before it listened:\n${stderr}`)));
    });
    return new Browser(child, endpoint, profile);
  }

  /** Renders the HTML page at `width` CSS pixels (2x device pixels) to a PNG as tall as the page. */
  async screenshot(html: string, file: string, width = 968): Promise<void> {
    const page = path.join(this.profile, `page-${Date.now()}.html`);
    writeFileSync(page, html);
    const { origin } = new URL(this.endpoint.replace(/^ws/, 'http'));
    const target = (await (await fetch(`${origin}/json/new?about:blank`, { method: 'PUT' })).json()) as { id: string; webSocketDebuggerUrl: string };
    const tab = await DevTools.connect(target.webSocketDebuggerUrl);
    try {
      await tab.send('Page.enable');
      await tab.send('Emulation.setDeviceMetricsOverride', { width, height: 600, deviceScaleFactor: 2, mobile: false });
      const loaded = tab.once('Page.loadEventFired');
      await tab.send('Page.navigate', { url: pathToFileURL(page).href });
      await loaded;
      const { result } = await tab.send('Runtime.evaluate', { expression: 'Math.ceil(document.querySelector(".frame").getBoundingClientRect().bottom + 24)', returnByValue: true });
      await tab.send('Emulation.setDeviceMetricsOverride', { width, height: result.value, deviceScaleFactor: 2, mobile: false });
      const { data } = await tab.send('Page.captureScreenshot', { format: 'png' });
      writeFileSync(file, Buffer.from(data, 'base64'));
    } finally {
      tab.close();
      await fetch(`${origin}/json/close/${target.id}`).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill();
    await exited;
    rmSync(this.profile, { recursive: true, force: true });
  }
}
