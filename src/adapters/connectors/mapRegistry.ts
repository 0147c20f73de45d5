import type { MapConnectorRegistry } from '../../ports/mapConnector';
import { eloquaConnector } from './eloqua/index';
import { hubSpotConnector } from './hubspot/index';
import { marketoConnector } from './marketo/index';
import { pardotConnector } from './pardot/index';

/** Every marketing-automation connector by provider (STYLE.md §3.3: no switch on the provider). */
export const mapConnectors: MapConnectorRegistry = {
  hubspot: hubSpotConnector,
  marketo: marketoConnector,
  pardot: pardotConnector,
  eloqua: eloquaConnector,
};
