import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor } from '@mantine/core';

/** A company's name in a table, linking to its account details page; bold where it names the row. */
export function AccountLink({ companyId, isBold = false, children }: { companyId: string; isBold?: boolean; children: ReactNode }) {
  return (
    <Anchor component={Link} to={`/accounts/${encodeURIComponent(companyId)}`} fz="sm" {...(isBold ? { fw: 600 } : {})}>
      {children}
    </Anchor>
  );
}
