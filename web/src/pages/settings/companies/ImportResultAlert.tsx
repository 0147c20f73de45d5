import { Alert, List, Text } from '@mantine/core';
import { errorMessage } from '../../../api/client';

export interface ImportResult {
  fileName: string;
  upserted: number;
  rejected: ReadonlyArray<{ line: number; reason: string }>;
}

const SHOWN_REJECTIONS = 20;

/** What an import stored and which lines it refused, and why. */
export function ImportResultAlert({ result, error, onClose }: { result: ImportResult | null; error: unknown; onClose: () => void }) {
  if (error !== null && error !== undefined) {
    return (
      <Alert color="red" variant="light" role="alert" mb="md" withCloseButton onClose={onClose} title="The file was not imported">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!result) return null;
  return (
    <Alert color={result.rejected.length > 0 ? 'yellow' : 'green'} variant="light" role="status" mb="md" withCloseButton onClose={onClose} title={`${result.fileName}: ${result.upserted} ${result.upserted === 1 ? "company" : "companies"} imported`}>
      {result.rejected.length === 0 ? (
        <Text fz="sm">Every row was imported.</Text>
      ) : (
        <>
          <Text fz="sm" mb={4}>
            {result.rejected.length} {result.rejected.length === 1 ? 'row was' : 'rows were'} not imported:
          </Text>
          <List size="sm" spacing={2}>
            {result.rejected.slice(0, SHOWN_REJECTIONS).map((rejection) => (
              <List.Item key={rejection.line}>
                Line {rejection.line}: {rejection.reason}
              </List.Item>
            ))}
          </List>
          {result.rejected.length > SHOWN_REJECTIONS && <Text fz="sm">… and {result.rejected.length - SHOWN_REJECTIONS} more.</Text>}
        </>
      )}
    </Alert>
  );
}
