import { Controller, Get, Headers, Logger, Query, Res } from '@nestjs/common';
import { DomainError, ErrorCode } from '@simpul/common';
import { AccessTokenAuthenticator } from '@simpul/identity';
import { evaluationCsvLines } from './evaluation-csv';
import { EvaluationStatisticsService } from './evaluation-statistics';

/** The one thing the controller needs of the reply, on Fastify and Express alike. */
interface CsvReply {
  status(code: number): CsvReply;
  header(name: string, value: string): CsvReply;
  send(body: string): unknown;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
};

/**
 * GET /statistics/evaluation.csv?fromMonth=YYYY-MM&toMonth=YYYY-MM with `Authorization: Bearer …`:
 * the evaluation statistics as CSV — the same cells, suppression and scope as the
 * `evaluationStatistics` query (EvaluationStatisticsService), for spreadsheets and publication.
 * Errors answer JSON `{ code, message }` with the HTTP status of the code.
 */
@Controller('statistics')
export class StatisticsExportController {
  private readonly logger = new Logger(StatisticsExportController.name);

  constructor(
    private readonly authenticator: AccessTokenAuthenticator,
    private readonly statistics: EvaluationStatisticsService,
  ) {}

  @Get('evaluation.csv')
  async evaluationCsv(
    @Headers('authorization') authorization: string | undefined,
    @Query('fromMonth') fromMonth: unknown,
    @Query('toMonth') toMonth: unknown,
    @Res() reply: CsvReply,
  ): Promise<void> {
    try {
      const actor = await this.authenticator.authenticateBearer(authorization);
      const published = await this.statistics.publish(
        actor,
        typeof fromMonth === 'string' ? fromMonth : '',
        typeof toMonth === 'string' ? toMonth : '',
      );
      reply
        .status(200)
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="simpul-statistik-${published.fromMonth}_${published.toMonth}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(evaluationCsvLines(published.cells).join(''));
    } catch (error) {
      const known = error instanceof DomainError ? HTTP_STATUS[error.code] : undefined;
      if (!known || !(error instanceof DomainError)) {
        this.logger.error(
          `Statistics export failed: ${error instanceof Error ? error.name : 'error'}`,
        );
      }
      const domain = error instanceof DomainError && known ? error : null;
      reply
        .status(known ?? 500)
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          JSON.stringify({
            code: domain?.code ?? ErrorCode.INTERNAL_SERVER_ERROR,
            message: domain?.message ?? 'Internal server error',
            ...(domain?.details.field ? { field: domain.details.field } : {}),
          }),
        );
    }
  }
}
