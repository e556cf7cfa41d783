/**
 * Runs a Node script in a process of its own that answers with one IPC message, as the
 * search indexer and the search documents' writer do. Its stderr is shown as it comes and
 * the end of it kept for the error: a crash (Pagefind's included) is reported only there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The child's one message; rejects, saying `stopped` and why, when it ends without one. */
export function forkForReply<T>(script: URL, args: readonly string[], stopped: string, started?: (child: ChildProcess) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(script), args, { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    started?.(child);
    let reply: { message: T } | undefined;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('message', (message: T) => (reply = { message }));
    child.on('error', reject);
    // 'close', not 'exit': the reply may still be in the IPC channel when the process exits.
    child.on('close', (code, signal) => {
      if (reply) resolve(reply.message);
      else reject(new Error(`${stopped} (${signal ?? `exit code ${code}`})${stderr.trim() ? `, saying:\n${stderr.trim()}` : ''}`));
    });
  });
}
