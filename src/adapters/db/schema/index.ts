// One schema object for Drizzle. Each area adds its own file here and a numbered SQL migration in ../migrations/.
export * from './core';
export * from './integrations';
export * from './mapIntegrations';
export * from './companies';
export * from './segments';
export * from './adSyncs';
export * from './loginThrottle';
export * from './publishing';
export * from './conversationalEmail';
export * from './masterCompaniesState';
