import { dynamicsEmulatorDefinition } from './dynamics';
import { hubSpotEmulatorDefinition } from './hubspot';
import type { EmulatorDefinition } from './kit/registry';
import { metaEmulatorDefinition } from './meta';
import { salesforceEmulatorDefinition } from './salesforce';

/** Every provider emulator, started by sandbox mode and by `openabm sandbox <provider>`. Add new ones here. */
export const emulatorDefinitions: readonly EmulatorDefinition[] = [dynamicsEmulatorDefinition, salesforceEmulatorDefinition, hubSpotEmulatorDefinition, metaEmulatorDefinition];

export function findEmulator(provider: string): EmulatorDefinition | undefined {
  return emulatorDefinitions.find((definition) => definition.provider === provider);
}
