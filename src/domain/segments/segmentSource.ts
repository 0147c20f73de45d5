import { z } from 'zod';

/** Where a segment's accounts come from. Stored as segments.source_type + segments.source_config. */
export const SOURCE_TYPES = ['crm_list', 'crm_report', 'upload', 'filters'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const SOURCE_TYPE_LABELS: Readonly<Record<SourceType, string>> = {
  crm_list: 'CRM Account List',
  crm_report: 'CRM Report',
  upload: 'Uploaded Account List',
  filters: 'Filters',
};

export const crmListSource = z.object({
  type: z.literal('crm_list'),
  provider: z.enum(['salesforce', 'dynamics']),
  /** Salesforce list views; Dynamics system views ('saved_view'). */
  kind: z.enum(['list_view', 'saved_view']).default('list_view'),
  sourceId: z.string().trim().min(1).max(100),
  /** The name the picker showed; kept when the CRM does not name the source when it is read. */
  sourceName: z.string().trim().max(300).optional(),
});

/** Reports exist in Salesforce only ("Supported CRM Platform: Salesforce"). */
export const crmReportSource = z.object({
  type: z.literal('crm_report'),
  provider: z.literal('salesforce'),
  sourceId: z.string().trim().min(1).max(100),
  sourceName: z.string().trim().max(300).optional(),
});

export const uploadSource = z.object({ type: z.literal('upload'), uploadId: z.string().uuid() });
export const filtersSource = z.object({ type: z.literal('filters') });

export const segmentSource = z.discriminatedUnion('type', [crmListSource, crmReportSource, uploadSource, filtersSource]);
export type SegmentSource = z.infer<typeof segmentSource>;

/** What is stored in source_config besides the type: the input plus names learnt when the source was read. */
export interface StoredSourceConfig {
  provider?: 'salesforce' | 'dynamics';
  kind?: 'list_view' | 'saved_view' | 'report';
  sourceId?: string;
  sourceName?: string;
  objectType?: string;
  uploadId?: string;
  fileName?: string;
}

export function storedSourceConfig(source: SegmentSource, learnt: { sourceName?: string | undefined; objectType?: string | undefined; fileName?: string | undefined }): StoredSourceConfig {
  switch (source.type) {
    case 'crm_list':
    case 'crm_report': {
      const sourceName = displayNameOf(source.sourceId, learnt.sourceName) ?? displayNameOf(source.sourceId, source.sourceName);
      return {
        provider: source.provider,
        kind: source.type === 'crm_report' ? 'report' : source.kind,
        sourceId: source.sourceId,
        ...(sourceName ? { sourceName } : {}),
        ...(learnt.objectType ? { objectType: learnt.objectType } : {}),
      };
    }
    case 'upload':
      return { uploadId: source.uploadId, ...(learnt.fileName ? { fileName: learnt.fileName } : {}) };
    case 'filters':
      return {};
  }
}

/**
 * A source's name fit to show, or undefined: a CRM that cannot name a source when reading it (a Salesforce list view's
 * describe carries no label) answers with its id, and "00B5g…EAA" is no name for people.
 */
export function displayNameOf(sourceId: string, name: string | null | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed && trimmed !== sourceId ? trimmed : undefined;
}

/** Rebuilds the source from what is stored; undefined when the stored config is damaged. */
export function sourceOfStored(sourceType: string, config: Record<string, unknown>): SegmentSource | undefined {
  const parsed = segmentSource.safeParse({ ...config, type: sourceType });
  return parsed.success ? parsed.data : undefined;
}
