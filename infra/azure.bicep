// Azure resources for one Drypp environment: one App Service plan running two roles of the same code
// (web: bot endpoint, tab API and tab files; worker: scheduler, directory sync, senders), one Storage
// account (tables and queues, reached with the apps' managed identities, no keys), and the Azure Bot.
// Deployed by `arm/deploy` in teamsapp.yml; outputs are written to env/.env.<env>.

@maxLength(20)
@minLength(4)
@description('Used to name every resource in this file')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU (Linux); B1 or above, because the worker needs Always On')
param webAppSku string = 'B1'

@description('Client id of the Microsoft Entra app the bot signs in with')
param botAadAppClientId string

@secure()
@description('Client secret of the bot Entra app')
param botAadAppClientSecret string

@description('Client id of the Entra app used for tab SSO')
param aadAppClientId string

@description('Entra tenant of both apps; the bot is registered SingleTenant in this tenant')
param tenantId string

@maxLength(42)
param botDisplayName string = 'Drypp'

var baseName = toLower(resourceBaseName)
// Storage account names: 3-24 lowercase letters and digits.
var storageAccountName = '${take(replace(baseName, '-', ''), 22)}st'

// Built-in role definition ids.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageDataRoles = [
  storageTableDataContributor
  storageQueueDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    // The apps use their managed identities (Storage Table/Queue Data Contributor below), never keys.
    allowSharedKeyAccess: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

// Settings both roles share; each role adds DRYPP_ROLES.
var sharedAppSettings = [
  {
    name: 'DRYPP_MODE'
    value: 'production'
  }
  // App Service forwards traffic to the container on PORT; the default host (loopback) would not be reachable.
  {
    name: 'DRYPP_HOST'
    value: '0.0.0.0'
  }
  {
    name: 'MicrosoftAppId'
    value: botAadAppClientId
  }
  {
    name: 'MicrosoftAppPassword'
    value: botAadAppClientSecret
  }
  {
    name: 'MicrosoftAppType'
    value: 'SingleTenant'
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenantId
  }
  // The organisations served: this one tenant. Add more (comma-separated) for a multi-tenant bot.
  {
    name: 'DRYPP_TENANTS'
    value: tenantId
  }
  {
    name: 'DRYPP_STORAGE_ACCOUNT_URL_TABLE'
    value: storage.properties.primaryEndpoints.table
  }
  {
    name: 'DRYPP_STORAGE_ACCOUNT_URL_QUEUE'
    value: storage.properties.primaryEndpoints.queue
  }
  {
    name: 'TENANT_ID'
    value: tenantId
  }
  {
    name: 'DRYPP_TAB_CLIENT_ID'
    value: aadAppClientId
  }
  // The deploy step uploads the project with its node_modules; run it as uploaded, no build on the server.
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
]

var sharedSiteConfig = {
  linuxFxVersion: 'NODE|20-lts'
  alwaysOn: true
  ftpsState: 'Disabled'
  minTlsVersion: '1.2'
  http20Enabled: true
}

resource web 'Microsoft.Web/sites@2022-09-01' = {
  name: '${baseName}-web'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: union(sharedSiteConfig, {
      appCommandLine: 'npm run start:web'
      appSettings: concat(sharedAppSettings, [
        {
          name: 'DRYPP_ROLES'
          value: 'web'
        }
      ])
    })
  }
}

resource worker 'Microsoft.Web/sites@2022-09-01' = {
  name: '${baseName}-worker'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: union(sharedSiteConfig, {
      appCommandLine: 'npm run start:worker'
      appSettings: concat(sharedAppSettings, [
        {
          name: 'DRYPP_ROLES'
          value: 'worker'
        }
      ])
    })
  }
}

resource webStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageDataRoles: {
  name: guid(storage.id, web.id, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource workerStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageDataRoles: {
  name: guid(storage.id, worker.id, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: worker.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

// The bot registration. New multi-tenant bots can no longer be created, so it is SingleTenant.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource botTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written by arm/deploy to env/.env.<env> under these names.
output BOT_DOMAIN string = web.properties.defaultHostName
output TAB_DOMAIN string = web.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${web.properties.defaultHostName}'
output AZURE_WEB_RESOURCE_ID string = web.id
output AZURE_WORKER_RESOURCE_ID string = worker.id
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
