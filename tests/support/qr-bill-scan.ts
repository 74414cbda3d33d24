// Reads a QR-bill back from a PDF as a banking app would: rasterise a page, find and decode the QR code.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with a `default` property; under nodenext the default import is the whole module.
const jsQR = jsQRModule.default;

/** The QR code's payload on the page (1 unless told), decoded strictly as UTF-8; null when none is found. */
export async function scanQrCode(pdf: Buffer, page = 1): Promise<string | null> {
  const directory = await mkdtemp(join(tmpdir(), 'invoice-qr-'));
  try {
    await writeFile(join(directory, 'invoice.pdf'), pdf);
    await promisify(execFile)('pdftoppm', ['-png', '-r', '300', '-f', String(page), '-l', String(page), join(directory, 'invoice.pdf'), join(directory, 'page')]);
    // pdftoppm pads the page number to the document's page count's width: page-1.png, or page-01.png from ten pages on.
    const [image] = (await readdir(directory)).filter((file) => file.endsWith('.png'));
    const png = PNG.sync.read(await readFile(join(directory, image ?? 'page.png')));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    // The payload is UTF-8 (coding type 1); decoding the raw bytes strictly proves it.
    return code ? new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(code.binaryData)) : null;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
