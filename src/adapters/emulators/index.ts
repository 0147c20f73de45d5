import { dynamicsEmulatorDefinition } from './dynamics';
import { eloquaEmulatorDefinition } from './eloqua';
import { hubSpotEmulatorDefinition } from './hubspot';
import { marketoEmulatorDefinition } from './marketo';
import { pardotEmulatorDefinition } from './pardot';
import { googleEmulatorDefinition } from './google';
import type { EmulatorDefinition } from './kit/registry';
import { linkedInEmulatorDefinition } from './linkedin';
import { metaEmulatorDefinition } from './meta';
import { salesforceEmulatorDefinition } from './salesforce';

/** Every provider emulator, started by sandbox mode and by `openabm sandbox <provider>`. Add new ones here. */
export const emulatorDefinitions: readonly EmulatorDefinition[] = [dynamicsEmulatorDefinition, salesforceEmulatorDefinition, hubSpotEmulatorDefinition, marketoEmulatorDefinition, pardotEmulatorDefinition, eloquaEmulatorDefinition, metaEmulatorDefinition, linkedInEmulatorDefinition, googleEmulatorDefinition];

export function findEmulator(provider: string): EmulatorDefinition | undefined {
  return emulatorDefinitions.find((definition) => definition.provider === provider);
}
