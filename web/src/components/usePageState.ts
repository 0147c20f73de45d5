import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES } from './TablePagination';

/**
 * Page and page size of a paged table, kept in the address (?page=2&pageSize=50) so a reload or a shared link shows
 * the same page. Pass `query` to useApiQuery for endpoints that take the contracts' pageQuery.
 */
export function usePageState(defaultPageSize: (typeof PAGE_SIZES)[number] = 50) {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = positiveInt(searchParams.get('page')) ?? 1;
  const requestedSize = positiveInt(searchParams.get('pageSize'));
  const pageSize = PAGE_SIZES.find((size) => size === requestedSize) ?? defaultPageSize;

  const update = (next: { page?: number; pageSize?: number }) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next.page !== undefined) params.set('page', String(next.page));
        if (next.pageSize !== undefined) params.set('pageSize', String(next.pageSize));
        return params;
      },
      { replace: true },
    );

  return {
    page,
    pageSize,
    query: { page, pageSize },
    setPage: (nextPage: number) => update({ page: nextPage }),
    // A new page size starts again from the first page.
    setPageSize: (nextSize: number) => update({ page: 1, pageSize: nextSize }),
  };
}

function positiveInt(value: string | null): number | undefined {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : undefined;
}
