/**
 * A lean tRPC HTTP handler for Hono: the wire protocol of tRPC v11's HTTP adapters (what
 * `httpLink` and `httpBatchLink` send and expect: `GET /trpc/a.b?input=…`, `POST` with a JSON
 * body, `?batch=1` with comma-separated paths and `{"0": …}` inputs, `{result:{data}}` /
 * `{error}` replies, 207 for mixed batch statuses, the router's error formatter and transformer),
 * without building a fetch `Request` for tRPC, an `AbortSignal` per call, or tRPC's general
 * response machinery. Procedures are called the way tRPC's own `resolveResponse` calls them.
 *
 * Anything else (HEAD/OPTIONS, non-JSON bodies, streaming `trpc-accept: application/jsonl`,
 * subscriptions, connection params) goes to the stock adapter (`@hono/trpc-server`), so the
 * fast path never has to be complete to be correct.
 *
 * Written against @trpc/server 11.25 (`resolveResponse` and `getRequestInfo` in its
 * `resolveResponse-*.mjs`); `trpc-handler.test.ts` checks replies byte for byte against the
 * stock adapter.
 */
import { trpcServer } from '@hono/trpc-server';
import type { AnyTRPCProcedure, AnyTRPCRouter, TRPCError } from '@trpc/server';
import {
  getErrorShape,
  getHTTPStatusCode,
  getParseFn,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  isObject,
  middlewareMarker,
  TRPCError as TRPCErrorClass,
  type TRPCErrorShape,
  type TRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { JsonText } from './json-text.js';
import { API_CACHE_CONTROL } from './security-headers.js';

/** Where the context writes response headers (cookies). */
export interface ResponseHeaderSink {
  readonly append: (name: string, value: string) => void;
}

export interface TrpcHandlerOptions<TContext> {
  readonly router: AnyTRPCRouter;
  /** The path the router is mounted at, e.g. `/trpc`. */
  readonly endpoint: string;
  /**
   * The context of one request; `servesJsonText` is true when the handler can splice a reply of
   * JSON text (`JsonText`) into its response as it is (this fast path, with tRPC's default
   * transformer), false for tRPC's stock adapter.
   */
  readonly createContext: (c: HonoContext, headers: ResponseHeaderSink, servesJsonText: boolean) => TContext;
  readonly onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
  /**
   * Builds a reply that sets no cookie (by default Hono's `c.body`): the app passes
   * `securedReply`, which adds the security headers in the same plain record.
   */
  readonly reply?: (body: string, status: number, headers: Record<string, string>) => Response;
}

type Call = { readonly path: string; readonly procedure: AnyTRPCProcedure | null };
type ProcedureType = 'query' | 'mutation' | 'subscription';
type Reply = TRPCResponse<unknown, TRPCErrorShape>;

const badRequest = (message: string, cause?: unknown) => new TRPCErrorClass({ code: 'BAD_REQUEST', message, cause });

export function trpcHandler<TContext>(options: TrpcHandlerOptions<TContext>): MiddlewareHandler {
  const { router, endpoint, createContext, onError, reply } = options;
  const config = router._def._config;
  const prefixLength = endpoint.length + 1;
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;
  const found = new Map<string, AnyTRPCProcedure>();
  // JSON text goes into a reply as it is only where the transformer leaves data as it is.
  const probe = {};
  const servesJsonText = config.transformer.output.serialize(probe) === probe;

  const stock = trpcServer({
    router,
    endpoint,
    createContext: ({ resHeaders }, c) =>
      createContext(c, { append: (name, value) => resHeaders.append(name, value) }, false) as Record<string, unknown>,
    onError: ({ error, path }) => onError?.({ error, path }),
  });

  const procedureAt = async (path: string): Promise<AnyTRPCProcedure | null> => {
    const known = found.get(path);
    if (known) return known;
    const procedure = Object.hasOwn(procedures, path)
      ? (procedures[path] ?? null)
      : ((await getProcedureAtPath(router, path)) as AnyTRPCProcedure | null);
    if (procedure) found.set(path, procedure);
    return procedure;
  };

  /** `transformTRPCResponse` of one reply, without `_objectSpread2` (see `callProcedure`). */
  const serialized = (item: Reply): Reply => {
    if ('error' in item) return { ...item, error: config.transformer.output.serialize(item.error) };
    if ('data' in item.result) {
      return { ...item, result: { ...item.result, data: config.transformer.output.serialize(item.result.data) } };
    }
    return item;
  };

  const shapeOf = (error: TRPCError, path: string | undefined, type: string, input: unknown, ctx: unknown) =>
    getErrorShape({ config, error, type: type as ProcedureType | 'unknown', path, input, ctx });

  return async (c) => {
    const method = c.req.method;
    const isGet = method === 'GET';
    // The query string, parsed once (first value of each name, as `c.req.query(name)` gives it).
    const query = c.req.query();
    if (
      (!isGet && method !== 'POST') ||
      (!isGet && !isJson(c.req.header('content-type'))) ||
      c.req.header('trpc-accept') !== undefined ||
      c.req.header('accept')?.includes('application/jsonl') ||
      query.connectionParams !== undefined
    ) {
      return stock(c, async () => {});
    }
    const headers: Record<string, string | string[]> = {
      vary: 'trpc-accept, accept',
      'content-type': 'application/json',
      'cache-control': API_CACHE_CONTROL,
    };
    const cookies: string[] = [];
    const sink: ResponseHeaderSink = {
      append: (name, value) => {
        if (name.toLowerCase() === 'set-cookie') cookies.push(value);
        else headers[name] = value;
      },
    };
    const isBatch = query.batch === '1';
    let ctx: TContext | undefined;
    let type: string = 'unknown';
    let calls: Call[];
    try {
      let path = c.req.path.slice(prefixLength);
      if (path.includes('%')) {
        try {
          path = decodeURIComponent(path);
        } catch (cause) {
          throw badRequest(`Invalid URL-encoding in path "${path}"`, cause);
        }
      }
      const paths = isBatch ? path.split(',') : [path];
      calls = [];
      for (const p of paths) calls.push({ path: p, procedure: found.get(p) ?? (await procedureAt(p)) });
      for (const call of calls) {
        const callType = call.procedure?._def.type;
        if (callType === undefined) continue;
        if (type !== 'unknown' && callType !== type) {
          const types = new Set(calls.flatMap((c) => (c.procedure ? [c.procedure._def.type] : [])));
          throw badRequest(`Cannot mix procedure types in call: ${[...types].join(', ')}`);
        }
        type = callType;
      }
      if (type === 'subscription') return stock(c, async () => {});
    } catch (cause) {
      return replyWithError(cause);
    }

    // Inputs are read once, when the first procedure asks for its input (as tRPC does).
    let inputs: Promise<Record<number, unknown>> | undefined;
    const readInputs = async (): Promise<Record<number, unknown>> => {
      let raw: unknown;
      try {
        if (isGet) {
          const input = query.input;
          if (input) raw = JSON.parse(input);
        } else {
          const body = await c.req.text();
          if (body) raw = JSON.parse(body);
        }
      } catch (cause) {
        throw badRequest(cause instanceof Error ? cause.message : 'Invalid input', cause);
      }
      const byIndex: Record<number, unknown> = Object.create(null);
      if (raw === undefined) return byIndex;
      if (!isBatch) {
        byIndex[0] = config.transformer.input.deserialize(raw);
        return byIndex;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw badRequest('"input" needs to be an object when doing a batch call');
      }
      for (let i = 0; i < calls.length; i++) {
        const value = (raw as Record<string, unknown>)[i];
        if (value !== undefined) byIndex[i] = config.transformer.input.deserialize(value);
      }
      return byIndex;
    };
    let inputsRead: Record<number, unknown> | undefined;
    const inputOf = async (index: number) => {
      inputs ??= readInputs();
      inputsRead = await inputs;
      return inputsRead[index];
    };

    let contextError: unknown;
    try {
      ctx = createContext(c, sink, servesJsonText);
    } catch (cause) {
      contextError = cause;
    }

    const errors: (TRPCError | undefined)[] = [];
    const callOne = async ({ path, procedure }: Call, index: number): Promise<Reply> => {
      try {
        if (!procedure)
          throw new TRPCErrorClass({ code: 'NOT_FOUND', message: `No procedure found on path "${path}"` });
        const procedureType = procedure._def.type as ProcedureType;
        if ((procedureType === 'query') !== isGet) {
          headers.allow = procedureType === 'query' ? 'GET' : 'POST';
          throw new TRPCErrorClass({
            code: 'METHOD_NOT_SUPPORTED',
            message: `Unsupported ${method}-request to ${procedureType} procedure at path "${path}"`,
          });
        }
        if (contextError !== undefined) throw contextError;
        const data = await callProcedure(procedure, {
          path,
          getRawInput: () => inputOf(index),
          ctx,
          type: procedureType,
          signal: undefined,
          batchIndex: index,
        });
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        errors[index] = error;
        onError?.({ error, path });
        return { error: shapeOf(error, path, procedure?._def.type ?? 'unknown', inputsRead?.[index], ctx) };
      }
    };
    const replies: Reply[] =
      calls.length === 1 ? [await callOne(calls[0] as Call, 0)] : await Promise.all(calls.map(callOne));
    const status = getHTTPStatusCode(replies, errors as TRPCError[]);
    const body = isBatch
      ? `[${replies.map((r) => replyText(serialized(r))).join(',')}]`
      : replyText(serialized(replies[0] as Reply));
    return respond(body, status);

    function respond(text: string, statusCode: number): Response {
      if (cookies.length === 0 && reply) return reply(text, statusCode, headers as Record<string, string>);
      if (cookies.length > 0) headers['set-cookie'] = cookies;
      return c.body(text, statusCode as 200, headers);
    }

    function replyWithError(cause: unknown): Response {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path: undefined });
      // tRPC answers a request it could not parse without a JSON content type: so do we.
      delete headers['content-type'];
      const reply: Reply = { error: shapeOf(error, undefined, type, undefined, ctx) };
      const status = getHTTPStatusCode(reply, [error]);
      return respond(JSON.stringify(serialized(reply)), status);
    }
  };
}

