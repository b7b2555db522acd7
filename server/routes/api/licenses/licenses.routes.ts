import type { FastifyInstance } from 'fastify';
import { licensesApi } from '../../../../contract/licenses.ts';
import { route } from '../../../http/route.ts';
import { assignLicense, revokeLicense } from '../../../modules/licenses/assignments.ts';
import { listLicenses, searchLicenses } from '../../../modules/licenses/license-search.ts';

export async function licenseRoutes(app: FastifyInstance): Promise<void> {
  // Lists and searches: read from the standby when there is one (http/route.ts).
  const reading = { actors: ['partner_user'], permission: 'licenses.read', reads: 'standby' } as const;
  route(app, licensesApi.list, reading, ({ actor, db, meta, params, query }) =>
    listLicenses(db, { actor, meta, ...params, show: query.show }),
  );
  route(app, licensesApi.search, reading, ({ actor, body, db, meta, params }) =>
    searchLicenses(db, { actor, meta, ...params, request: body }),
  );
  const assigning = { actors: ['partner_user'], permission: 'licenses.assign' } as const;
  route(app, licensesApi.assign, assigning, ({ actor, body, db, meta, params }) =>
    assignLicense(db, { actor, meta, ...params, email: body.email }),
  );
  route(app, licensesApi.revoke, assigning, ({ actor, db, meta, params }) =>
    revokeLicense(db, { actor, meta, ...params }),
  );
}
