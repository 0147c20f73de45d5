import type { AdChannelId } from '../../domain/sync/channels';
import type { AdChannelConnector } from '../../ports/adChannel';
import { googleConnector } from './google/index';
import { linkedinConnector } from './linkedin/index';
import { metaConnector } from './meta/index';

/** Every ad-channel connector by channel (STYLE.md §3.3: no switch on the provider). */
export const adChannelConnectors: Readonly<Record<AdChannelId, AdChannelConnector>> = {
  google: googleConnector,
  linkedin: linkedinConnector,
  meta: metaConnector,
};
