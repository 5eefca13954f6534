// The clinic bot on Azure: Container Apps (two or more replicas) + Azure Database for PostgreSQL Flexible Server +
// Azure Bot with the Teams channel + Key Vault holding the secrets (the apps read them by reference) + an Azure Files
// share for the Data Protection key ring. deploy/README.md ("Azure") walks through it.
// The image is built beforehand into an existing Azure Container Registry (`az acr build`, no local Docker needed).

targetScope = 'resourceGroup'

@description('Short name used as a prefix of every resource (letters and digits, 3-12).')
@minLength(3)
@maxLength(12)
param name string

param location string = resourceGroup().location

@description('The image to run, e.g. myclinicacr.azurecr.io/clinic-chatbot:1.0.0')
param containerImage string

@description('Name of the Azure Container Registry (same resource group) that holds containerImage.')
param registryName string

@description('Replicas always running (two for updates without downtime).')
@minValue(1)
param minReplicas int = 2

@minValue(1)
param maxReplicas int = 4

@description('The Entra app registration of the bot (single tenant): Application (client) ID.')
param microsoftAppId string

@description('The Entra tenant (Directory) ID of the app registration; also the tenant whose Teams users are staff.')
param microsoftAppTenantId string

@description('The app registration\'s client secret. Stored in Key Vault; never in app settings.')
@secure()
param microsoftAppPassword string

@description('Direct Line token signing key: base64 of 32 random bytes (openssl rand -base64 32). Stored in Key Vault.')
@secure()
param directLineTokenSigningKey string

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'chatbotadmin'

@description('PostgreSQL administrator password. Stored in Key Vault inside the connection string.')
@secure()
param postgresAdminPassword string

@description('The address range that Container Apps\' ingress proxy connects from, trusted for X-Forwarded-For/-Proto. Check the bot\'s log on first start (deploy/README.md).')
param trustedProxyNetwork string = '100.64.0.0/10'

@description('OTLP endpoint for traces, metrics and logs (OpenTelemetry collector); empty: no export.')
param otlpEndpoint string = ''

@description('Azure Bot pricing tier: F0 (free) or S1. Teams is a standard channel (free in both).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

var appName = '${name}-bot'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var keysMountPath = '/var/lib/clinic-bot/keys'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource registryPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- Secrets ---
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource vaultRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: { value: microsoftAppPassword }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'directline-signing-key'
  properties: { value: directLineTokenSigningKey }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${database.name};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
  }
}

// --- Database ---
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg-${uniqueString(resourceGroup().id)}'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: 'chatbot'
}

// Connections from Azure services only (0.0.0.0); a VNet-integrated environment with private access is stricter.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

// --- Data Protection key ring: one file share mounted by every replica ---
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: toLower('${take(name, 10)}keys${take(uniqueString(resourceGroup().id), 8)}')
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource keysShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: 'dataprotection-keys'
  properties: { shareQuota: 1 }
}

// --- Container Apps ---
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource keysStorage 'Microsoft.App/managedEnvironments/storages@2024-03-01' = {
  parent: environment
  name: 'dataprotection-keys'
  properties: {
    azureFile: {
      accountName: storage.name
      accountKey: storage.listKeys().keys[0].value
      shareName: keysShare.name
      accessMode: 'ReadWrite'
    }
  }
}

var publicHost = '${appName}.${environment.properties.defaultDomain}'
var otlp = empty(otlpEndpoint) ? [] : [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  // The identity must be allowed to read the vault and pull the image before the first revision starts.
  dependsOn: [vaultRead, registryPull]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
        // Staff sign-in sessions live in the memory of the replica that signed the person in (deploy/README.md).
        stickySessions: { affinity: 'sticky' }
      }
      registries: [{ server: registry.properties.loginServer, identity: identity.id }]
      // References only: the values stay in Key Vault and are read with the app's identity.
      secrets: [
        { name: 'bot-app-password', keyVaultUrl: appPasswordSecret.properties.secretUri, identity: identity.id }
        { name: 'directline-signing-key', keyVaultUrl: signingKeySecret.properties.secretUri, identity: identity.id }
        { name: 'database-connection-string', keyVaultUrl: connectionStringSecret.properties.secretUri, identity: identity.id }
      ]
    }
    template: {
      scale: { minReplicas: minReplicas, maxReplicas: maxReplicas }
      volumes: [{ name: 'keys', storageType: 'AzureFile', storageName: keysStorage.name }]
      containers: [
        {
          name: 'bot'
          image: containerImage
          resources: { cpu: json('1.0'), memory: '2Gi' }
          volumeMounts: [{ volumeName: 'keys', mountPath: keysMountPath }]
          env: concat([
            { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
            { name: 'AllowedHosts', value: publicHost }
            { name: 'DirectLine__PublicBaseUrl', value: 'https://${publicHost}/' }
            { name: 'DirectLine__TokenSigningKey', secretRef: 'directline-signing-key' }
            { name: 'Chatbot__Storage__Provider', value: 'Postgres' }
            { name: 'ConnectionStrings__Chatbot', secretRef: 'database-connection-string' }
            { name: 'Chatbot__DataProtection__KeysPath', value: keysMountPath }
            { name: 'Chatbot__ForwardedHeaders__KnownNetworks__0', value: trustedProxyNetwork }
            { name: 'MicrosoftAppId', value: microsoftAppId }
            { name: 'MicrosoftAppType', value: 'SingleTenant' }
            { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
            { name: 'MicrosoftAppPassword', secretRef: 'bot-app-password' }
            { name: 'Chatbot__Teams__AllowedTenantIds__0', value: microsoftAppTenantId }
          ], otlp)
          probes: [
            { type: 'Startup', httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, failureThreshold: 60 }
            { type: 'Liveness', httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 8080 }, periodSeconds: 10, failureThreshold: 3 }
          ]
        }
      ]
    }
  }
}

// --- Azure Bot with the Teams channel ---
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-azurebot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Clinic Assistant'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output chatUrl string = 'https://${app.properties.configuration.ingress.fqdn}/'
output messagingEndpoint string = bot.properties.endpoint
output keyVaultName string = vault.name
output postgresServer string = postgres.properties.fullyQualifiedDomainName
