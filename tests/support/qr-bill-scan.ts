// Reads a QR-bill back from a PDF as a banking app would: rasterise page 1, find and decode the QR code.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with a `default` property; under nodenext the default import is the whole module.
const jsQR = jsQRModule.default;

/** The QR code's payload on page 1, decoded strictly as UTF-8; null when none is found. */
export async function scanQrCode(pdf: Buffer): Promise<string | null> {
  const directory = await mkdtemp(join(tmpdir(), 'invoice-qr-'));
  try {
    await writeFile(join(directory, 'invoice.pdf'), pdf);
    await promisify(execFile)('pdftoppm', ['-png', '-r', '300', '-f', '1', '-l', '1', join(directory, 'invoice.pdf'), join(directory, 'page')]);
    const png = PNG.sync.read(await readFile(join(directory, 'page-1.png')));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    // The payload is UTF-8 (coding type 1); decoding the raw bytes strictly proves it.
    return code ? new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(code.binaryData)) : null;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
