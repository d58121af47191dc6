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

  /**
   * The proactive path (continueConversationAsync: the outbound pipeline's sends, updates and
   * deletes). Its clients answer Teams' 429 and 5xx at once instead of retrying inside the call:
   * the pipeline re-queues that one message for its Retry-After, and a hidden retry would be a
   * send the shared tenant rate never counted. Replies within a turn keep botbuilder's retries.
   */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, super.createConnectorFactory(claimsIdentity), 'proactive');
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(
    claimsIdentity: ClaimsIdentity,
    factory: ConnectorFactory,
    use: 'turn' | 'proactive' = 'turn',
  ): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const reusing: Pick<ConnectorFactory, 'create'> = {
      create: (serviceUrl: string, audience?: string) =>
        this.connectors.get(`${use}|${appId}|${serviceUrl}|${audience ?? ''}`, async () => {
          const client = await factory.create(serviceUrl, audience);
          if (use === 'proactive') withoutHiddenRetries(client);
          return client;
        }),
    };
    return reusing as ConnectorFactory;
  }
}

/** Removes the retry policies (Retry-After, exponential) of the client's HTTP pipeline (@azure/core-rest-pipeline). */
function withoutHiddenRetries(client: ConnectorClient): void {
  const pipeline = (
    client as unknown as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } }
  ).client?.pipeline;
  if (!pipeline)
    throw new Error('botbuilder changed: the connector client has no HTTP pipeline to configure');
  pipeline.removePolicy({ phase: 'Retry' });
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
