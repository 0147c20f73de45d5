import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES } from './TablePagination';

/**
 * Page and page size of a paged table, kept in the address (?page=2&pageSize=50) so a reload or a shared link shows
 * the same page. Pass `query` to useApiQuery for endpoints that take the contracts' pageQuery. A second table on the
 * same page names its own parameters: `name` 'unmatched' → ?unmatchedPage=2&unmatchedPageSize=50.
 */
export function usePageState(defaultPageSize: (typeof PAGE_SIZES)[number] = 50, name?: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const pageParam = name ? `${name}Page` : 'page';
  const pageSizeParam = name ? `${name}PageSize` : 'pageSize';
  const page = positiveInt(searchParams.get(pageParam)) ?? 1;
  const requestedSize = positiveInt(searchParams.get(pageSizeParam));
  const pageSize = PAGE_SIZES.find((size) => size === requestedSize) ?? defaultPageSize;

  const update = (next: { page?: number; pageSize?: number }) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next.page !== undefined) params.set(pageParam, String(next.page));
        if (next.pageSize !== undefined) params.set(pageSizeParam, String(next.pageSize));
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
