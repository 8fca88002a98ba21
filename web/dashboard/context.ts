/**
 * What every dashboard module shares: its dependencies, the clock, and the typed Hono
 * environment (the signed-in session and editor, the parsed form of a POST).
 */
import type { Client } from '@temporalio/client';
import type { SendMailOptions } from 'nodemailer';
import type { CampaignGateway } from '../../infra/campaign-gateway.js';
import type { Endpoints } from '../../infra/config.js';
import type { ObjectStore } from '../../infra/object-store.js';
import { DirectoryStore } from '../../infra/directory-store.js';
import type { AccessView } from './access.js';
import type { Session } from './auth.js';
import type { Editor } from './editors.js';
import type { Form } from '../request-body.js';

export interface DashboardDeps {
  store: ObjectStore;
  /** Status query and decide update of running campaigns. */
  campaigns: CampaignGateway;
  /** Temporal client for start, list and cancel (connects lazily). */
  client: () => Promise<Client>;
  endpoints: Endpoints;
  /**
   * Platform accounts (EDITORS_FILE): they act for every unit; role admin manages the directory.
   * Everyone else signs in as an editor listed on a unit of the directory.
   */
  editors: Editor[];
  /** Sends the sign-in emails. */
  mailer: { sendMail(mail: SendMailOptions): Promise<unknown> };
  now?: () => Date;
  /** Where background failures (sign-in email not sent) are reported; default: stderr. */
  logError?: (message: string, err: unknown) => void;
}

export type { Form } from '../request-body.js';

export type DashEnv = {
  Variables: {
    session: Session;
    editor: Editor;
    /** What the signed-in person may see and do. */
    access: AccessView;
    form: Form;
  };
};

export interface DashContext {
  deps: DashboardDeps;
  now(): Date;
  secret: string;
  /** True when the public base URL is https (cookies get Secure and the __Host- prefix). */
  secure: boolean;
  /** The directory of units in the store: accounts, access, the unit pages. */
  directory: DirectoryStore;
}

export function dashContext(deps: DashboardDeps): DashContext {
  return {
    deps,
    now: deps.now ?? (() => new Date()),
    secret: deps.endpoints.approvalSecret,
    secure: deps.endpoints.publicBaseUrl.startsWith('https://'),
    directory: new DirectoryStore(deps.store, deps.now ? { now: deps.now } : {}),
  };
}
