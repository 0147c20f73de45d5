import type { RouteDefinition } from '../../defineRoute';
import createSavedReport from './createSavedReport';
import deleteSavedReport from './deleteSavedReport';
import listPublishedSegments from './listPublishedSegments';
import listSavedReports from './listSavedReports';
import publishSegment from './publishSegment';
import unpublishSegment from './unpublishSegment';
import listTargetFields from './listTargetFields';
import listOrchestrations from './listOrchestrations';
import createOrchestration from './createOrchestration';
import updateOrchestration from './updateOrchestration';
import startEnrichmentRun from './startEnrichmentRun';
import listEnrichmentRuns from './listEnrichmentRuns';
import * as segmentsApi from './segmentsApiRoutes';

/** Publishing segments, saved reports, Segment Name Enrichment and the Segments API: listed in ../index.ts as one entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const publishingRoutes: ReadonlyArray<RouteDefinition<any>> = [
  listPublishedSegments,
  publishSegment,
  unpublishSegment,
  listSavedReports,
  createSavedReport,
  deleteSavedReport,
  listTargetFields,
  listOrchestrations,
  createOrchestration,
  updateOrchestration,
  startEnrichmentRun,
  listEnrichmentRuns,
  segmentsApi.getSegmentsApiSettings,
  segmentsApi.saveSegmentsApiSettings,
  segmentsApi.listApiSegmentsRoute,
  segmentsApi.listApiSegmentAccountsRoute,
  segmentsApi.findCompanySegmentsRoute,
  segmentsApi.listSegmentChangesRoute,
];
