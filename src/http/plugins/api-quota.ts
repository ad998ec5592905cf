// API quotas: a daily number of calls per anonymous client address, with ODS's headers
// (X-RateLimit-Limit, -Remaining, -Reset) and its 429 body (`errorcode`, `reset_time`…). The
// counts are in the store, shared by every process; when the store cannot count, the call goes on.

import type { FastifyInstance } from 'fastify';

import type { DailyQuota, QuotaDecision } from '../../auth/index.ts';

/** ODS's error number for the anonymous users' quota. */
const ANONYMOUS_QUOTA_ERROR = 10005;

/** Counts the calls of an encapsulated API scope against `quota` (none: no quota). */
export function useApiQuota(scope: FastifyInstance, quota: DailyQuota | undefined): void {
  if (!quota) return;
  scope.addHook('onRequest', async (request, reply) => {
    // Signed-in users and API keys are not anonymous: this quota does not count them.
    if (request.method === 'OPTIONS' || request.viewer.via !== 'anonymous') return;
    let decision: QuotaDecision;
    try {
      decision = await quota.take(`ip:${request.ip}`);
    } catch (error) {
      request.log.warn({ err: error }, 'the API quota could not be counted');
      return;
    }
    void reply
      .header('x-ratelimit-limit', decision.limit)
      .header('x-ratelimit-remaining', decision.remaining)
      .header('x-ratelimit-reset', decision.resetEpoch);
    if (decision.allowed) return;
    const resetTime = new Date(decision.resetEpoch * 1000).toISOString().replace('.000Z', 'Z');
    await reply.code(429).send({
      errorcode: ANONYMOUS_QUOTA_ERROR,
      reset_time: resetTime,
      limit_time_unit: 'day',
      call_limit: decision.limit,
      error: `This address has made its ${decision.limit} API calls of the day, the limit for anonymous users of this portal. The count resets at ${resetTime}.`,
    });
  });
}
