import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;
type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and a new UserTokenClient, each with an HTTP
 * pipeline of its own, for every activity it receives and every proactive send: about a millisecond
 * of CPU per card answer, as much as Drypp's own work on it. Neither holds anything of a turn (the
 * credentials cache their tokens themselves), so they are kept per bot app id, service URL and
 * audience, as botbuilder's older BotFrameworkAdapter kept its connector clients. Authentication is
 * untouched: every request is still validated before a client is looked up. The service URL comes
 * from the activity, so the number kept is bounded.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<Promise<ConnectorClient>>(100);
  private readonly tokenClients = new BoundedCache<Promise<UserTokenClient>>(10);

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(result.claimsIdentity, factory) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const reusing: Pick<ConnectorFactory, 'create'> = {
      create: (serviceUrl: string, audience?: string) =>
        this.connectors.get(`${appId}|${serviceUrl}|${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
    return reusing as ConnectorFactory;
  }
}

/** The bot's app id as botbuilder's connector factory takes it: the token's audience, else its appid claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}

/** At most `max` entries, the oldest dropped first; a creation that fails is not kept. */
class BoundedCache<T extends Promise<unknown>> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max: number) {}

  get(key: string, create: () => T): T {
    const found = this.entries.get(key);
    if (found) return found;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    const created = create();
    this.entries.set(key, created);
    created.catch(() => this.entries.delete(key));
    return created;
  }
}
