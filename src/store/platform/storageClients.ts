import { TableClient, TableServiceClient } from '@azure/data-tables';
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageSettings } from '../../config/config.ts';

/**
 * One place that turns storage settings into SDK clients, so the same code talks to Azurite locally
 * (connection string over http) and to an Azure Storage account (managed identity) in production.
 */
export class StorageClients {
  private readonly credential: DefaultAzureCredential | undefined;

  constructor(private readonly settings: StorageSettings) {
    this.credential = settings.kind === 'managedIdentity' ? new DefaultAzureCredential() : undefined;
  }

  table(name: string): TableClient {
    const client =
      this.settings.kind === 'connectionString'
        ? TableClient.fromConnectionString(this.settings.connectionString, name, {
            allowInsecureConnection: isLocal(this.settings.connectionString),
          })
        : new TableClient(this.settings.tableUrl, name, this.credential!);
    // Drypp registers no OpenTelemetry tracer, so the SDK's tracing policy would only build and drop a
    // span for every call (each answer to a card makes two).
    client.pipeline.removePolicy({ name: 'tracingPolicy' });
    return client;
  }

  tableService(): TableServiceClient {
    if (this.settings.kind === 'connectionString') {
      return TableServiceClient.fromConnectionString(this.settings.connectionString, {
        allowInsecureConnection: isLocal(this.settings.connectionString),
      });
    }
    return new TableServiceClient(this.settings.tableUrl, this.credential!);
  }

  queue(name: string): QueueClient {
    if (this.settings.kind === 'connectionString') {
      return new QueueClient(this.settings.connectionString, name);
    }
    return new QueueServiceClient(this.settings.queueUrl, this.credential!).getQueueClient(name);
  }
}

function isLocal(connectionString: string): boolean {
  return /UseDevelopmentStorage=true|https?:\/\/(127\.0\.0\.1|localhost)/i.test(connectionString);
}
