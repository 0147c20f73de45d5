import { Group, Pagination, Select, Text } from '@mantine/core';

export const PAGE_SIZES = [25, 50, 100] as const;

/**
 * Pagination under a table: "21–40 of 1,234", page buttons and the page size. Matches the API's pageQuery
 * (page from 1, pageSize) and pageOf() answers ({ items, total, page, pageSize }).
 */
export function TablePagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  itemLabel = 'rows',
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  itemLabel?: string;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const format = new Intl.NumberFormat('en');

  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text fz="sm" c="dimmed" aria-live="polite">
        {total === 0 ? `No ${itemLabel}` : `${format.format(first)}–${format.format(last)} of ${format.format(total)} ${itemLabel}`}
      </Text>
      <Group gap="sm">
        {onPageSizeChange !== undefined && (
          <Select
            aria-label="Rows per page"
            size="xs"
            w={116}
            data={PAGE_SIZES.map((size) => ({ value: String(size), label: `${size} / page` }))}
            value={String(pageSize)}
            onChange={(value) => value !== null && onPageSizeChange(Number(value))}
            allowDeselect={false}
          />
        )}
        {pageCount > 1 && (
          <Pagination
            total={pageCount}
            value={Math.min(page, pageCount)}
            onChange={onPageChange}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control === 'first' ? 'First page' : 'Last page' })}
            getItemProps={(itemPage) => ({ 'aria-label': `Page ${itemPage}` })}
          />
        )}
      </Group>
    </Group>
  );
}

/** Client-side slicing for lists the API answers whole (e.g. users). */
export function pageSlice<T>(items: readonly T[], page: number, pageSize: number): readonly T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}
