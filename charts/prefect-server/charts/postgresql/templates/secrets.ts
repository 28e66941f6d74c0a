// templates/secrets.yaml: the Secret with the passwords (unless an existing Secret is used), and the
// optional servicebinding.io Secrets. A password left empty is generated, as helm does.
import type { ChartTemplate, Manifest } from '../../../../../src/renderer/chart.js';
import type { RenderContext } from '../../../../../src/renderer/context.js';
import {
  b64dec,
  b64enc,
  fullname,
  isTrue,
  passwordsManage,
  randAlphaNum,
  secretsLookup,
} from '../../../../../src/renderer/helpers/index.js';
import {
  at,
  coalesce,
  createSecret,
  database,
  hasCustomUser,
  metadata,
  primaryFullname,
  servicePort,
  username,
  type Obj,
} from './helpers.js';

/** `include ... | trimAll "\"" | b64dec`: what the secret helpers return, back to plain text. */
function plain(b64: string): string {
  return b64dec(b64.replace(/^"+|"+$/g, ''));
}

interface Passwords {
  postgres: string;
  user: string;
}

function passwords(ctx: RenderContext): Passwords {
  const g = (key: string): unknown => at(ctx, 'global', 'postgresql', 'auth', key);
  const a = (key: string): unknown => at(ctx, 'auth', key);
  const user = username(ctx);
  // Without a custom user, `postgres` is the user, so its password may come from auth.password too.
  let postgres = plain(
    secretsLookup(
      hasCustomUser(user)
        ? coalesce(g('postgresPassword'), a('postgresPassword'))
        : coalesce(g('password'), a('password'), g('postgresPassword'), a('postgresPassword')),
    ),
  );
  if (postgres === '' && isTrue(a('enablePostgresUser'))) postgres = randAlphaNum(10);
  const userPassword = hasCustomUser(user)
    ? plain(passwordsManage(ctx, { providedValues: ['global.postgresql.auth.password', 'auth.password'] }))
    : '';
  return { postgres, user: userPassword };
}

/** `key: {{ value | b64enc | quote }}` */
const enc = (value: string): string => b64enc(value);

function bindingSecret(ctx: RenderContext, suffix: string, data: Obj): Manifest {
  return { apiVersion: 'v1', kind: 'Secret', metadata: metadata(ctx, `${fullname(ctx)}-${suffix}`), type: 'servicebinding.io/postgresql', data };
}

export const template: ChartTemplate = {
  path: 'templates/secrets.yaml',
  render(ctx) {
    const host = primaryFullname(ctx);
    const port = servicePort(ctx);
    const user = username(ctx);
    const { postgres, user: password } = passwords(ctx);
    // No replication or LDAP passwords: those settings are refused in NOTES.
    const db = database(ctx);
    const docs: Manifest[] = [];
    if (createSecret(ctx)) {
      const data: Obj = {};
      if (postgres !== '') data['postgres-password'] = enc(postgres);
      if (password !== '') data.password = enc(password);
      docs.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: metadata(ctx, fullname(ctx)),
        type: 'Opaque',
        data: Object.keys(data).length ? data : null,
      });
    }
    if (isTrue(at(ctx, 'serviceBindings', 'enabled'))) {
      if (postgres !== '') {
        docs.push(
          bindingSecret(ctx, 'svcbind-postgres', {
            provider: enc('bitnami'),
            type: enc('postgresql'),
            host: enc(host),
            port: enc(port),
            username: enc('postgres'),
            database: enc('postgres'),
            password: enc(postgres),
            uri: enc(`postgresql://postgres:${postgres}@${host}:${port}/postgres`),
          }),
        );
      }
      if (password !== '') {
        const data: Obj = {
          provider: enc('bitnami'),
          type: enc('postgresql'),
          host: enc(host),
          port: enc(port),
          username: enc(user),
          password: enc(password),
        };
        if (db !== '') data.database = enc(db);
        data.uri = enc(`postgresql://${user}:${password}@${host}:${port}/${db}`);
        docs.push(bindingSecret(ctx, 'svcbind-custom-user', data));
      }
    }
    return docs;
  },
};
