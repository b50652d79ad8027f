import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { DomainError, ErrorCode, forbidden } from '@simpul/common';
import { AccessTokenAuthenticator, hasRole, Role, type Actor } from '@simpul/identity';
import { LedgerExporter } from '@simpul/ledger';
import { CaseDossierBuilder } from './case-dossier';
import { DOSSIER_STYLE_HASH, renderCaseDossierHtml } from './case-dossier.html';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * Exports for auditors over plain HTTP, bearer-authenticated like /graphql (docs/ledger-format.md,
 * "Exports"):
 *
 * - GET /exports/ledger.jsonl[?from=&to=&consistencyFrom=] — AUDITOR, ADMIN: the ledger or a
 *   range as JSON Lines, streamed; `X-Simpul-Entries` announces the count so a client can show
 *   progress (the length is not known in advance).
 * - GET /exports/cases/:caseId/dossier.json — AUDITOR: the case dossier.
 * - GET /exports/cases/:caseId/dossier.html — AUDITOR: its printable Berita Acara Serah Terima.
 *
 * Errors answer the GraphQL API's codes as `{ "error": { "code", "message" } }` with the matching
 * HTTP status; nothing half-written is sent after the headers.
 */
@Controller('exports')
export class LedgerExportController {
  private readonly logger = new Logger(LedgerExportController.name);

  constructor(
    private readonly authenticator: AccessTokenAuthenticator,
    private readonly exporter: LedgerExporter,
    private readonly dossiers: CaseDossierBuilder,
  ) {}

  @Get('ledger.jsonl')
  async ledger(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: Record<string, string | undefined>,
  ): Promise<void> {
    await this.answer(reply, async () => {
      await this.actorWith(request, [Role.AUDITOR, Role.ADMIN]);
      const prepared = await this.exporter.prepare({
        from: single(query.from),
        to: single(query.to),
        consistencyFrom: single(query.consistencyFrom),
      });
      const name = `simpul-ledger-${prepared.from}-${prepared.to}.jsonl`;
      void reply
        .header('content-type', 'application/jsonl; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .header('x-simpul-entries', String(prepared.count))
        .header('access-control-expose-headers', 'X-Simpul-Entries')
        .send(Readable.from(prepared.lines));
    });
  }

  @Get('cases/:caseId/dossier.json')
  async dossierJson(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('caseId') caseId: string,
  ): Promise<void> {
    await this.answer(reply, async () => {
      const dossier = await this.dossiers.build(
        await this.actorWith(request, [Role.AUDITOR]),
        caseId,
      );
      const body = `${JSON.stringify(dossier, null, 2)}\n`;
      void reply
        .header('content-type', 'application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="dosier-${dossier.case.reference.replace(/[^A-Za-z0-9-]/g, '_')}.json"`,
        )
        .header('cache-control', 'no-store')
        .header('x-simpul-entries', String(dossier.entries.length))
        .send(body);
    });
  }

  @Get('cases/:caseId/dossier.html')
  async dossierHtml(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('caseId') caseId: string,
  ): Promise<void> {
    await this.answer(reply, async () => {
      const dossier = await this.dossiers.build(
        await this.actorWith(request, [Role.AUDITOR]),
        caseId,
      );
      void reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        // The page's one inline stylesheet, by hash; no script at all.
        .header(
          'content-security-policy',
          `default-src 'none'; style-src '${DOSSIER_STYLE_HASH}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
        )
        .send(renderCaseDossierHtml(dossier));
    });
  }

  private async actorWith(request: FastifyRequest, roles: Role[]): Promise<Actor> {
    const header = request.headers.authorization;
    const actor = await this.authenticator.authenticateBearer(
      typeof header === 'string' ? header : undefined,
    );
    if (!roles.some((role) => hasRole(actor, role))) {
      throw forbidden(`Only ${roles.join(' and ')} export the ledger`);
    }
    return actor;
  }

  private async answer(reply: FastifyReply, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const known = error instanceof DomainError ? error : undefined;
      if (!known) this.logger.error(`Ledger export failed: ${(error as Error).message}`);
      const code = known?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
      void reply
        .status(STATUS[code] ?? 500)
        .header('content-type', 'application/json; charset=utf-8')
        .send({
          error: {
            code,
            message: known ? known.message : 'Internal error',
            ...(known?.details.field ? { field: known.details.field } : {}),
          },
        });
    }
  }
}

/** A query parameter given twice is refused as unreadable rather than guessed. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? 'repeated' : value;
}
