/**
 * An application with files, as multipart/form-data: the part `application` holds the application
 * as JSON (what a JSON request's body is), and each file is a part named by the key its filepicker
 * field holds in `data` (`files::<id>`), as form-js gives a submitted form's files:
 *
 *   const { data, files } = form.submit();
 *   body.append('application', JSON.stringify({ serviceId, municipalityId, language, data }));
 *   for (const [key, list] of files) for (const file of list) body.append(key, file, file.name);
 *
 * The form is read before the schema is checked, so that the application part is checked exactly
 * as a JSON body is and its refusals name the same fields (`/body/data/<field>`). Files are kept
 * in memory up to the size limit and one file beyond the count limit, so that the use case can name
 * the field of a file that is too large or too many; what lies beyond is read past, not kept.
 */
import fastifyMultipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { uploadErrors } from '../../core/errors/upload-errors.ts';
import { invalidField, ProblemError } from '../../core/errors/problem-error.ts';
import { pointerOf } from '../../core/forms/form-data-check.ts';
import type { ReceivedFile, UploadLimits } from '../../core/forms/form-uploads.ts';
import { refuseBrokenText } from './text-input.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The files of an application sent as multipart, in the request's order; null for JSON. */
    uploadedFiles: ReceivedFile[] | null;
  }
}

const APPLICATION_PART = 'application';
/** The parser's refusals of one part too many. */
const COUNT_LIMITS: unknown[] = ['FST_FILES_LIMIT', 'FST_PARTS_LIMIT'];

export interface ApplicationFormLimits extends UploadLimits {
  /** Bytes of the application part, as of a JSON body. */
  applicationBytes: number;
}

type JsonParser = (text: string) => unknown;

/** What a client sent that is not an application form, as the refusal names it. */
function unreadable(error: unknown): ProblemError | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  switch (code) {
    case 'FST_PROTO_VIOLATION': return invalidField('/body', 'names a part with a name that is not allowed (__proto__, constructor, ...)');
    case 'FST_INVALID_JSON_FIELD_ERROR': return invalidField(`/body/${APPLICATION_PART}`, 'is not valid JSON');
    case 'FST_MP_PREMATURE_CLOSE': return invalidField('/body', 'ended before the form was complete');
    default:
      // The parser's own words for a body that is not multipart as its content type says.
      return typeof message === 'string' && /multipart|boundary/i.test(message) ? invalidField('/body', 'is not a readable multipart form') : undefined;
  }
}

async function contentOf(part: MultipartFile): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  // Over the limit the parser read past the rest: the part is refused, its start not kept.
  return part.file.truncated ? null : Buffer.concat(chunks);
}

/** The application part: a text field, or a file (a Blob of JSON); a field sent as application/json the parser has read already. */
async function applicationOf(part: Multipart, limits: ApplicationFormLimits, parseJson: JsonParser): Promise<unknown> {
  const pointer = `/body/${APPLICATION_PART}`;
  const tooLarge = () => uploadErrors.applicationTooLarge(pointer, `${limits.applicationBytes / 1024} KiB`);
  if (part.type === 'field') {
    if (part.valueTruncated) throw tooLarge();
    if (typeof part.value !== 'string') return part.value;
    return parseJson(part.value);
  }
  const content = await contentOf(part);
  if (content === null || content.length > limits.applicationBytes) throw tooLarge();
  return parseJson(content.toString('utf8'));
}

async function readApplicationForm(request: FastifyRequest, limits: ApplicationFormLimits, parseJson: JsonParser): Promise<{ application: unknown; files: ReceivedFile[] }> {
  let application: unknown;
  let given = false;
  const files: ReceivedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.fieldname === APPLICATION_PART) {
        if (given) throw invalidField(`/body/${APPLICATION_PART}`, 'is given twice');
        given = true;
        application = await applicationOf(part, limits, parseJson);
      } else if (part.type === 'field') {
        throw invalidField(pointerOf('/body', [part.fieldname]), 'is no part of an application: its JSON is the part "application", its files are named by their field\'s files:: key');
      } else {
        files.push({ reference: part.fieldname, fileName: part.filename, content: await contentOf(part) });
      }
    }
  } catch (error) {
    // More files than the limits: the ones read are enough for the use case to name the field (any other part is refused as it comes).
    if (!COUNT_LIMITS.includes((error as { code?: unknown }).code)) throw unreadable(error) ?? error;
  }
  if (!given) throw invalidField(`/body/${APPLICATION_PART}`, 'is required: the application as JSON, beside its files');
  return { application, files };
}

/**
 * Lets the routes of the calling plugin take an application as multipart/form-data besides JSON:
 * the form's application part becomes the request's body before the schema is checked (and the
 * text check, which ran before, is run on it), its files `request.uploadedFiles`.
 */
export async function acceptApplicationForms(app: FastifyInstance, limits: ApplicationFormLimits): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.maxBytes,
      // One beyond the limit, and the application if it comes as a file.
      files: limits.maxFiles + 2,
      parts: limits.maxFiles + 3,
      fieldSize: limits.applicationBytes,
      fieldNameSize: 200,
      headerPairs: 20,
    },
  });
  app.decorateRequest('uploadedFiles', null);
  // Fastify's own JSON parser, so that the part is read as a JSON body is (__proto__ refused too).
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  const parseJson: JsonParser = (text) => {
    let parsed: { error: Error | null; body: unknown } = { error: null, body: undefined };
    jsonParser(undefined as never, text, (error, body) => {
      parsed = { error, body };
    });
    if (parsed.error) throw invalidField(`/body/${APPLICATION_PART}`, 'is not valid JSON');
    return parsed.body;
  };
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const { application, files } = await readApplicationForm(request, limits, parseJson);
    refuseBrokenText(application, '/body');
    request.body = application;
    request.uploadedFiles = files;
  });
}
