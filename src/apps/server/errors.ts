import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_STATUS, type ErrorBody } from '../../contracts/http';
import { AppError } from '../../domain/appError';
import { validationSentence } from './validationMessages';

/** Every error leaves as { code, message, details?, requestId } with a status from contracts/http.ts. */
export function registerErrorHandlers(app: FastifyInstance, options: { isSpaFallback: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '';
    // The web UI routes on the client: any non-API GET that is not a file gets index.html.
    // A missing file (/assets/x.js after a rebuild) is a 404, never index.html served as JavaScript.
    const isFileRequest = /\.[a-z0-9]+$/i.test(urlPath);
    if (options.isSpaFallback && request.method === 'GET' && !isFileRequest && !urlPath.startsWith('/api/') && urlPath !== '/api') {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ code: 'not_found', message: `Route ${request.method} ${urlPath} not found`, requestId: request.id } satisfies ErrorBody);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;
    if (error instanceof AppError) {
      const body: ErrorBody = { code: error.code, message: error.message, requestId };
      if (error.details !== undefined) body.details = error.details;
      if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(ERROR_STATUS[error.code]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      // Each detail names its field (path) so a form can show the sentence under the right input.
      const details = error.validation.map((issue) => ({ where, path: issue.instancePath, message: validationSentence(issue, where) }));
      const message = details[0]?.message ?? 'The request is not valid.';
      return reply.code(400).send({ code: 'validation_failed', message, details, requestId } satisfies ErrorBody);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ code: 'bad_request', message: 'Send JSON with Content-Type: application/json.', requestId } satisfies ErrorBody);
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.code(400).send({ code: 'invalid_json', message: `The request body is not valid JSON: ${error.message}`, requestId } satisfies ErrorBody);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ code: 'payload_too_large', message: 'The request body is too large.', requestId } satisfies ErrorBody);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its contract');
    } else if (typeof error.statusCode === 'number' && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: 'bad_request', message: error.message, requestId } satisfies ErrorBody);
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return reply.code(500).send({ code: 'internal', message: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`, requestId } satisfies ErrorBody);
  });
}
