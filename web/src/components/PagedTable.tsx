import type { Key, ReactNode } from 'react';
import { Paper, Skeleton, Table, Text, type MantineBreakpoint, type TableProps, type TableTdProps, type TableThProps } from '@mantine/core';
import { formatDateTime } from './formatDate';
import { QueryError } from './QueryError';
import { TablePagination } from './TablePagination';
import type { usePageState } from './usePageState';

/** One column, declared as data: its header, how a row fills its cell, and how both sit. */
export type PagedTableColumn<Row> = {
  key: string;
  /** Text, or a node (a sort button; VisuallyHidden for an actions column, so the header is never empty to a screen reader). */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  width?: number | string;
  align?: 'left' | 'center' | 'right';
  /** Hidden on screens narrower than this breakpoint (header and cells). */
  visibleFrom?: MantineBreakpoint;
  /** More props of the header cell (aria-sort of a sorted column) and of every body cell (fw, c, maw…). */
  headerProps?: Omit<TableThProps, 'children'>;
  cellProps?: Omit<TableTdProps, 'children'>;
};

export type PagedTablePagination = {
  state: ReturnType<typeof usePageState>;
  /** Rows in all pages; by default the `total` of the query's answer. */
  total?: number;
  itemLabel: string;
  /** The page size picker; on unless an endpoint answers fixed pages. */
  canChangePageSize?: boolean;
};

/** A useApiQuery result of a list endpoint: the contracts' pageOf ({ items, total, page, pageSize }) or a whole list ({ items }). */
export type PagedQuery<Row> = { data: { items: readonly Row[]; total?: number } | undefined; error: unknown; refetch: () => unknown };

/**
 * A list as a table: loading skeleton, error (with retry), empty state, the table in its bordered panel and the
 * pagination under it, bound to usePageState (its name, for a second table on a page, travels with the state).
 * Give `query` (a list endpoint's useApiQuery result: rows, total, error and retry come from it) or `rows` (undefined
 * while loading) with `error` and `onRetry`. An error with rows (a re-read failed) is shown above the rows it had. Without `pagination` it is a plain table (a list the API answers whole).
 * Empty: `empty` replaces the table and the pagination (an EmptyPanel); else `emptyText` is said in a table row.
 */
export function PagedTable<Row>({
  label,
  columns,
  query,
  rows = query?.data?.items,
  rowKey,
  rowTestId,
  pagination,
  error = query?.error,
  onRetry = query !== undefined ? () => void query.refetch() : undefined,
  skeletonHeight = 240,
  empty,
  emptyText,
  minWidth,
  isFramed = true,
  tableProps,
}: {
  /** The table's accessible name (aria-label). */
  label: string;
  /** `false` leaves a column out (one shown to some roles only). */
  columns: ReadonlyArray<PagedTableColumn<Row> | false>;
  query?: PagedQuery<Row>;
  rows?: readonly Row[] | undefined;
  rowKey: (row: Row) => Key;
  rowTestId?: (row: Row) => string;
  pagination?: PagedTablePagination;
  error?: unknown;
  onRetry?: () => void;
  skeletonHeight?: number;
  empty?: ReactNode;
  emptyText?: ReactNode;
  /** Scrolls sideways below this width; without it the table is not in a scroll container. */
  minWidth?: number;
  /** In a bordered white panel (the default), or bare inside a card of the page. */
  isFramed?: boolean;
  tableProps?: Omit<TableProps, 'children' | 'aria-label'>;
}) {
  // A failed first read shows the error alone; a failed re-read (a polling page) keeps the rows it had under it.
  const failure = error !== undefined && error !== null ? <QueryError error={error} {...(onRetry !== undefined ? { onRetry } : {})} /> : null;
  if (failure && rows === undefined) return failure;
  if (rows === undefined) return <Skeleton height={skeletonHeight} radius="lg" />;
  const total = pagination?.total ?? query?.data?.total ?? rows.length;
  const isEmpty = pagination !== undefined ? total === 0 : rows.length === 0;
  if (isEmpty && empty !== undefined) return <>{empty}</>;

  const shown = columns.filter((column): column is PagedTableColumn<Row> => column !== false);
  const table = (
    <Table aria-label={label} {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {shown.map((column) => (
            <Table.Th key={column.key} {...placement(column)} {...column.headerProps}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && emptyText !== undefined ? (
          <Table.Tr>
            <Table.Td colSpan={shown.length}>
              <Text fz="sm" c="dimmed" ta="center" py="lg">
                {emptyText}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : (
          rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...(rowTestId !== undefined ? { 'data-testid': rowTestId(row) } : {})}>
              {shown.map((column) => (
                <Table.Td key={column.key} {...(column.align !== undefined ? { ta: column.align } : {})} {...(column.visibleFrom !== undefined ? { visibleFrom: column.visibleFrom } : {})} {...column.cellProps}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );
  const scrolled = minWidth !== undefined ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;

  return (
    <>
      {failure}
      {isFramed ? (
        <Paper withBorder radius="lg" bg="white">
          {scrolled}
        </Paper>
      ) : (
        scrolled
      )}
      {pagination !== undefined && (
        <TablePagination
          page={pagination.state.page}
          pageSize={pagination.state.pageSize}
          total={total}
          onPageChange={pagination.state.setPage}
          {...(pagination.canChangePageSize === false ? {} : { onPageSizeChange: pagination.state.setPageSize })}
          itemLabel={pagination.itemLabel}
        />
      )}
    </>
  );
}

function placement<Row>(column: PagedTableColumn<Row>): Omit<TableThProps, 'children'> {
  return {
    ...(column.width !== undefined ? { w: column.width } : {}),
    ...(column.align !== undefined ? { ta: column.align } : {}),
    ...(column.visibleFrom !== undefined ? { visibleFrom: column.visibleFrom } : {}),
  };
}

/** A cell's date and time in small dimmed text, or the fallback ("Never") when there is none. */
export function DateTimeCell({ value, fallback }: { value: string | null; fallback: string }) {
  return (
    <Text fz="sm" c="dimmed">
      {formatDateTime(value, fallback)}
    </Text>
  );
}