type MiddlewareResult = { ok: true; data: unknown } | { ok: false; error: TRPCError };
type CallOptions = Parameters<AnyTRPCProcedure>[0] & { input?: unknown };
interface NextOptions {
  ctx?: object;
  input?: unknown;
  getRawInput?: CallOptions['getRawInput'];
}
type Middleware = ((opts: MiddlewareOptions) => Promise<MiddlewareResult>) & { _type?: string };
type MiddlewareOptions = CallOptions & { meta: unknown; next: (opts?: NextOptions) => Promise<MiddlewareResult> };
interface ProcedureDef {
  readonly middlewares?: Middleware[];
  readonly inputs?: readonly unknown[];
  readonly output?: unknown;
  readonly meta?: unknown;
  readonly experimental_caller?: boolean;
}

/** tRPC's input middleware (`createInputMiddleware`), without `_objectSpread2`. */
const inputMiddleware = (parse: (value: unknown) => unknown): Middleware =>
  async function inputValidatorMiddleware(opts) {
    let parsedInput: unknown;
    const rawInput = await opts.getRawInput();
    try {
      parsedInput = await parse(rawInput);
    } catch (cause) {
      throw new TRPCErrorClass({ code: 'BAD_REQUEST', cause });
    }
    const combinedInput =
      isObject(opts.input) && isObject(parsedInput) ? { ...opts.input, ...parsedInput } : parsedInput;
    return opts.next({ input: combinedInput });
  };

