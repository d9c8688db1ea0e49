import type { Send as WorkerSend } from '@/components/worker';
import type { AdminResultMap } from '@/utils/admin/commands';
import type { AdminCommand } from '@/utils/admin/protocol';
import type { AdminDiagnosticsView } from '@/utils/admin/views';
import { toUserError } from '@/utils/api/errors';
import type { ApiVersion } from '@/utils/api/types';
import { MessageError } from '@/utils/messages/client';

/** What the Administration section asks for: commands run in this page, and the worker's diagnostics report. */
export type AdminRequest = AdminCommand | { type: 'admin/diagnostics' };
export type AdminResults = AdminResultMap & { 'admin/diagnostics': AdminDiagnosticsView };
export type AdminSend = <T extends AdminRequest['type']>(request: Extract<AdminRequest, { type: T }>) => Promise<AdminResults[T]>;

/**
 * The options page's Administration requests. Each command runs here over the worker's `admin/request` relay (the
 * token stays in the worker); a failure arrives as a MessageError with an explainable UserError, the same way the
 * worker's own failures do, so the panels explain both alike.
 */
export function createAdminSend(send: WorkerSend, configuredVersion: ApiVersion): AdminSend {
  return (async (request: AdminRequest) => {
    if (request.type === 'admin/diagnostics') return send(request);
    try {
      // The commands, the specs' schemas and the policy labels load with the first command, not with the page.
      const [{ createAdminClient }, { runAdminCommand }] = await Promise.all([
        import('@/utils/admin/client'),
        import('@/utils/admin/commands'),
      ]);
      const clientFor = (version: ApiVersion = configuredVersion) => createAdminClient(send, version);
      return await runAdminCommand(clientFor, request);
    } catch (error) {
      if (error instanceof MessageError) throw error;
      throw new MessageError('handler-failed', `"${request.type}" failed.`, toUserError(error));
    }
  }) as AdminSend;
}
