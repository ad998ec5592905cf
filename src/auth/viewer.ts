// The Viewer a signed-in user or an API key acts as.

import type { Viewer } from '../core/access.ts';
import type { ApiKeyScope, User } from '../core/account.ts';

export function viewerOf(user: User, via: 'session' | 'apikey', scope: ApiKeyScope): Viewer {
  return {
    via,
    userId: user.id,
    role: user.role,
    groupIds: user.groupIds,
    editsAllDatasets: user.editsAllDatasets,
    editableDatasets: user.editableDatasets,
    scope,
  };
}