/** tRPC's output middleware (`createOutputMiddleware`), without `_objectSpread2`. */
const outputMiddleware = (parse: (value: unknown) => unknown): Middleware =>
  async function outputValidatorMiddleware({ next }) {
    const result = await next();
    // JSON text was validated against this schema when it was stored (`member-views/`).
    if (!result.ok || result.data instanceof JsonText) return result;
    try {
      const data = await parse(result.data);
      return { ...result, data };
    } catch (cause) {
      throw new TRPCErrorClass({ message: 'Output validation failed', code: 'INTERNAL_SERVER_ERROR', cause });
    }
  };

/**
 * A procedure's middlewares as this handler runs them: tRPC's own, except its input and output
 * validators, which are rebuilt from the procedure's parsers (`getParseFn`, as tRPC builds them)
 * without the down-levelled spread. Null for procedures with a custom caller.
 */
const plans = new WeakMap<AnyTRPCProcedure, Middleware[] | null>();
function middlewaresOf(procedure: AnyTRPCProcedure): Middleware[] | null {
  let plan = plans.get(procedure);
  if (plan !== undefined) return plan;
  const def = procedure._def as ProcedureDef;
  const middlewares = def.middlewares;
  if (def.experimental_caller || !Array.isArray(middlewares)) {
    plan = null;
  } else {
    const inputs = def.inputs ?? [];
    const inputMiddlewares = middlewares.filter((m) => m._type === 'input').length;
    let nextInput = 0;
    plan = middlewares.map((m) => {
      if (m._type === 'output' && def.output !== undefined) return outputMiddleware(getParseFn(def.output as never));
      if (m._type === 'input' && inputMiddlewares === inputs.length) {
        return inputMiddleware(getParseFn(inputs[nextInput++] as never));
      }
      return m;
    });
  }
  plans.set(procedure, plan);
  return plan;
}

