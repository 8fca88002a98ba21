/**
 * What activities need from the outside world, built once by the worker and passed to the
 * activity factories. Tests may build it with other implementations (e.g. MemoryObjectStore).
 */
import type { Transporter } from 'nodemailer';
import type { Endpoints } from '../infra/config.js';
import type { ObjectStore } from '../infra/object-store.js';
import type { Editor } from '../web/dashboard/editors.js';

export interface ActivityDeps {
  store: ObjectStore;
  /** Pooled nodemailer transport for the configured SMTP server. */
  mailer: Transporter;
  endpoints: Endpoints;
  /** The editor list (EDITORS_FILE): approval emails greet people by name. Empty: by address. */
  editors?: readonly Editor[];
}
