// Parameters for main.bicep. Secrets are read from the deploying shell's environment, never written here:
//   export MICROSOFT_APP_PASSWORD=… DIRECTLINE_TOKEN_SIGNING_KEY=$(openssl rand -base64 32) POSTGRES_ADMIN_PASSWORD=…
//   az deployment group create -g <group> -f deploy/azure/main.bicep -p deploy/azure/main.bicepparam
using './main.bicep'

param name = 'psiclinic'
param containerImage = 'psiclinicacr.azurecr.io/clinic-chatbot:1.0.0'
param registryName = 'psiclinicacr'
param microsoftAppId = '00000000-0000-0000-0000-000000000000'
param microsoftAppTenantId = '00000000-0000-0000-0000-000000000000'
param microsoftAppPassword = readEnvironmentVariable('MICROSOFT_APP_PASSWORD')
param directLineTokenSigningKey = readEnvironmentVariable('DIRECTLINE_TOKEN_SIGNING_KEY')
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