/**
 * Calls a procedure as tRPC's `createProcedureCaller` does (its middlewares in order, each
 * `next()` merging the context and input it is given), without its object spreads: tRPC's
 * published build spreads through a down-levelled helper (`_objectSpread2`, property by
 * property with `defineProperty`) that cost more than the rest of a trivial call.
 * Procedures with a custom caller go through tRPC itself.
 */
async function callProcedure(procedure: AnyTRPCProcedure, opts: CallOptions): Promise<unknown> {
  const middlewares = middlewaresOf(procedure);
  if (middlewares === null) return procedure(opts);
  const meta = (procedure._def as ProcedureDef).meta;
  // Each options object is written out field by field: spreading them (as tRPC does) cost
  // microseconds per middleware in V8, more than most middlewares do.
  const { path, type, signal, batchIndex } = opts;
  const run = async (
    index: number,
    ctx: unknown,
    input: unknown,
    getRawInput: CallOptions['getRawInput'],
  ): Promise<MiddlewareResult> => {
    try {
      const middleware = middlewares[index];
      if (!middleware) throw new TypeError('middleware is not a function');
      return await middleware({
        ctx,
        type,
        path,
        input,
        getRawInput,
        meta,
        signal,
        batchIndex,
        next: (nextOpts?: NextOptions) =>
          run(
            index + 1,
            nextOpts?.ctx ? Object.assign({}, ctx, nextOpts.ctx) : ctx,
            nextOpts && 'input' in nextOpts ? nextOpts.input : input,
            nextOpts?.getRawInput ?? getRawInput,
          ),
      } as MiddlewareOptions);
    } catch (cause) {
      return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: middlewareMarker } as MiddlewareResult;
    }
  };
  const result = await run(0, opts.ctx, opts.input, opts.getRawInput);
  if (!result) {
    throw new TRPCErrorClass({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'No result from middlewares - did you forget to `return next()`?',
    });
  }
  if (!result.ok) throw result.error;
  return result.data;
}

/**
 * One reply as JSON: `JSON.stringify`, except that data of JSON text (a stored view) goes in as
 * it is. (A batch is the replies joined in brackets, as `JSON.stringify` writes an array.)
 */
function replyText(reply: Reply): string {
  if ('result' in reply && reply.result.data instanceof JsonText)
    return `{"result":{"data":${reply.result.data.text}}}`;
  return JSON.stringify(reply);
}

/** `application/json`, case-insensitive, parameters ignored (as tRPC decides it). */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}
