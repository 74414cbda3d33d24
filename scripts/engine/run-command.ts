import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export type RunCommand = (command: string, args: readonly string[], options: RunOptions) => Promise<void>;

// Maven 3.8 prints colour reset codes even in batch mode with -q.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function forward(chunk: Buffer, to: NodeJS.WriteStream): void {
  const text = chunk.toString('utf8').replace(ANSI_ESCAPE, '');
  if (text.trim() !== '') to.write(text);
}

/** Runs a command, passing its output through; rejects when it cannot start or exits non-zero. */
export const runCommand: RunCommand = (command, args, options) =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => forward(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => forward(chunk, process.stderr));
    child.once('error', (error) => reject(new Error(`${command} could not be started: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
